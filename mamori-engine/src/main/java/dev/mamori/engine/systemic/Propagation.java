package dev.mamori.engine.systemic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Compromise spreading from entry points to its fixed point: control over COMMAND, CREDENTIAL,
 * ZONE_MEMBER and LATERAL edges, then influence over DATA edges from everything controlled or
 * influenced. Each node keeps the edge that reached it on its most likely path (Dijkstra over
 * -log(probability), so O((V + E) log V)), which explains it hop by hop.
 */
public final class Propagation {

    private final PropagationGraph graph;
    private final double[] cost;
    private final int[] parent;
    private final int[] entryIndex;
    private final EntryPoints entries;
    private final int[] influencedBy;

    private final boolean[] removed;

    private Propagation(PropagationGraph graph, EntryPoints entries, boolean[] removed) {
        this.graph = graph;
        this.removed = removed;
        this.entries = entries;
        int n = graph.nodeCount();
        this.cost = new double[n];
        this.parent = new int[n];
        this.entryIndex = new int[n];
        this.influencedBy = new int[n];
        Arrays.fill(cost, Double.POSITIVE_INFINITY);
        Arrays.fill(parent, -1);
        Arrays.fill(entryIndex, -1);
        Arrays.fill(influencedBy, -2);
    }

    public static Propagation from(PropagationGraph graph, EntryPoints entries) {
        return from(graph, entries, new boolean[graph.edgeCount()]);
    }

    /**
     * Compromise spreading as if the edges marked {@code removed} were cut or hardened: how an
     * isolation plan is checked before it is printed.
     */
    public static Propagation from(PropagationGraph graph, EntryPoints entries, boolean[] removed) {
        Propagation p = new Propagation(graph, entries, removed);
        p.spreadControl();
        p.spreadInfluence();
        return p;
    }

    private void spreadControl() {
        Heap heap = new Heap(graph.nodeCount());
        for (int i = 0; i < entries.nodes().length; i++) {
            int node = entries.nodes()[i];
            double c = -Math.log(entries.probability()[i]);
            if (c < cost[node]) {
                cost[node] = c;
                entryIndex[node] = i;
                parent[node] = -1;
                heap.push(c, node);
            }
        }
        while (!heap.isEmpty()) {
            double c = heap.topKey();
            int node = heap.pop();
            if (c > cost[node]) {
                continue; // a stale entry; the node was reached more cheaply since
            }
            for (int i = graph.outStart(node); i < graph.outControlEnd(node); i++) {
                int e = graph.outEdge(i);
                if (removed[e]) {
                    continue;
                }
                int next = graph.to(e);
                double nc = c - Math.log(graph.probability(e));
                if (nc < cost[next]) {
                    cost[next] = nc;
                    parent[next] = e;
                    entryIndex[next] = -1;
                    heap.push(nc, next);
                }
            }
        }
    }

    /** Influence: breadth first over DATA edges from every controlled or influenced node. */
    private void spreadInfluence() {
        int[] queue = new int[graph.nodeCount()];
        int head = 0;
        int tail = 0;
        for (int n = 0; n < graph.nodeCount(); n++) {
            if (controlled(n)) {
                queue[tail++] = n;
            }
        }
        while (head < tail) {
            int node = queue[head++];
            for (int i = graph.outControlEnd(node); i < graph.outEnd(node); i++) {
                int e = graph.outEdge(i);
                int next = graph.to(e);
                if (!removed[e] && !controlled(next) && influencedBy[next] == -2) {
                    influencedBy[next] = e;
                    queue[tail++] = next;
                }
            }
        }
    }

    /** Whether edge {@code e} was taken as cut or hardened in this spread. */
    public boolean removed(int e) {
        return removed[e];
    }

    public PropagationGraph graph() {
        return graph;
    }

    public boolean controlled(int node) {
        return cost[node] != Double.POSITIVE_INFINITY;
    }

    /** Influenced through data, without being controlled. */
    public boolean influenced(int node) {
        return influencedBy[node] != -2;
    }

    /** The chance that the node ends up controlled on its most likely path. */
    public double probability(int node) {
        return controlled(node) ? Math.exp(-cost[node]) : 0;
    }

    /** The edge that reached the node on its most likely path, or -1 for an entry point or an unreached node. */
    public int parentEdge(int node) {
        return parent[node];
    }

    /** Where the attacker started. */
    public EntryPoints entries() {
        return entries;
    }

    /**
     * The entry point the most likely path starts from: where the attacker started, or the first
     * node outsiders took (an exposed component, a leaked account).
     */
    public int entryOf(int node) {
        int n = node;
        while (parent[n] >= 0 && !fromOutsiders(parent[n])) {
            n = graph.from(parent[n]);
        }
        return n;
    }

    private boolean fromOutsiders(int edge) {
        return graph.from(edge) == graph.outsiders();
    }

    /** Why the entry point the path starts from was held. */
    public String entryReason(int node) {
        int entry = entryOf(node);
        if (parent[entry] >= 0) {
            return graph.weakness(parent[entry]);
        }
        return entryIndex[entry] >= 0 ? entries.reasons()[entryIndex[entry]] : "";
    }

    /** The chance that the entry point the path starts from is held. */
    public double entryProbability(int node) {
        return probability(entryOf(node));
    }

    /** The most likely path from an entry point to {@code node}, hop by hop. */
    public List<Hop> path(int node) {
        List<Hop> hops = new ArrayList<>();
        for (int n = node; parent[n] >= 0 && !fromOutsiders(parent[n]); n = graph.from(parent[n])) {
            int e = parent[n];
            hops.add(new Hop(
                    graph.name(graph.from(e)),
                    graph.name(n),
                    graph.relation(e),
                    graph.weakness(e),
                    graph.probability(e),
                    graph.assumptions(e)));
        }
        Collections.reverse(hops);
        return hops;
    }

    /** A binary min-heap of (key, node) pairs with lazy deletion. */
    private static final class Heap {
        private double[] keys;
        private int[] nodes;
        private int size;

        Heap(int capacity) {
            keys = new double[Math.max(16, capacity)];
            nodes = new int[keys.length];
        }

        boolean isEmpty() {
            return size == 0;
        }

        double topKey() {
            return keys[0];
        }

        void push(double key, int node) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                nodes = Arrays.copyOf(nodes, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int up = (i - 1) >>> 1;
                if (keys[up] <= key) {
                    break;
                }
                keys[i] = keys[up];
                nodes[i] = nodes[up];
                i = up;
            }
            keys[i] = key;
            nodes[i] = node;
        }

        int pop() {
            int top = nodes[0];
            size--;
            double key = keys[size];
            int node = nodes[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && keys[child + 1] < keys[child]) {
                    child++;
                }
                if (keys[child] >= key) {
                    break;
                }
                keys[i] = keys[child];
                nodes[i] = nodes[child];
                i = child;
            }
            keys[i] = key;
            nodes[i] = node;
            return top;
        }
    }
}
