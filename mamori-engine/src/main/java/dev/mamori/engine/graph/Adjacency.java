package dev.mamori.engine.graph;

import java.util.Arrays;

/**
 * Lists of ints per node in compressed sparse row form: one offsets array and one values array,
 * so that a million edges cost two arrays, not a million objects.
 */
final class Adjacency {

    private static final int[] NONE = new int[0];

    private final int[] start;
    private final int[] values;

    private Adjacency(int[] start, int[] values) {
        this.start = start;
        this.values = values;
    }

    /** The values of {@code node}, as a fresh array (callers may keep it). */
    int[] of(int node) {
        int from = start[node];
        int to = start[node + 1];
        return from == to ? NONE : Arrays.copyOfRange(values, from, to);
    }

    /** Collects (node, value) pairs in any order, then sorts them into rows with a counting pass. */
    static final class Builder {
        private final int nodes;
        private int[] pairNode = new int[16];
        private int[] pairValue = new int[16];
        private int size;

        Builder(int nodes) {
            this.nodes = nodes;
        }

        void add(int node, int value) {
            if (size == pairNode.length) {
                pairNode = Arrays.copyOf(pairNode, size * 2);
                pairValue = Arrays.copyOf(pairValue, size * 2);
            }
            pairNode[size] = node;
            pairValue[size] = value;
            size++;
        }

        Adjacency build() {
            int[] start = new int[nodes + 1];
            for (int i = 0; i < size; i++) {
                start[pairNode[i] + 1]++;
            }
            for (int n = 0; n < nodes; n++) {
                start[n + 1] += start[n];
            }
            int[] next = Arrays.copyOf(start, nodes);
            int[] values = new int[size];
            for (int i = 0; i < size; i++) {
                values[next[pairNode[i]]++] = pairValue[i];
            }
            return new Adjacency(start, values);
        }
    }
}
