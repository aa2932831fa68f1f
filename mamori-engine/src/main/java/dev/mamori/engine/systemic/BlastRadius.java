package dev.mamori.engine.systemic;

import java.util.Arrays;

/**
 * For every system at once, the systems a compromise of it reaches over control relations: the
 * control graph is condensed into strongly connected components (iterative Tarjan, which emits them
 * sinks first), and each component's reach is a bitset over systems, the union of its own systems
 * and its successors' reach. Linear in the graph plus (condensed edges × systems / 64).
 */
public final class BlastRadius {

    private final long[][] reachOfSystem;
    private final int systems;

    private BlastRadius(long[][] reachOfSystem, int systems) {
        this.reachOfSystem = reachOfSystem;
        this.systems = systems;
    }

    public static BlastRadius of(PropagationGraph graph) {
        int n = graph.nodeCount();
        int systems = graph.systemCount();
        int words = (systems + 63) >>> 6;
        // Only components are footholds in a system: a zone node stands for reachability inside the zone,
        // which may hold components of several systems, and belongs to none of them (its system is -1).
        int[] scc = tarjan(graph);
        int sccCount = 0;
        for (int v = 0; v < n; v++) {
            sccCount = Math.max(sccCount, scc[v] + 1);
        }
        // Tarjan numbers components in completion order: successors of an SCC always carry smaller
        // numbers, so one pass in increasing order sees every successor's reach complete.
        long[][] reach = new long[sccCount][words];
        for (int v = 0; v < n; v++) {
            int system = graph.systemOf(v);
            if (system >= 0) {
                reach[scc[v]][system >>> 6] |= 1L << system;
            }
        }
        int[] order = new int[n];
        int[] start = new int[sccCount + 1];
        for (int v = 0; v < n; v++) {
            start[scc[v] + 1]++;
        }
        for (int s = 0; s < sccCount; s++) {
            start[s + 1] += start[s];
        }
        int[] next = Arrays.copyOf(start, sccCount);
        for (int v = 0; v < n; v++) {
            order[next[scc[v]]++] = v;
        }
        for (int s = 0; s < sccCount; s++) {
            for (int k = start[s]; k < start[s + 1]; k++) {
                int v = order[k];
                for (int i = graph.outStart(v); i < graph.outControlEnd(v); i++) {
                    int t = scc[graph.to(graph.outEdge(i))];
                    if (t != s) {
                        long[] into = reach[s];
                        long[] from = reach[t];
                        for (int w = 0; w < words; w++) {
                            into[w] |= from[w];
                        }
                    }
                }
            }
        }
        long[][] bySystem = new long[systems][words];
        for (int v = 0; v < n; v++) {
            if (graph.systemOf(v) < 0) {
                continue;
            }
            long[] into = bySystem[graph.systemOf(v)];
            long[] from = reach[scc[v]];
            for (int w = 0; w < words; w++) {
                into[w] |= from[w];
            }
        }
        return new BlastRadius(bySystem, systems);
    }

    /** Strongly connected components of the control graph, numbered in completion order. */
    static int[] tarjan(PropagationGraph graph) {
        int n = graph.nodeCount();
        int[] index = new int[n];
        int[] low = new int[n];
        int[] comp = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        int[] stack = new int[n];
        int sp = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int counter = 0;
        int components = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = graph.outStart(root);
            index[root] = low[root] = counter++;
            stack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                if (callEdge[depth] < graph.outControlEnd(v)) {
                    int w = graph.to(graph.outEdge(callEdge[depth]++));
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = graph.outStart(w);
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    if (low[v] == index[v]) {
                        int w;
                        do {
                            w = stack[--sp];
                            onStack[w] = false;
                            comp[w] = components;
                        } while (w != v);
                        components++;
                    }
                    depth--;
                    if (depth >= 0) {
                        int parent = callNode[depth];
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                }
            }
        }
        return comp;
    }

    /** Whether a compromise of system {@code from} reaches system {@code to} (every system reaches itself). */
    public boolean reaches(int from, int to) {
        return (reachOfSystem[from][to >>> 6] & (1L << to)) != 0;
    }

    /** How many other systems a compromise of {@code system} reaches. */
    public int reachedCount(int system) {
        int count = 0;
        for (long word : reachOfSystem[system]) {
            count += Long.bitCount(word);
        }
        return reaches(system, system) ? count - 1 : count;
    }

    public int systemCount() {
        return systems;
    }
}
