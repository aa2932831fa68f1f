package dev.mamori.engine.systemic;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.Hazard;
import java.util.Arrays;

/**
 * What holding each component leads to, over the control relations of the propagation graph: the
 * worst hazard an attacker who holds it can trigger, here or any number of hops on, and how many
 * hops away; and the nearest component a mission needs that it reaches. This is what ranks the LTE router that opens the gate network above the turnstile that
 * only reads tickets: the router holds nothing of value itself, but everything that follows from it.
 * Relations that rest on an assumption (a neighbour's unknown login taken as weak) are not followed:
 * a finding's impact is claimed from stated facts only.
 *
 * <p>Linear in the graph: one backward breadth-first pass per hazard level, from the worst down;
 * each node is assigned at the first (worst) level that reaches it and expanded once.
 */
public final class Consequences {

    /** No hazard is reachable. */
    public static final int NONE = 0;

    private final int[] level; // per node: the worst hazard level reachable (2..5), or NONE
    private final int[] hazardAt; // per node: the component whose hazard it is, -1 for none
    private final int[] hops; // per node: control hops to that component
    private final int[]
            neededAt; // per node: the nearest component a mission needs that holding it reaches, -1 for none
    private final int[] neededHops;
    private final int[]
            catastropheAt; // per node: the nearest component with a catastrophic hazard it reaches, -1 for none
    private final int[] catastropheHops;
    private final FrozenGraph frozen;

    private Consequences(FrozenGraph frozen, PropagationGraph graph) {
        this.frozen = frozen;
        int n = graph.nodeCount();
        level = new int[n];
        hazardAt = new int[n];
        hops = new int[n];
        Arrays.fill(hazardAt, -1);
        int components = frozen.componentCount();
        int[] own = new int[components];
        for (int c = 0; c < components; c++) {
            for (Hazard hazard : frozen.component(c).hazards()) {
                own[c] = Math.max(own[c], hazardLevel(hazard));
            }
        }
        int[] queue = new int[n];
        neededAt = new int[n];
        neededHops = new int[n];
        missions(frozen, graph, queue);
        catastropheAt = new int[n];
        catastropheHops = new int[n];
        catastrophes(frozen, graph, queue);
        for (int l = 5; l >= 2; l--) {
            int tail = 0;
            for (int c = 0; c < components; c++) {
                if (own[c] == l && level[c] == NONE) {
                    level[c] = l;
                    hazardAt[c] = c;
                    queue[tail++] = c;
                }
            }
            for (int head = 0; head < tail; head++) {
                int node = queue[head];
                for (int i = graph.inStart(node); i < graph.inControlEnd(node); i++) {
                    int before = graph.from(graph.inEdge(i));
                    if (level[before] == NONE && !graph.assumed(graph.inEdge(i))) {
                        level[before] = l;
                        hazardAt[before] = hazardAt[node];
                        hops[before] = hops[node] + 1;
                        queue[tail++] = before;
                    }
                }
            }
        }
    }

    /** Backward from what missions need: which components an attacker could stop a mission from. */
    private void missions(FrozenGraph frozen, PropagationGraph graph, int[] queue) {
        Arrays.fill(neededAt, -1);
        int tail = 0;
        for (dev.mamori.model.Mission mission : frozen.missions()) {
            for (int c : frozen.neededBy(mission)) {
                if (neededAt[c] < 0) {
                    neededAt[c] = c;
                    queue[tail++] = c;
                }
            }
        }
        backward(graph, queue, tail, neededAt, neededHops);
    }

    /**
     * Backward from every component with a hazard declared catastrophic, interlocked or not: the
     * severity is what the harm would be, the interlock only how likely it is to happen. What
     * reaches one is a way to the worst harm the model names.
     */
    private void catastrophes(FrozenGraph frozen, PropagationGraph graph, int[] queue) {
        Arrays.fill(catastropheAt, -1);
        int tail = 0;
        for (int c = 0; c < frozen.componentCount(); c++) {
            if (catastrophicHazard(frozen, c) != null) {
                catastropheAt[c] = c;
                queue[tail++] = c;
            }
        }
        backward(graph, queue, tail, catastropheAt, catastropheHops);
    }

    /**
     * Breadth-first backward over stated control relations from the {@code tail} seeds in
     * {@code queue}: each node reached is given the seed it leads to ({@code at}, -1 until then)
     * and how many hops away.
     */
    private static void backward(PropagationGraph graph, int[] queue, int tail, int[] at, int[] hops) {
        for (int head = 0; head < tail; head++) {
            int node = queue[head];
            for (int i = graph.inStart(node); i < graph.inControlEnd(node); i++) {
                int before = graph.from(graph.inEdge(i));
                if (at[before] < 0 && !graph.assumed(graph.inEdge(i))) {
                    at[before] = at[node];
                    hops[before] = hops[node] + 1;
                    queue[tail++] = before;
                }
            }
        }
    }

    private static Hazard catastrophicHazard(FrozenGraph frozen, int c) {
        for (Hazard hazard : frozen.component(c).hazards()) {
            if (hazard.severity() == dev.mamori.model.Scales.HazardSeverity.CATASTROPHIC) {
                return hazard;
            }
        }
        return null;
    }

    /** The nearest component with a hazard declared catastrophic that holding {@code c} reaches (c itself when it has one), or -1. */
    public int catastropheComponent(int c) {
        return catastropheAt[c];
    }

    /** Control hops from {@code c} to that component. */
    public int catastropheHops(int c) {
        return catastropheHops[c];
    }

    /** The catastrophic hazard of the component {@link #catastropheComponent} names. */
    public Hazard catastrophe(int c) {
        return catastrophicHazard(frozen, catastropheAt[c]);
    }

    /** The nearest component a mission needs that holding {@code c} reaches (c itself when needed), or -1. */
    public int neededComponent(int c) {
        return neededAt[c];
    }

    /** Control hops from {@code c} to that component. */
    public int neededHops(int c) {
        return neededHops[c];
    }

    public static Consequences of(FrozenGraph frozen, PropagationGraph graph) {
        return new Consequences(frozen, graph);
    }

    /**
     * A hazard's weight: negligible 2, marginal 3, critical 4, catastrophic 5; an independent
     * interlock holds the harm back whatever the component is told, so two levels less, never below 2.
     */
    public static int hazardLevel(Hazard hazard) {
        int level = hazard.severity().ordinal() + 2;
        return hazard.interlock().isPresent() ? Math.max(2, level - 2) : level;
    }

    /** The worst hazard level (2..5) holding component {@code c} leads to, or {@link #NONE}. */
    public int worstHazardLevel(int c) {
        return level[c];
    }

    /** The component whose hazard that is (c itself when it is its own), or -1. */
    public int hazardComponent(int c) {
        return hazardAt[c];
    }

    /** Control hops from {@code c} to that component (0 when it is its own). */
    public int hops(int c) {
        return hops[c];
    }

    /** The worst hazard of the component {@link #hazardComponent} names, for the reason given. */
    public Hazard worstHazard(int c) {
        int at = hazardAt[c];
        Hazard worst = null;
        for (Hazard hazard : frozen.component(at).hazards()) {
            if (worst == null || hazardLevel(hazard) > hazardLevel(worst)) {
                worst = hazard;
            }
        }
        return worst;
    }
}
