package dev.mamori.engine.systemic;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.Component;

/**
 * How many units of each held component the attacker holds: a fleet is one node of the propagation
 * graph, but it is not always taken whole. Someone next to one camera, or one person opening a
 * document on one of forty tills, holds one unit; from it the attacker spreads to the units it
 * reaches over the network ({@code peer-reach}, all of them when the fleet shares a zone) when their
 * login is weak or their service has a known flaw, as a worm does. Whatever reaches the fleet as a
 * whole — the internet or a partner reaching every unit alike, a controller commanding them, an
 * update source, a credential or account every unit accepts — holds every unit. What a fleet's
 * held units do counts them: a flood, the hazards triggered.
 */
final class HeldUnits {

    private HeldUnits() {}

    /** The units held of each component the propagation controls; 0 for those it does not. */
    static long[] of(FrozenGraph frozen, PropagationGraph graph, Propagation propagation) {
        long[] units = new long[frozen.componentCount()];
        boolean[] entry = new boolean[graph.nodeCount()];
        for (int node : propagation.entries().nodes()) {
            entry[node] = true;
        }
        for (int c = 0; c < units.length; c++) {
            if (!propagation.controlled(c)) {
                continue;
            }
            Component component = frozen.component(c);
            long count = component.count();
            if (count == 1 || entry[c]) {
                units[c] = count; // what is assumed held (--from, a scenario) is held whole
                continue;
            }
            long held = 0;
            for (int i = graph.inStart(c); i < graph.inControlEnd(c) && held < count; i++) {
                int e = graph.inEdge(i);
                if (propagation.controlled(graph.from(e))) {
                    held = Math.max(held, over(frozen, graph, e, component));
                }
            }
            units[c] = Math.max(held, spread(frozen, c, held));
        }
        return units;
    }

    /** The units a held relation into fleet {@code component} takes. */
    private static long over(FrozenGraph frozen, PropagationGraph graph, int e, Component component) {
        long count = component.count();
        boolean fromOutsiders = graph.from(e) == graph.outsiders();
        return switch (graph.relation(e)) {
            // Over the internet or a partner's link every unit is reached alike; by radio, in person
            // or through a person using it, one unit is.
            case EXPOSURE ->
                EntryPoints.of(frozen, graph.to(e))
                        .map(x ->
                                x.way() == EntryPoints.Way.INTERNET || x.way() == EntryPoints.Way.PARTNER ? count : 1L)
                        .orElse(1L);
            // Forged over the air, within range of one unit; on a held network, on every unit's flow.
            case INTERCEPT -> fromOutsiders ? 1 : count;
            // From a foothold in the fleet's zone: the units it reaches there.
            case LATERAL -> reached(component);
            default -> count;
        };
    }

    /**
     * The units held once {@code held} of fleet {@code c} spread to the rest they reach: only where
     * a unit's login is weak (or unknown and assumed weak) or its service has a known flaw.
     */
    private static long spread(FrozenGraph frozen, int c, long held) {
        Component component = frozen.component(c);
        if (held == 0 || held >= component.count()) {
            return held;
        }
        // The same test as a foothold in its zone crossing into a component.
        boolean crossed = PropagationGraph.crossedFromItsZone(frozen, component) > 0;
        return crossed ? Math.max(held, reached(component)) : held;
    }

    /** The units one unit of a fleet reaches over the network, itself included. */
    private static long reached(Component component) {
        return 1 + (long) Math.floor((component.count() - 1) * component.peerShare());
    }
}
