package dev.mamori.engine.rules.device;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.emb3d;
import static dev.mamori.engine.risk.Reference.etsi;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.ComponentRule;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Component;
import dev.mamori.model.Layer;
import dev.mamori.model.Scales.UpdatePath;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;

/** Firmware that can never be updated: every vulnerability found in it stays for the device's life. */
public final class NoUpdatePath extends ComponentRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("no-update-path")
            .title("No way to update the software")
            .rationale("A device, network element or platform that cannot be updated (update: none) keeps every"
                    + " vulnerability that is ever found in its firmware, its network stack or the open-source"
                    + " libraries inside it, for as long as it is in service; in IoT that is often ten years or"
                    + " more. Once a flaw is published, exploits and scanners follow, and the only fix left is"
                    + " replacing the hardware. Service-layer software is left to other rules, since it is"
                    + " redeployed rather than flashed. A constrained device that truly cannot be updated is"
                    + " acceptable only if it is isolated and replaceable, which the reach of the component"
                    + " (its zone and exposure) already weighs in the score.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM)
            .threatens(SAFETY, CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(
                    cwe(1329), cwe(1277), owaspIot(4), etsi("5.3-1"), etsi("5.3-14"), etsi("5.3-15"), emb3d("TID-210"))
            .mitigations(
                    "Choose products with a secure update mechanism (update: signed-automatic or signed-manual).",
                    "Until the device can be replaced, isolate it: a zone of its own with high trust, no exposure,"
                            + " and only the flows it needs, through a gateway that filters them; plan the"
                            + " hardware replacement and record it as a treatment with an expiry date.")
            .build();

    public NoUpdatePath() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        Component component = context.graph().component(c);
        if (component.update() != UpdatePath.NONE || !DeviceFacts.PATCHED_LAYERS.contains(component.layer())) {
            return;
        }
        context.onComponent(
                c,
                component.id() + " has no update path (update: none): its "
                        + component.layer().word() + "-layer software can never be fixed"
                        + DeviceFacts.fleet(component),
                Factor.of(3, "any vulnerability found in it stays exploitable for the rest of its service life"));
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int c) {
        Component component = graph.component(c);
        return List.of(new KeyEdit(component.at(), "update", "signed-manual"));
    }
}
