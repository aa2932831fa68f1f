package dev.mamori.engine.systemic;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.Scales;
import java.util.Set;

/**
 * Where data held at a component gets out, straight from the model, for property tests: a held
 * component faces the internet, or sits in no zone, or in a zone whose egress is open or not stated
 * (unless an egress rule is taken as in place); or sends over a flow to a held component that gets
 * it out — to a fixpoint, by repeated passes rather than a queue.
 */
final class BruteWaysOut {

    private BruteWaysOut() {}

    static boolean[] of(FrozenGraph frozen, boolean[] held, boolean[] deniedZone, Set<String> deniedAlone) {
        int n = frozen.componentCount();
        boolean[] out = new boolean[n];
        for (int c = 0; c < n; c++) {
            int zone = frozen.zoneOf(c);
            out[c] = held[c]
                    && (frozen.facts().internetFacing(c)
                            || (zone < 0
                                    ? !deniedAlone.contains(frozen.component(c).id())
                                    : !deniedZone[zone]
                                            && frozen.zone(zone).egress().orElse(Scales.Egress.OPEN)
                                                    == Scales.Egress.OPEN));
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int f = 0; f < frozen.flowCount(); f++) {
                int from = frozen.flowFrom(f);
                if (held[from] && !out[from] && out[frozen.flowTo(f)]) {
                    out[from] = true;
                    changed = true;
                }
            }
        }
        return out;
    }
}
