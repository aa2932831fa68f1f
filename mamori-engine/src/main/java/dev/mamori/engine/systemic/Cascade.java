package dev.mamori.engine.systemic;

import dev.mamori.engine.graph.FrozenGraph;
import java.util.Arrays;

/**
 * How unavailability spreads, compiled once and run many times: a data flow breaks when its source
 * or a network it travels over is down, and a component that receives data goes down when every
 * data flow into it is broken (it needs its providers and has no alternative left), or when a
 * flow marked {@code required} is (a name service, a licence server: nothing else stands in). Commands
 * received are not needs: a turbine keeps turning without remote control, a gate falls back to its
 * own logic.
 *
 * <p>A run touches only what goes down and the flows it breaks, and undoes its changes before it
 * returns, so that a criticality analysis can fail every component in turn in time proportional to
 * what each failure takes down, not to the landscape.
 */
public final class Cascade {

    private final int components;
    private final int[] flowTarget; // -1 for flows that carry commands only (not needs)
    private final boolean[] required; // the receiver stops without it, whatever else arrives
    private final int[] affectsStart; // per component: the data flows leaving it or travelling over it
    private final int[] affects;
    private final int[] providers; // per component: its incoming data flows
    private final int[] alive;
    private final boolean[] broken;
    private final boolean[] down;
    private final int[] cause;
    private final int[] queue;
    private final int[] brokenFlows;

    private Cascade(FrozenGraph graph) {
        components = graph.componentCount();
        int flows = graph.flowCount();
        flowTarget = new int[flows];
        required = new boolean[flows];
        providers = new int[components];
        affectsStart = new int[components + 1];
        for (int f = 0; f < flows; f++) {
            if (graph.flow(f).commands()) {
                flowTarget[f] = -1;
                continue;
            }
            flowTarget[f] = graph.flowTo(f);
            required[f] = graph.flow(f).required();
            providers[graph.flowTo(f)]++;
            affectsStart[graph.flowFrom(f) + 1]++;
            for (int net : graph.networksOf(f)) {
                affectsStart[net + 1]++;
            }
        }
        for (int c = 0; c < components; c++) {
            affectsStart[c + 1] += affectsStart[c];
        }
        affects = new int[affectsStart[components]];
        int[] next = Arrays.copyOf(affectsStart, components);
        for (int f = 0; f < flows; f++) {
            if (flowTarget[f] >= 0) {
                affects[next[graph.flowFrom(f)]++] = f;
                for (int net : graph.networksOf(f)) {
                    affects[next[net]++] = f;
                }
            }
        }
        alive = providers.clone();
        broken = new boolean[flows];
        down = new boolean[components];
        cause = new int[components];
        Arrays.fill(cause, -1);
        queue = new int[components];
        brokenFlows = new int[flows];
    }

    public static Cascade of(FrozenGraph graph) {
        return new Cascade(graph);
    }

    public int componentCount() {
        return components;
    }

    /** How many data flows feed the component: 0 means nothing it receives can take it down. */
    public int providers(int component) {
        return providers[component];
    }

    /**
     * Fails the given components and returns everything that goes down, the failed first. {@code
     * causes}, when not null and as long as the components, receives the last flow whose loss took
     * each down (-1 for those that failed themselves) at the returned components' positions.
     */
    public int[] run(int[] failed, int[] causes) {
        int tail = 0;
        int brokenCount = 0;
        for (int c : failed) {
            if (!down[c]) {
                down[c] = true;
                queue[tail++] = c;
            }
        }
        for (int head = 0; head < tail; head++) {
            int c = queue[head];
            for (int i = affectsStart[c]; i < affectsStart[c + 1]; i++) {
                int f = affects[i];
                if (broken[f]) {
                    continue;
                }
                broken[f] = true;
                brokenFlows[brokenCount++] = f;
                int target = flowTarget[f];
                if ((--alive[target] == 0 || required[f]) && !down[target]) {
                    down[target] = true;
                    cause[target] = f;
                    queue[tail++] = target;
                }
            }
        }
        int[] result = Arrays.copyOf(queue, tail);
        // undo: only what this run touched
        for (int i = 0; i < tail; i++) {
            int c = result[i];
            down[c] = false;
            if (causes != null) {
                causes[c] = cause[c];
            }
            cause[c] = -1;
        }
        for (int i = 0; i < brokenCount; i++) {
            int f = brokenFlows[i];
            broken[f] = false;
            alive[flowTarget[f]]++;
        }
        return result;
    }
}
