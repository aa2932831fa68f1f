package dev.mamori.engine.rules.device;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.model.Component;
import dev.mamori.model.Layer;
import dev.mamori.model.Scales.UpdatePath;
import java.util.EnumSet;
import java.util.Set;

/** Facts several device rules share, read from the graph the same way every time. */
final class DeviceFacts {

    /** The layers that run firmware or an operating system someone has to patch. */
    static final Set<Layer> PATCHED_LAYERS = EnumSet.of(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM);

    private DeviceFacts() {}

    /** Whether {@code c} can be reached from beyond its zone: any exposure, or an untrusted zone. */
    static boolean exposed(RuleContext context, int c) {
        return !context.graph().component(c).exposure().isEmpty() || context.internetFacing(c);
    }

    /** Whether anything can send to {@code c}: it is exposed, or some flow arrives at it. */
    static boolean reachable(RuleContext context, int c) {
        return exposed(context, c) || context.graph().flowsIn(c).length > 0;
    }

    /** Whether some flow arriving at {@code c} carries commands. */
    static boolean receivesCommands(FrozenGraph graph, int c) {
        for (int f : graph.flowsIn(c)) {
            if (graph.flow(f).commands()) {
                return true;
            }
        }
        return false;
    }

    /** Whether an update path installs whatever it is given, signed or not. */
    static boolean unsigned(UpdatePath update) {
        return update == UpdatePath.MANUAL || update == UpdatePath.AUTOMATIC;
    }

    /** {@code " (120 units)"} for a fleet, nothing for a single part. */
    static String fleet(Component component) {
        return component.count() > 1 ? " (" + component.count() + " units)" : "";
    }
}
