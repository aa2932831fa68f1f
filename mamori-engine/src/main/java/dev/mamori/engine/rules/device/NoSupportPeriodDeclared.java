package dev.mamori.engine.rules.device;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.etsi;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.risk.ComponentRule;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Component;
import dev.mamori.model.Layer;

/**
 * A reachable device whose manufacturer has not said how long it will ship security updates: nobody
 * can tell when it silently becomes unpatchable.
 */
public final class NoSupportPeriodDeclared extends ComponentRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("no-support-period-declared")
            .judgesRecords()
            .title("No support period declared")
            .rationale("The defined support period is the date until which the manufacturer commits to security"
                    + " updates; ETSI EN 303 645 makes publishing it mandatory, and the UK PSTI regime and the"
                    + " EU Cyber Resilience Act require it too. Without it (no support-until), an operator cannot"
                    + " plan replacement, cannot check that the product outlives the missions relying on it, and"
                    + " learns that updates have stopped only when a vulnerability stays unfixed. The rule asks"
                    + " only where the answer can be had and matters: a device with a named manufacturer that"
                    + " can be reached from beyond its zone. It is scored low to medium, higher when a mission"
                    + " needs the device.")
            .layers(Layer.DEVICE)
            .threatens(INTEGRITY, AVAILABILITY)
            .references(etsi("5.3-13"), owaspIot(5), cwe(1059))
            .mitigations(
                    "Ask the manufacturer for the published support period and record it (support-until:"
                            + " YYYY-MM-DD); make a published support period a procurement requirement.",
                    "If the manufacturer publishes none, treat the product as unsupported from now on and plan"
                            + " its isolation or replacement.")
            .build();

    public NoSupportPeriodDeclared() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        Component component = context.graph().component(c);
        if (component.layer() != Layer.DEVICE
                || component.manufacturer().isEmpty()
                || component.supportUntil().isPresent()
                || !DeviceFacts.exposed(context, c)) {
            return;
        }
        Factor impact = context.neededByMission(c)
                ? Factor.of(3, "a mission needs " + component.id() + " and nobody can tell how long it is patched")
                : Factor.of(2, "nobody can tell when " + component.id() + " stops being patched");
        context.onComponent(
                c,
                component.id() + " names its manufacturer ("
                        + component.manufacturer().get() + ") but no support period (support-until)",
                Factor.of(1, "a missing date opens no way in by itself"),
                impact);
    }
}
