package dev.mamori.engine.systemic;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.Component;
import dev.mamori.model.Needs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How unavailability spreads, compiled once and run many times. A component goes down only through
 * what it depends on, as the model declares it: its {@code needs} (power, a broker, a directory:
 * all, any or at least k of them) and the data flows into it marked {@code required}; a required
 * flow breaks when its sender or a network it travels over is down. Whoever merely sends a
 * component data is not something it needs: a cloud API does not stop because its clients do, and
 * commands received are never needs (a turbine keeps turning without remote control).
 *
 * <p>The dependences are one threshold circuit over all components: each component that depends on
 * anything has a top gate ("all of" its required flows and its needs expression), and each part of
 * an expression is a gate that fails once more of its children have failed than it can spare. A
 * run touches only what goes down, the flows it breaks and the gates it counts against, and undoes
 * its changes before it returns, so that a criticality analysis can fail every component in turn in
 * time proportional to what each failure takes down, not to the landscape.
 */
public final class Cascade {

    private final int components;
    private final int[] slack; // per gate: how many of its children may fail before it does
    private final int[] parentGate; // per gate: the gate it is part of, -1 for a component's top gate
    private final int[] owner; // per gate: the component its failure stops, -1 below the top
    private final int[] leafGatesStart; // per component: the gates that name it as a need
    private final int[] leafGates;
    private final int[] flowGate; // per flow: its receiver's top gate, -1 when the receiver does not need it
    private final int[] affectsStart; // per component: the required flows leaving it or travelling over it
    private final int[] affects;
    private final int[] dependsOnStart; // per component: what it depends on directly (for searches upstream)
    private final int[] dependsOn;
    private final int[] failedChildren;
    private final boolean[] broken;
    private final boolean[] down;
    private final int[] cause;
    private final int[] queue;
    private final int[] brokenFlows;
    private final int[] counted; // gates whose failed-children count a run raised, once per raise
    private int countedSize;

    private Cascade(FrozenGraph graph) {
        components = graph.componentCount();
        int flows = graph.flowCount();
        Gates gates = new Gates();
        int[] top = new int[components];
        Arrays.fill(top, -1);
        int[] requiredIn = new int[components];
        for (int f = 0; f < flows; f++) {
            if (needed(graph, f)) {
                requiredIn[graph.flowTo(f)]++;
            }
        }
        List<int[]> leafLinks = new ArrayList<>(); // {component, gate}
        for (int c = 0; c < components; c++) {
            Component component = graph.component(c);
            int needsGate = component
                    .needs()
                    .map(n -> gates.compileTop(graph, n, leafLinks))
                    .orElse(-1);
            int children = requiredIn[c] + (needsGate >= 0 ? 1 : 0);
            if (children > 0) {
                top[c] = gates.add(0, c);
                if (needsGate >= 0) {
                    gates.parent.set(needsGate, top[c]);
                }
            }
        }
        int gateCount = gates.slack.size();
        slack = gates.slack.stream().mapToInt(Integer::intValue).toArray();
        parentGate = gates.parent.stream().mapToInt(Integer::intValue).toArray();
        owner = gates.owner.stream().mapToInt(Integer::intValue).toArray();
        // A component's top gate is "all of": it spares nothing.
        leafGatesStart = new int[components + 1];
        for (int[] link : leafLinks) {
            leafGatesStart[link[0] + 1]++;
        }
        for (int c = 0; c < components; c++) {
            leafGatesStart[c + 1] += leafGatesStart[c];
        }
        leafGates = new int[leafLinks.size()];
        int[] nextLeaf = Arrays.copyOf(leafGatesStart, components);
        for (int[] link : leafLinks) {
            leafGates[nextLeaf[link[0]]++] = link[1];
        }
        flowGate = new int[flows];
        affectsStart = new int[components + 1];
        for (int f = 0; f < flows; f++) {
            flowGate[f] = needed(graph, f) ? top[graph.flowTo(f)] : -1;
            if (flowGate[f] >= 0) {
                affectsStart[graph.flowFrom(f) + 1]++;
                for (int net : graph.networksOf(f)) {
                    affectsStart[net + 1]++;
                }
            }
        }
        for (int c = 0; c < components; c++) {
            affectsStart[c + 1] += affectsStart[c];
        }
        affects = new int[affectsStart[components]];
        int[] next = Arrays.copyOf(affectsStart, components);
        for (int f = 0; f < flows; f++) {
            if (flowGate[f] >= 0) {
                affects[next[graph.flowFrom(f)]++] = f;
                for (int net : graph.networksOf(f)) {
                    affects[next[net]++] = f;
                }
            }
        }
        // What each component depends on directly, the other way round from the gates: the senders
        // and networks of its required flows, and what its needs name.
        List<int[]> depends = new ArrayList<>(); // {component, what it depends on}
        for (int f = 0; f < flows; f++) {
            if (flowGate[f] >= 0) {
                depends.add(new int[] {graph.flowTo(f), graph.flowFrom(f)});
                for (int net : graph.networksOf(f)) {
                    depends.add(new int[] {graph.flowTo(f), net});
                }
            }
        }
        for (int c = 0; c < components; c++) {
            if (graph.component(c).needs().isPresent()) {
                for (dev.mamori.model.Ref ref : graph.component(c).needs().get().references()) {
                    for (int needed : graph.needed(ref)) {
                        depends.add(new int[] {c, needed});
                    }
                }
            }
        }
        dependsOnStart = new int[components + 1];
        for (int[] d : depends) {
            dependsOnStart[d[0] + 1]++;
        }
        for (int c = 0; c < components; c++) {
            dependsOnStart[c + 1] += dependsOnStart[c];
        }
        dependsOn = new int[depends.size()];
        int[] nextDepends = Arrays.copyOf(dependsOnStart, components);
        for (int[] d : depends) {
            dependsOn[nextDepends[d[0]]++] = d[1];
        }
        failedChildren = new int[gateCount];
        broken = new boolean[flows];
        down = new boolean[components];
        cause = new int[components];
        Arrays.fill(cause, -1);
        queue = new int[components];
        brokenFlows = new int[flows];
        counted = new int[leafGates.length + flows + gateCount];
    }

    /** A data flow whose receiver stops without it. Commands received are never needs. */
    private static boolean needed(FrozenGraph graph, int f) {
        return graph.flow(f).required() && !graph.flow(f).commands();
    }

    /** The gates of every component's dependences, added children first. */
    private static final class Gates {
        final List<Integer> slack = new ArrayList<>();
        final List<Integer> parent = new ArrayList<>();
        final List<Integer> owner = new ArrayList<>();

        int add(int spare, int ownerComponent) {
            slack.add(spare);
            parent.add(-1);
            owner.add(ownerComponent);
            return slack.size() - 1;
        }

        /** The gate of a needs expression, or -1 when it names no component of the landscape. */
        int compile(FrozenGraph graph, Needs needs, List<int[]> leafLinks) {
            if (needs instanceof Needs.One) {
                return -1; // a component is a leaf, linked to its gate by the caller
            }
            List<Integer> parts = new ArrayList<>();
            List<Integer> leaves = new ArrayList<>();
            for (Needs part : needs.parts()) {
                if (part instanceof Needs.One one) {
                    int[] components = graph.needed(one.component());
                    if (components.length == 1) {
                        leaves.add(components[0]);
                    } else if (components.length > 1) {
                        parts.add(needGate(graph, one, leafLinks)); // a flow: all of what it runs on
                    }
                } else {
                    int g = compile(graph, part, leafLinks);
                    if (g >= 0) {
                        parts.add(g);
                    }
                }
            }
            int children = parts.size() + leaves.size();
            if (children == 0) {
                return -1;
            }
            int threshold = needs instanceof Needs.All
                    ? children
                    : needs instanceof Needs.Any ? 1 : Math.min(((Needs.AtLeast) needs).k(), children);
            int gate = add(children - threshold, -1);
            for (int g : parts) {
                parent.set(g, gate);
            }
            for (int c : leaves) {
                leafLinks.add(new int[] {c, gate});
            }
            return gate;
        }

        /** A single need: a gate of its own ("all of" what it stands for), so that the caller links it like any other. */
        int compileTop(FrozenGraph graph, Needs needs, List<int[]> leafLinks) {
            if (needs instanceof Needs.One one) {
                return needGate(graph, one, leafLinks);
            }
            return compile(graph, needs, leafLinks);
        }

        /** An "all of" gate over the components one reference stands for, or -1 when it names none. */
        private int needGate(FrozenGraph graph, Needs.One one, List<int[]> leafLinks) {
            int[] components = graph.needed(one.component());
            if (components.length == 0) {
                return -1;
            }
            int gate = add(0, -1);
            for (int c : components) {
                leafLinks.add(new int[] {c, gate});
            }
            return gate;
        }
    }

    public static Cascade of(FrozenGraph graph) {
        return new Cascade(graph);
    }

    public int componentCount() {
        return components;
    }

    /** What component {@code c} depends on directly: required flows' senders and networks, and its needs. */
    public int[] dependsOn(int c) {
        return Arrays.copyOfRange(dependsOn, dependsOnStart[c], dependsOnStart[c + 1]);
    }

    /**
     * Fails the given components and returns everything that goes down, the failed first. {@code
     * causes}, when not null and as long as the components, receives at the returned components'
     * positions the component whose loss took each down (-1 for those that failed themselves).
     */
    public int[] run(int[] failed, int[] causes) {
        int tail = 0;
        int brokenCount = 0;
        countedSize = 0;
        for (int c : failed) {
            if (!down[c]) {
                down[c] = true;
                queue[tail++] = c;
            }
        }
        for (int head = 0; head < tail; head++) {
            int c = queue[head];
            for (int i = leafGatesStart[c]; i < leafGatesStart[c + 1]; i++) {
                tail = childFailed(leafGates[i], c, tail);
            }
            for (int i = affectsStart[c]; i < affectsStart[c + 1]; i++) {
                int f = affects[i];
                if (!broken[f]) {
                    broken[f] = true;
                    brokenFlows[brokenCount++] = f;
                    tail = childFailed(flowGate[f], c, tail);
                }
            }
        }
        int[] result = Arrays.copyOf(queue, tail);
        // undo: only what this run touched
        for (int c : result) {
            down[c] = false;
            if (causes != null) {
                causes[c] = cause[c];
            }
            cause[c] = -1;
        }
        for (int i = 0; i < brokenCount; i++) {
            broken[brokenFlows[i]] = false;
        }
        for (int i = 0; i < countedSize; i++) {
            failedChildren[counted[i]]--;
        }
        return result;
    }

    /** Counts one more failed child against a gate, and on up while gates fail; returns the new queue tail. */
    private int childFailed(int gate, int because, int tail) {
        int g = gate;
        while (true) {
            counted[countedSize++] = g;
            if (++failedChildren[g] != slack[g] + 1) {
                return tail; // it still holds, or it had failed already
            }
            if (owner[g] >= 0) {
                int c = owner[g];
                if (!down[c]) {
                    down[c] = true;
                    cause[c] = because;
                    queue[tail++] = c;
                }
                return tail;
            }
            g = parentGate[g];
        }
    }
}
