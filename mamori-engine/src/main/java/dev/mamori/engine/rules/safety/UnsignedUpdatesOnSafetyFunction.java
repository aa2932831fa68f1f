package dev.mamori.engine.rules.safety;

import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.capec;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.emb3d;
import static dev.mamori.engine.risk.Reference.iec62443;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.ComponentRule;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Component;
import dev.mamori.model.Layer;
import dev.mamori.model.Scales.UpdatePath;
import dev.mamori.model.Words;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;

/**
 * The TRITON weakness: safety firmware or logic loaded without a signature check, so whoever reaches
 * the update or engineering path decides when the safety function trips.
 */
public final class UnsignedUpdatesOnSafetyFunction extends ComponentRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("unsigned-updates-on-safety-function")
            .title("Safety function accepts unsigned updates")
            .rationale("Whoever can change the firmware or application logic of a safety function decides whether"
                    + " it trips. Without signature verification on the device, it accepts any image that arrives"
                    + " over its update or engineering path, so a compromised engineering workstation, update server"
                    + " or maintenance laptop can install logic that never trips, or trips at will; TRITON did this"
                    + " to a Triconex safety controller in 2017. IEC 61508 and IEC 61511 demand controlled"
                    + " modification of safety software, and only cryptographic verification by the device itself"
                    + " makes that control hold against an attacker. 'unknown' counts as unsigned until shown"
                    + " otherwise, and 'none' does not close the hole: engineering tools can still download logic"
                    + " to a controller that verifies nothing. Unsigned automatic updates are judged easiest to"
                    + " abuse, having a channel an attacker can hijack at scale.")
            .layers(Layer.DEVICE)
            .threatens(SAFETY, INTEGRITY)
            .references(cwe(494), capec(186), iec62443("SR 3.4"), owaspIot(4), emb3d("TID-211"), emb3d("TID-213"))
            .mitigations(
                    "Accept only firmware and application logic signed by the vendor and the owner, verified on the"
                            + " device before it runs (update: signed-manual for safety functions, so every change"
                            + " also passes management of change).",
                    "Keep the download path closed in operation (keyswitch in RUN, engineering workstation"
                            + " disconnected) and compare the installed version with the validated one.")
            .build();

    public UnsignedUpdatesOnSafetyFunction() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        FrozenGraph graph = context.graph();
        Component component = graph.component(c);
        UpdatePath update = component.update();
        if (!component.safetyFunction()
                || update == UpdatePath.SIGNED_MANUAL
                || update == UpdatePath.SIGNED_AUTOMATIC) {
            return;
        }
        Factor ease = switch (update) {
            case AUTOMATIC -> Factor.of(4, "unsigned automatic updates can be hijacked on their channel");
            case NONE -> Factor.of(2, "with no update channel, an attacker needs the engineering path to load logic");
            case UNKNOWN -> Factor.of(3, "nothing shows that " + component.id() + " verifies what it loads");
            default -> Factor.of(3, "an unsigned image loaded by hand is trusted as it is");
        };
        String what = switch (update) {
            case UNKNOWN -> "does not say how its updates are verified (update: unknown)";
            case NONE ->
                "has no update path (update: none), so nothing verifies logic or firmware downloaded" + " to it";
            default -> "takes unsigned updates (update: " + Words.of(update) + ")";
        };
        context.onComponent(
                c,
                "safety function " + component.id() + " " + what,
                ease,
                SafetyFacts.safetyFunctionImpact(context, c, METADATA.properties()));
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int c) {
        // Signed and loaded by hand: a change to a safety function also passes management of change.
        return List.of(new KeyEdit(graph.component(c).at(), "update", "signed-manual"));
    }
}
