package dev.mamori.engine.rules.device;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
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
import dev.mamori.model.Words;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;

/**
 * A large fleet patched by hand: roll-outs take months, so published vulnerabilities stay open on
 * a long tail of units.
 */
public final class ManualUpdatesOnLargeFleet extends ComponentRule {

    /** From this many units, patching unit by unit no longer keeps pace with disclosures. */
    static final int LARGE_FLEET = 50;

    /** From this many units, a manual roll-out takes months. */
    static final int VERY_LARGE_FLEET = 500;

    static final RuleMetadata METADATA = RuleMetadata.rule("manual-updates-on-large-fleet")
            .title("Large fleet updated by hand")
            .rationale("When each unit has to be updated by a person (update: manual or signed-manual), a roll-out"
                    + " across dozens or hundreds of units is scheduled around site visits, maintenance windows"
                    + " and staff, and in practice part of the fleet stays unpatched for months; attackers need"
                    + " only one unpatched unit, and exploits for published IoT flaws appear within days. The rule"
                    + " starts at " + LARGE_FLEET + " units, roughly where a small team can no longer patch a"
                    + " fleet within a week, and judges the gap wider from " + VERY_LARGE_FLEET + " units. Signing"
                    + " does not change this: a signed update that is not installed protects nothing.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM)
            .threatens(SAFETY, CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(owaspIot(4), owaspIot(8), etsi("5.3-4"), etsi("5.3-8"))
            .mitigations(
                    "Move the fleet to centrally managed updates with staged roll-out and automatic rollback on"
                            + " failure (update: signed-automatic), for instance through a device-management"
                            + " platform.",
                    "Until then, keep an inventory of installed versions per unit and track the patch backlog, so"
                            + " that units left behind are visible.")
            .build();

    public ManualUpdatesOnLargeFleet() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        Component component = context.graph().component(c);
        boolean manual = component.update() == UpdatePath.MANUAL || component.update() == UpdatePath.SIGNED_MANUAL;
        if (!manual || component.count() < LARGE_FLEET || !DeviceFacts.PATCHED_LAYERS.contains(component.layer())) {
            return;
        }
        Factor ease = component.count() >= VERY_LARGE_FLEET
                ? Factor.of(3, "a manual roll-out over " + component.count() + " units takes months")
                : Factor.of(2, "exploiting the patch lag needs a published flaw and a unit that was not yet updated");
        context.onComponent(
                c,
                component.id() + " is a fleet of " + component.count() + " units updated by hand (update: "
                        + Words.of(component.update()) + ")",
                ease);
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int c) {
        Component component = graph.component(c);
        return List.of(new KeyEdit(component.at(), "update", "signed-automatic"));
    }
}
