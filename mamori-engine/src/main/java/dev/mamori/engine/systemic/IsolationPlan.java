package dev.mamori.engine.systemic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cheapest set of relations to cut or harden so that a compromise of the sources cannot reach
 * the targets: a minimum cut over the control relations (Dinic's maximum flow), each relation's
 * cost saying what cutting it would break. Also the single points every attack path crosses
 * (dominators of the targets, Cooper–Harvey–Kennedy), whose hardening alone isolates.
 *
 * @param cut the edges of the propagation graph to cut or harden
 * @param cost the total cost of the cut
 * @param dominators nodes that every path from the sources to the targets passes through
 * @param reachable whether any target was reachable at all before the cut
 * @param extraCut the arcs of the {@link Beyond} part that the cut takes, by their index there
 */
public record IsolationPlan(int[] cut, long cost, int[] dominators, boolean reachable, int[] extraCut) {

    static final long INFINITE = Long.MAX_VALUE / 4;

    /**
     * Nodes and arcs of the network beyond the propagation graph's control relations, for a plan
     * whose targets are not what must be kept from the attacker but where a harm starts: a data
     * asset read there is harmed only if it also gets out, over arcs given here to the sink. Node
     * numbers: the graph's nodes as they are, {@link #SINK} for the sink, and {@code extra(k)} for
     * the k-th node of this part. An arc with a finite capacity may be cut; one with {@link
     * #INFINITE} may not.
     */
    public record Beyond(int nodes, int[] from, int[] to, long[] capacity) {
        /** The sink, in the arcs' numbering. */
        public static final int SINK = -1;

        static final Beyond NONE = new Beyond(0, new int[0], new int[0], new long[0]);

        /** The k-th node of this part, in the arcs' numbering. */
        public static int extra(int k) {
            return -2 - k;
        }
    }

    /**
     * @param cost the cost of cutting each edge of the graph (by edge id); only control edges are used
     */
    public static IsolationPlan between(PropagationGraph graph, int[] sources, int[] targets, long[] cost) {
        return between(graph, sources, targets, cost, new boolean[graph.edgeCount()]);
    }

    /**
     * The plan on the residual graph: the edges marked {@code removed} are taken as already cut, so
     * that a plan that did not isolate can be extended by cutting what its first round left.
     */
    public static IsolationPlan between(
            PropagationGraph graph, int[] sources, int[] targets, long[] cost, boolean[] removed) {
        return between(graph, sources, targets, cost, removed, Beyond.NONE);
    }

    /**
     * The plan on the residual graph, with a part {@code beyond} the graph (when it has nodes or
     * arcs): then reaching a target is no harm in itself, so the attacker goes on from it and only
     * the arcs of {@code beyond} lead to the sink; no dominators are computed.
     */
    public static IsolationPlan between(
            PropagationGraph graph, int[] sources, int[] targets, long[] cost, boolean[] removed, Beyond beyond) {
        boolean harmBeyond = beyond != Beyond.NONE;
        int n = graph.nodeCount();
        boolean[] isSource = mark(n, sources);
        boolean[] isTarget = mark(n, targets);
        // Only relations on some path from a source to a target can matter to the cut or the
        // dominators: everything else is left out of the network, which keeps both near the size of
        // the part of the landscape between the two.
        boolean[] relevant = between(graph, sources, targets, removed);
        int source = n;
        int sink = n + 1;
        Network net = new Network(n + 2 + beyond.nodes());
        for (int v = 0; v < n; v++) {
            // Arcs into a source or out of a target carry nothing worth cutting: the attacker holds
            // the one already and has reached the other. A target the attacker starts from is a
            // source here: it cannot be protected, but what it reaches can.
            if (!relevant[v] || isTarget[v] && !isSource[v] && !harmBeyond) {
                continue;
            }
            for (int i = graph.outStart(v); i < graph.outControlEnd(v); i++) {
                int e = graph.outEdge(i);
                int w = graph.to(e);
                if (relevant[w] && !isSource[w] && !removed[e]) {
                    net.add(v, w, cost[e], e);
                }
            }
        }
        for (int s : sources) {
            if (relevant[s]) {
                net.add(source, s, INFINITE, -1);
            }
        }
        for (int t : harmBeyond ? new int[0] : targets) {
            if (relevant[t] && !isSource[t]) {
                net.add(t, sink, INFINITE, -1);
            }
        }
        for (int a = 0; a < beyond.from().length; a++) {
            int from = node(beyond.from()[a], n);
            if (from >= n || relevant[from]) {
                net.add(from, node(beyond.to()[a], n), beyond.capacity()[a], -2 - a);
            }
        }
        net.freeze();
        long flow = net.maxFlow(source, sink);
        boolean reachable = flow > 0 || anyTargetIsSource(isSource, targets);
        boolean[] sourceSide = net.residualReachable(source);
        List<Integer> cut = new ArrayList<>();
        List<Integer> extraCut = new ArrayList<>();
        for (int a = 0; a < net.arcs; a++) {
            int e = net.original[a];
            if (e != -1 && sourceSide[net.tail[a]] && !sourceSide[net.head[a]]) {
                (e >= 0 ? cut : extraCut).add(e >= 0 ? e : -2 - e);
            }
        }
        int[] dominators = harmBeyond ? new int[0] : dominators(graph, sources, isSource, isTarget, relevant, removed);
        return new IsolationPlan(
                cut.stream().mapToInt(Integer::intValue).sorted().toArray(),
                flow,
                dominators,
                reachable,
                extraCut.stream().mapToInt(Integer::intValue).sorted().toArray());
    }

    /** A node of {@link Beyond}'s numbering in the network's: the graph's as they are, then source, sink, extras. */
    private static int node(int beyondNode, int n) {
        return beyondNode >= 0 ? beyondNode : beyondNode == Beyond.SINK ? n + 1 : n + 2 + (-2 - beyondNode);
    }

    private static boolean[] mark(int n, int[] nodes) {
        boolean[] marked = new boolean[n];
        for (int v : nodes) {
            marked[v] = true;
        }
        return marked;
    }

    private static boolean anyTargetIsSource(boolean[] isSource, int[] targets) {
        for (int t : targets) {
            if (isSource[t]) {
                return true;
            }
        }
        return false;
    }

    /** Nodes on some control path from a source to a target: reached forward from the sources and backward from the targets. */
    static boolean[] between(PropagationGraph graph, int[] sources, int[] targets, boolean[] removed) {
        boolean[] forward = reach(graph, sources, true, removed);
        boolean[] backward = reach(graph, targets, false, removed);
        for (int v = 0; v < forward.length; v++) {
            forward[v] &= backward[v];
        }
        return forward;
    }

    private static boolean[] reach(PropagationGraph graph, int[] start, boolean forward, boolean[] removed) {
        int n = graph.nodeCount();
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        int tail = 0;
        for (int v : start) {
            if (!seen[v]) {
                seen[v] = true;
                queue[tail++] = v;
            }
        }
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            int end = forward ? graph.outControlEnd(v) : graph.inControlEnd(v);
            for (int i = forward ? graph.outStart(v) : graph.inStart(v); i < end; i++) {
                int e = forward ? graph.outEdge(i) : graph.inEdge(i);
                int w = forward ? graph.to(e) : graph.from(e);
                if (!seen[w] && !removed[e]) {
                    seen[w] = true;
                    queue[tail++] = w;
                }
            }
        }
        return seen;
    }

    /**
     * Nodes other than sources and targets that lie on every control path from a source to a
     * target: the dominators of a virtual sink fed by the targets, in a graph rooted at a virtual
     * source feeding the sources.
     */
    static int[] dominators(PropagationGraph graph, int[] sources, int[] targets) {
        int n = graph.nodeCount();
        boolean[] removed = new boolean[graph.edgeCount()];
        return dominators(
                graph, sources, mark(n, sources), mark(n, targets), between(graph, sources, targets, removed), removed);
    }

    /**
     * Cooper, Harvey and Kennedy's iterative algorithm over the nodes between the sources and the
     * targets, numbered in reverse postorder from a virtual root (number 0) that feeds the sources;
     * the virtual sink fed by the targets comes last, since every other node reaches it.
     */
    private static int[] dominators(
            PropagationGraph graph,
            int[] sources,
            boolean[] isSource,
            boolean[] isTarget,
            boolean[] relevant,
            boolean[] removed) {
        int n = graph.nodeCount();
        int[] rpo = reversePostorder(graph, sources, relevant, removed);
        if (rpo.length == 0) {
            return new int[0];
        }
        int count = rpo.length + 2; // root, the nodes, the sink
        int sink = count - 1;
        int[] rank = new int[n];
        Arrays.fill(rank, -1);
        for (int i = 0; i < rpo.length; i++) {
            rank[rpo[i]] = i + 1;
        }
        // predecessors by rank, in compressed rows
        int[] predStart = new int[count + 1];
        int[] preds = new int[countPredecessors(graph, rpo, rank, isSource, isTarget, predStart, removed)];
        int[] next = Arrays.copyOf(predStart, count);
        for (int v : rpo) {
            int r = rank[v];
            if (isSource[v]) {
                preds[next[r]++] = 0;
            }
            for (int i = graph.inStart(v); i < graph.inControlEnd(v); i++) {
                int from = graph.from(graph.inEdge(i));
                if (rank[from] > 0 && !removed[graph.inEdge(i)]) {
                    preds[next[r]++] = rank[from];
                }
            }
            if (isTarget[v]) {
                preds[next[sink]++] = r;
            }
        }
        int[] idom = new int[count];
        Arrays.fill(idom, -1);
        idom[0] = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int b = 1; b < count; b++) {
                int newIdom = -1;
                for (int i = predStart[b]; i < predStart[b + 1]; i++) {
                    int p = preds[i];
                    if (idom[p] >= 0) {
                        newIdom = newIdom < 0 ? p : intersect(idom, p, newIdom);
                    }
                }
                if (newIdom >= 0 && idom[b] != newIdom) {
                    idom[b] = newIdom;
                    changed = true;
                }
            }
        }
        if (idom[sink] < 0) {
            return new int[0];
        }
        List<Integer> chain = new ArrayList<>();
        for (int d = idom[sink]; d != 0; d = idom[d]) {
            int v = rpo[d - 1];
            if (!isSource[v] && !isTarget[v]) {
                chain.add(v);
            }
        }
        java.util.Collections.reverse(chain); // in attack order: nearest the attacker first
        return chain.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int countPredecessors(
            PropagationGraph graph,
            int[] rpo,
            int[] rank,
            boolean[] isSource,
            boolean[] isTarget,
            int[] predStart,
            boolean[] removed) {
        int sink = predStart.length - 2;
        for (int v : rpo) {
            int r = rank[v];
            if (isSource[v]) {
                predStart[r + 1]++;
            }
            for (int i = graph.inStart(v); i < graph.inControlEnd(v); i++) {
                if (rank[graph.from(graph.inEdge(i))] > 0 && !removed[graph.inEdge(i)]) {
                    predStart[r + 1]++;
                }
            }
            if (isTarget[v]) {
                predStart[sink + 1]++;
            }
        }
        for (int i = 0; i < predStart.length - 1; i++) {
            predStart[i + 1] += predStart[i];
        }
        return predStart[predStart.length - 1];
    }

    /** Numbers are reverse-postorder ranks, so the walk up the tree goes to smaller numbers. */
    private static int intersect(int[] idom, int a, int b) {
        while (a != b) {
            while (a > b) {
                a = idom[a];
            }
            while (b > a) {
                b = idom[b];
            }
        }
        return a;
    }

    /** The relevant nodes in reverse postorder of a depth-first search from the sources over control edges. */
    private static int[] reversePostorder(
            PropagationGraph graph, int[] sources, boolean[] relevant, boolean[] removed) {
        int n = graph.nodeCount();
        boolean[] seen = new boolean[n];
        int[] post = new int[n];
        int count = 0;
        int[] stackNode = new int[n];
        int[] stackPos = new int[n];
        for (int s : sources) {
            if (!relevant[s] || seen[s]) {
                continue;
            }
            int sp = 0;
            seen[s] = true;
            stackNode[sp] = s;
            stackPos[sp++] = graph.outStart(s);
            while (sp > 0) {
                int v = stackNode[sp - 1];
                int next = -1;
                while (stackPos[sp - 1] < graph.outControlEnd(v)) {
                    int e = graph.outEdge(stackPos[sp - 1]++);
                    int w = graph.to(e);
                    if (relevant[w] && !seen[w] && !removed[e]) {
                        next = w;
                        break;
                    }
                }
                if (next < 0) {
                    post[count++] = v;
                    sp--;
                } else {
                    seen[next] = true;
                    stackNode[sp] = next;
                    stackPos[sp++] = graph.outStart(next);
                }
            }
        }
        int[] rpo = new int[count];
        for (int i = 0; i < count; i++) {
            rpo[i] = post[count - 1 - i];
        }
        return rpo;
    }

    /**
     * A flow network on arrays with Dinic's algorithm. Arcs are added in any order, then frozen so
     * that each node's arcs sit side by side (with their reverse arcs' positions), which keeps the
     * phases' searches in cache.
     */
    private static final class Network {
        private final int nodes;
        private int pending;
        private int[] pendingFrom = new int[1024];
        private int[] pendingTo = new int[1024];
        private long[] pendingCapacity = new long[1024];
        private int[] pendingOriginal = new int[1024];

        int arcs;
        int[] tail;
        int[] head;
        int[] reverse;
        long[] capacity;
        int[] original;
        int[] start;

        Network(int nodes) {
            this.nodes = nodes;
        }

        void add(int a, int b, long cap, int edge) {
            if (pending == pendingFrom.length) {
                int size = pending * 2;
                pendingFrom = Arrays.copyOf(pendingFrom, size);
                pendingTo = Arrays.copyOf(pendingTo, size);
                pendingCapacity = Arrays.copyOf(pendingCapacity, size);
                pendingOriginal = Arrays.copyOf(pendingOriginal, size);
            }
            pendingFrom[pending] = a;
            pendingTo[pending] = b;
            pendingCapacity[pending] = cap;
            pendingOriginal[pending] = edge;
            pending++;
        }

        /** Lays every arc and its reverse out by tail node (a counting sort). */
        void freeze() {
            arcs = 2 * pending;
            start = new int[nodes + 1];
            for (int k = 0; k < pending; k++) {
                start[pendingFrom[k] + 1]++;
                start[pendingTo[k] + 1]++;
            }
            for (int v = 0; v < nodes; v++) {
                start[v + 1] += start[v];
            }
            int[] next = Arrays.copyOf(start, nodes);
            tail = new int[arcs];
            head = new int[arcs];
            reverse = new int[arcs];
            capacity = new long[arcs];
            original = new int[arcs];
            for (int k = 0; k < pending; k++) {
                int a = pendingFrom[k];
                int b = pendingTo[k];
                int forward = next[a]++;
                int backward = next[b]++;
                tail[forward] = a;
                head[forward] = b;
                capacity[forward] = pendingCapacity[k];
                original[forward] = pendingOriginal[k];
                reverse[forward] = backward;
                tail[backward] = b;
                head[backward] = a;
                original[backward] = -1;
                reverse[backward] = forward;
            }
            pendingFrom = pendingTo = pendingOriginal = null;
            pendingCapacity = null;
        }

        long maxFlow(int s, int t) {
            long total = 0;
            int[] level = new int[nodes];
            int[] iterator = new int[nodes];
            int[] pathArcs = new int[nodes];
            int[] queue = new int[nodes];
            while (bfs(s, t, level, queue)) {
                System.arraycopy(start, 0, iterator, 0, nodes);
                long pushed;
                while ((pushed = dfs(s, t, level, iterator, pathArcs)) > 0) {
                    total += pushed;
                    if (total >= INFINITE) {
                        return total;
                    }
                }
            }
            return total;
        }

        /** Levels by breadth-first search over arcs with capacity left, up to the sink's level. */
        private boolean bfs(int s, int t, int[] level, int[] queue) {
            Arrays.fill(level, -1);
            int tail = 0;
            level[s] = 0;
            queue[tail++] = s;
            for (int h = 0; h < tail; h++) {
                int v = queue[h];
                if (level[t] >= 0 && level[v] >= level[t]) {
                    break; // nothing beyond the sink's level is on a shortest augmenting path
                }
                for (int a = start[v]; a < start[v + 1]; a++) {
                    if (capacity[a] > 0 && level[head[a]] < 0) {
                        level[head[a]] = level[v] + 1;
                        queue[tail++] = head[a];
                    }
                }
            }
            return level[t] >= 0;
        }

        /** An augmenting path by depth-first search on the level graph, iteratively. */
        private long dfs(int s, int t, int[] level, int[] iterator, int[] pathArcs) {
            int depth = 0;
            int v = s;
            while (true) {
                if (v == t) {
                    long pushed = INFINITE;
                    for (int i = 0; i < depth; i++) {
                        pushed = Math.min(pushed, capacity[pathArcs[i]]);
                    }
                    for (int i = 0; i < depth; i++) {
                        capacity[pathArcs[i]] -= pushed;
                        capacity[reverse[pathArcs[i]]] += pushed;
                    }
                    return pushed;
                }
                int a = iterator[v];
                int end = start[v + 1];
                while (a < end && !(capacity[a] > 0 && level[head[a]] == level[v] + 1)) {
                    a++;
                }
                iterator[v] = a;
                if (a < end) {
                    pathArcs[depth++] = a;
                    v = head[a];
                } else {
                    if (depth == 0) {
                        return 0;
                    }
                    level[v] = -1; // dead end: never again in this phase
                    depth--;
                    v = tail[pathArcs[depth]];
                    iterator[v]++;
                }
            }
        }

        boolean[] residualReachable(int s) {
            boolean[] seen = new boolean[nodes];
            int[] queue = new int[nodes];
            int tail = 0;
            seen[s] = true;
            queue[tail++] = s;
            for (int h = 0; h < tail; h++) {
                int v = queue[h];
                for (int a = start[v]; a < start[v + 1]; a++) {
                    if (capacity[a] > 0 && !seen[head[a]]) {
                        seen[head[a]] = true;
                        queue[tail++] = head[a];
                    }
                }
            }
            return seen;
        }
    }
}
