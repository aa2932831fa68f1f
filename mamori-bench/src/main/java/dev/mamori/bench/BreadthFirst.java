package dev.mamori.bench;

import dev.mamori.engine.systemic.PropagationGraph;

/** The practical floor the systemic benchmarks are compared with: a plain breadth-first search over every edge. */
final class BreadthFirst {

    private BreadthFirst() {}

    /** How many nodes are reachable from the starts over any relation. */
    static int count(PropagationGraph graph, int[] starts) {
        int n = graph.nodeCount();
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        int tail = 0;
        for (int s : starts) {
            if (!seen[s]) {
                seen[s] = true;
                queue[tail++] = s;
            }
        }
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            for (int i = graph.outStart(v); i < graph.outEnd(v); i++) {
                int w = graph.to(graph.outEdge(i));
                if (!seen[w]) {
                    seen[w] = true;
                    queue[tail++] = w;
                }
            }
        }
        return tail;
    }
}
