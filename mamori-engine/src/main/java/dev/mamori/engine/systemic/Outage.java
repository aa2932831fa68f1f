package dev.mamori.engine.systemic;

import dev.mamori.engine.graph.FrozenGraph;
import java.util.Arrays;

/**
 * Unavailability spreading from failed components: a data flow breaks when its source or a network
 * it travels over is down, and a component that receives data goes down when every data flow into
 * it is broken (it needs its providers and has no alternative left). Each flow breaks once, so the pass
 * is linear in components, flows and network hops.
 */
public final class Outage {

    private final boolean[] down;
    private final int[] cause;

    private Outage(int components) {
        down = new boolean[components];
        cause = new int[components];
        Arrays.fill(cause, -1);
    }

    public static Outage of(FrozenGraph graph, int[] failed) {
        int n = graph.componentCount();
        Outage outage = new Outage(n);
        // A component needs the data it receives; commands it receives are not needs (a turbine keeps
        // turning without remote control, a gate falls back to its own logic).
        int[] alive = new int[n];
        for (int f = 0; f < graph.flowCount(); f++) {
            if (!graph.flow(f).commands()) {
                alive[graph.flowTo(f)]++;
            }
        }
        // flows travelling over each network component
        int[] overCount = new int[n + 1];
        for (int f = 0; f < graph.flowCount(); f++) {
            for (int net : graph.networksOf(f)) {
                overCount[net + 1]++;
            }
        }
        for (int c = 0; c < n; c++) {
            overCount[c + 1] += overCount[c];
        }
        int[] over = new int[overCount[n]];
        int[] next = Arrays.copyOf(overCount, n);
        for (int f = 0; f < graph.flowCount(); f++) {
            for (int net : graph.networksOf(f)) {
                over[next[net]++] = f;
            }
        }
        boolean[] broken = new boolean[graph.flowCount()];
        int[] queue = new int[n];
        int tail = 0;
        for (int c : failed) {
            if (!outage.down[c]) {
                outage.down[c] = true;
                queue[tail++] = c;
            }
        }
        int head = 0;
        while (head < tail) {
            int c = queue[head++];
            int[] outgoing = graph.flowsOut(c);
            int[] carried = Arrays.copyOfRange(over, overCount[c], overCount[c + 1]);
            for (int[] flows : new int[][] {outgoing, carried}) {
                for (int f : flows) {
                    if (broken[f] || graph.flow(f).commands()) {
                        continue;
                    }
                    broken[f] = true;
                    int target = graph.flowTo(f);
                    if (--alive[target] == 0 && !outage.down[target]) {
                        outage.down[target] = true;
                        outage.cause[target] = f;
                        queue[tail++] = target;
                    }
                }
            }
        }
        return outage;
    }

    public boolean down(int component) {
        return down[component];
    }

    /** The last flow whose loss took the component down, or -1 for a component that failed itself. */
    public int lastBrokenFlow(int component) {
        return cause[component];
    }

    public int downCount() {
        int n = 0;
        for (boolean d : down) {
            n += d ? 1 : 0;
        }
        return n;
    }
}
