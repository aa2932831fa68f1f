package dev.mamori.engine.systemic;

import dev.mamori.engine.graph.FrozenGraph;

/**
 * Whether a secret held somewhere can be used against a login elsewhere: only over a network route
 * the model declares. A place is a zone (anyone in it reaches its members and whatever its members
 * exchange flows with), a zoneless host (which reaches what it exchanges flows with), or outside
 * (which reaches what is exposed to the internet). A credential cannot jump over the only route to
 * its login. A flow either way counts, so a one-way gateway is not told apart from a two-way link.
 */
final class Routes {

    /** The place of an outsider holding a leaked secret. */
    static final int OUTSIDE = -1;

    private final FrozenGraph graph;

    Routes(FrozenGraph graph) {
        this.graph = graph;
    }

    /** Where a secret taken on a host is used from: the host's zone node, or the host itself. */
    int position(int host) {
        int zone = graph.zoneOf(host);
        return zone >= 0 ? graph.componentCount() + zone : host;
    }

    /** Whether a login on {@code target} can be reached from {@code position}. */
    boolean reaches(int position, int target) {
        if (graph.facts().internetFacing(target)) {
            return true;
        }
        if (position == OUTSIDE) {
            return false;
        }
        boolean zone = position >= graph.componentCount();
        int z = position - graph.componentCount();
        if (zone ? graph.zoneOf(target) == z : target == position) {
            return true;
        }
        // A flow either way is a route: what sends to the target reaches its services, and a
        // connection the target opens (a device calling home to its cloud) carries what comes back
        // on it, as vendors' support features and device management do.
        for (int f : graph.flowsIn(target)) {
            if (at(graph.flowFrom(f), position, zone, z)) {
                return true;
            }
        }
        for (int f : graph.flowsOut(target)) {
            if (at(graph.flowTo(f), position, zone, z)) {
                return true;
            }
        }
        return false;
    }

    private boolean at(int component, int position, boolean zone, int z) {
        return zone ? graph.zoneOf(component) == z : component == position;
    }
}
