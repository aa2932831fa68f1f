package dev.mamori.engine.systemic;

import java.util.ArrayDeque;
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
 */
public record IsolationPlan(int[] cut, long cost, int[] dominators, boolean reachable) {

    private static final long INFINITE = Long.MAX_VALUE / 4;

    /**
     * @param cost the cost of cutting each edge of the graph (by edge id); only control edges are used
     */
    public static IsolationPlan between(PropagationGraph graph, int[] sources, int[] targets, long[] cost) {
        int n = graph.nodeCount();
        int source = n;
        int sink = n + 1;
        Network net = new Network(n + 2);
        for (int e = 0; e < graph.edgeCount(); e++) {
            if (graph.relation(e).passesControl()) {
                net.add(graph.from(e), graph.to(e), cost[e], e);
            }
        }
        boolean[] isSource = new boolean[n];
        for (int s : sources) {
            isSource[s] = true;
            net.add(source, s, INFINITE, -1);
        }
        for (int t : targets) {
            if (!isSource[t]) {
                net.add(t, sink, INFINITE, -1);
            }
        }
        long flow = net.maxFlow(source, sink);
        boolean reachable = flow > 0 || anyTargetIsSource(isSource, targets);
        boolean[] sourceSide = net.residualReachable(source);
        List<Integer> cut = new ArrayList<>();
        for (int a = 0; a < net.arcs; a++) {
            int e = net.original[a];
            if (e >= 0 && sourceSide[net.from[a]] && !sourceSide[net.to[a]]) {
                cut.add(e);
            }
        }
        int[] dominators = dominators(graph, sources, targets);
        return new IsolationPlan(
                cut.stream().mapToInt(Integer::intValue).sorted().toArray(), flow, dominators, reachable);
    }

    private static boolean anyTargetIsSource(boolean[] isSource, int[] targets) {
        for (int t : targets) {
            if (isSource[t]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Nodes other than sources and targets that lie on every control path from a source to a
     * target: the dominators of a virtual sink fed by the targets, in a graph rooted at a virtual
     * source feeding the sources.
     */
    static int[] dominators(PropagationGraph graph, int[] sources, int[] targets) {
        int n = graph.nodeCount();
        int root = n;
        int sink = n + 1;
        boolean[] isTarget = new boolean[n];
        for (int t : targets) {
            isTarget[t] = true;
        }
        // depth-first order from the root over control edges (+ target -> sink)
        int[] order = new int[n + 2];
        int[] number = new int[n + 2];
        Arrays.fill(number, -1);
        int count = 0;
        int[] stackNode = new int[n + 2];
        int[] stackPos = new int[n + 2];
        int sp = 0;
        number[root] = count;
        order[count++] = root;
        stackNode[sp] = root;
        stackPos[sp++] = 0;
        while (sp > 0) {
            int v = stackNode[sp - 1];
            int next = -1;
            if (v == root) {
                if (stackPos[sp - 1] < sources.length) {
                    next = sources[stackPos[sp - 1]++];
                }
            } else if (v != sink) {
                while (stackPos[sp - 1] < graph.outEnd(v) - graph.outStart(v) + 1) {
                    int k = stackPos[sp - 1]++;
                    if (k == graph.outEnd(v) - graph.outStart(v)) {
                        if (isTarget[v]) {
                            next = sink;
                            break;
                        }
                        continue;
                    }
                    int e = graph.outEdge(graph.outStart(v) + k);
                    if (graph.relation(e).passesControl()) {
                        next = graph.to(e);
                        break;
                    }
                }
            }
            if (next < 0) {
                sp--;
            } else if (number[next] < 0) {
                number[next] = count;
                order[count++] = next;
                stackNode[sp] = next;
                stackPos[sp++] = 0;
            }
        }
        if (number[sink] < 0) {
            return new int[0];
        }
        // predecessors restricted to reached nodes
        int[] idom = new int[n + 2];
        Arrays.fill(idom, -1);
        idom[root] = root;
        // postorder numbers: reverse of DFS finish order is needed; use the simple iterative algorithm on
        // a reverse postorder computed separately.
        int[] rpo = reversePostorder(graph, sources, isTarget, root, sink, number);
        int[] rank = new int[n + 2];
        Arrays.fill(rank, -1);
        for (int i = 0; i < rpo.length; i++) {
            rank[rpo[i]] = i;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 1; i < rpo.length; i++) {
                int b = rpo[i];
                int newIdom = -1;
                for (int p : predecessors(graph, b, sources, isTarget, root, sink, rank)) {
                    if (idom[p] >= 0) {
                        newIdom = newIdom < 0 ? p : intersect(idom, rank, p, newIdom);
                    }
                }
                if (newIdom >= 0 && idom[b] != newIdom) {
                    idom[b] = newIdom;
                    changed = true;
                }
            }
        }
        List<Integer> chain = new ArrayList<>();
        boolean[] isSource = new boolean[n];
        for (int s : sources) {
            isSource[s] = true;
        }
        for (int d = idom[sink]; d != root; d = idom[d]) {
            if (d < n && !isSource[d] && !isTarget[d]) {
                chain.add(d);
            }
        }
        java.util.Collections.reverse(chain); // in attack order: nearest the attacker first
        return chain.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int intersect(int[] idom, int[] rank, int a, int b) {
        while (a != b) {
            while (rank[a] > rank[b]) {
                a = idom[a];
            }
            while (rank[b] > rank[a]) {
                b = idom[b];
            }
        }
        return a;
    }

    private static List<Integer> predecessors(
            PropagationGraph graph, int v, int[] sources, boolean[] isTarget, int root, int sink, int[] rank) {
        List<Integer> out = new ArrayList<>();
        int n = graph.nodeCount();
        if (v == sink) {
            for (int t = 0; t < n; t++) {
                if (isTarget[t] && rank[t] >= 0) {
                    out.add(t);
                }
            }
            return out;
        }
        for (int s : sources) {
            if (s == v) {
                out.add(root);
                break;
            }
        }
        for (int i = graph.inStart(v); i < graph.inEnd(v); i++) {
            int e = graph.inEdge(i);
            if (graph.relation(e).passesControl() && rank[graph.from(e)] >= 0) {
                out.add(graph.from(e));
            }
        }
        return out;
    }

    private static int[] reversePostorder(
            PropagationGraph graph, int[] sources, boolean[] isTarget, int root, int sink, int[] reached) {
        int n = graph.nodeCount();
        boolean[] seen = new boolean[n + 2];
        int[] post = new int[n + 2];
        int count = 0;
        int[] stackNode = new int[n + 2];
        int[] stackPos = new int[n + 2];
        int sp = 0;
        seen[root] = true;
        stackNode[sp] = root;
        stackPos[sp++] = 0;
        while (sp > 0) {
            int v = stackNode[sp - 1];
            int next = -1;
            if (v == root) {
                while (stackPos[sp - 1] < sources.length) {
                    int s = sources[stackPos[sp - 1]++];
                    if (!seen[s]) {
                        next = s;
                        break;
                    }
                }
            } else if (v != sink) {
                int degree = graph.outEnd(v) - graph.outStart(v);
                while (stackPos[sp - 1] <= degree) {
                    int k = stackPos[sp - 1]++;
                    int w;
                    if (k == degree) {
                        if (!isTarget[v]) {
                            continue;
                        }
                        w = sink;
                    } else {
                        int e = graph.outEdge(graph.outStart(v) + k);
                        if (!graph.relation(e).passesControl()) {
                            continue;
                        }
                        w = graph.to(e);
                    }
                    if (!seen[w]) {
                        next = w;
                        break;
                    }
                }
            }
            if (next < 0) {
                post[count++] = v;
                sp--;
            } else {
                seen[next] = true;
                stackNode[sp] = next;
                stackPos[sp++] = 0;
            }
        }
        int[] rpo = new int[count];
        for (int i = 0; i < count; i++) {
            rpo[i] = post[count - 1 - i];
        }
        return rpo;
    }

    /** A flow network on arrays with Dinic's algorithm. */
    private static final class Network {
        int nodes;
        int arcs;
        int[] from = new int[64];
        int[] to = new int[64];
        long[] capacity = new long[64];
        int[] original = new int[64];
        int[] head;
        int[] nextArc = new int[64];

        Network(int nodes) {
            this.nodes = nodes;
            head = new int[nodes];
            Arrays.fill(head, -1);
        }

        void add(int a, int b, long cap, int edge) {
            arc(a, b, cap, edge);
            arc(b, a, 0, -1);
        }

        private void arc(int a, int b, long cap, int edge) {
            if (arcs == from.length) {
                int size = arcs * 2;
                from = Arrays.copyOf(from, size);
                to = Arrays.copyOf(to, size);
                capacity = Arrays.copyOf(capacity, size);
                original = Arrays.copyOf(original, size);
                nextArc = Arrays.copyOf(nextArc, size);
            }
            from[arcs] = a;
            to[arcs] = b;
            capacity[arcs] = cap;
            original[arcs] = edge;
            nextArc[arcs] = head[a];
            head[a] = arcs;
            arcs++;
        }

        long maxFlow(int s, int t) {
            long total = 0;
            int[] level = new int[nodes];
            int[] iterator = new int[nodes];
            while (bfs(s, t, level)) {
                System.arraycopy(head, 0, iterator, 0, nodes);
                long pushed;
                while ((pushed = dfs(s, t, INFINITE, level, iterator)) > 0) {
                    total += pushed;
                    if (total >= INFINITE) {
                        return total;
                    }
                }
            }
            return total;
        }

        private boolean bfs(int s, int t, int[] level) {
            Arrays.fill(level, -1);
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            level[s] = 0;
            queue.add(s);
            while (!queue.isEmpty()) {
                int v = queue.poll();
                for (int a = head[v]; a >= 0; a = nextArc[a]) {
                    if (capacity[a] > 0 && level[to[a]] < 0) {
                        level[to[a]] = level[v] + 1;
                        queue.add(to[a]);
                    }
                }
            }
            return level[t] >= 0;
        }

        /** An augmenting path by depth-first search on the level graph, iteratively. */
        private long dfs(int s, int t, long limit, int[] level, int[] iterator) {
            int[] pathArcs = new int[nodes];
            int depth = 0;
            int v = s;
            while (true) {
                if (v == t) {
                    long pushed = limit;
                    for (int i = 0; i < depth; i++) {
                        pushed = Math.min(pushed, capacity[pathArcs[i]]);
                    }
                    for (int i = 0; i < depth; i++) {
                        capacity[pathArcs[i]] -= pushed;
                        capacity[pathArcs[i] ^ 1] += pushed;
                    }
                    return pushed;
                }
                int a = iterator[v];
                while (a >= 0 && !(capacity[a] > 0 && level[to[a]] == level[v] + 1)) {
                    a = nextArc[a];
                }
                iterator[v] = a;
                if (a >= 0) {
                    pathArcs[depth++] = a;
                    v = to[a];
                } else {
                    if (depth == 0) {
                        return 0;
                    }
                    level[v] = -1; // dead end: never again in this phase
                    depth--;
                    v = from[pathArcs[depth]];
                    iterator[v] = nextArc[iterator[v]];
                }
            }
        }

        boolean[] residualReachable(int s) {
            boolean[] seen = new boolean[nodes];
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            seen[s] = true;
            queue.add(s);
            while (!queue.isEmpty()) {
                int v = queue.poll();
                for (int a = head[v]; a >= 0; a = nextArc[a]) {
                    if (capacity[a] > 0 && !seen[to[a]]) {
                        seen[to[a]] = true;
                        queue.add(to[a]);
                    }
                }
            }
            return seen;
        }
    }
}
