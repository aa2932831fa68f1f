package dev.mamori.engine.systemic;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.Scales;
import java.util.ArrayDeque;

/**
 * How data the attacker holds at each component gets out, or null where it cannot. A held component
 * sends out what it holds when it faces the internet, or when its zone lets anything out (egress
 * open, or not stated); from a zone whose egress is denied only the modelled flows leave, so the
 * data is relayed over a flow to another held component that has a way out. An egress rule a plan
 * proposes is taken as in place: such a zone (or a component in no zone) lets only its flows out.
 */
final class WaysOut {

    private WaysOut() {}

    /** The ways out as the model states them. */
    static String[] of(FrozenGraph frozen, Propagation propagation) {
        return of(frozen, propagation, new boolean[frozen.zoneCount()], new boolean[frozen.componentCount()]);
    }

    /**
     * @param deniedZone zones with an egress rule proposed (as {@code egress: deny})
     * @param deniedAlone components in no zone with an egress rule of their own proposed
     */
    static String[] of(FrozenGraph frozen, Propagation propagation, boolean[] deniedZone, boolean[] deniedAlone) {
        int n = frozen.componentCount();
        String[] way = new String[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < n; c++) {
            if (propagation.controlled(c)) {
                way[c] = own(frozen, c, deniedZone, deniedAlone);
                if (way[c] != null) {
                    queue.add(c);
                }
            }
        }
        // Backwards over flows between held components: a sender relays to a receiver with a way out.
        while (!queue.isEmpty()) {
            int to = queue.poll();
            for (int f : frozen.flowsIn(to)) {
                int from = frozen.flowFrom(f);
                if (way[from] == null && propagation.controlled(from)) {
                    // One hop named; the receiver's own line says how it goes on.
                    way[from] = "can leave: relayed over " + frozen.flowName(f) + " to "
                            + frozen.component(to).id() + ", which the attacker holds and which has a way out";
                    queue.add(from);
                }
            }
        }
        return way;
    }

    /** A held component's own way out, not relayed: null when only its modelled flows leave it. */
    static String own(FrozenGraph frozen, int c, boolean[] deniedZone, boolean[] deniedAlone) {
        String id = frozen.component(c).id();
        int zone = frozen.zoneOf(c);
        if (frozen.facts().internetFacing(c)) {
            return "can leave: " + id + " faces the internet";
        } else if (zone < 0) {
            return deniedAlone[c] ? null : "can leave: " + id + " sits in no zone, so nothing says what may leave it";
        } else if (deniedZone[zone]) {
            return null;
        } else if (frozen.zone(zone).egress().isEmpty()) {
            return "can leave: zone " + frozen.zone(zone).id() + " of " + id
                    + " does not say what may leave it (egress not stated)";
        } else if (frozen.zone(zone).egress().get() == Scales.Egress.OPEN) {
            return "can leave: zone " + frozen.zone(zone).id() + " of " + id + " lets anything out";
        }
        return null;
    }
}
