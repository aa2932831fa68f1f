package dev.mamori.engine.rules.device;

import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.iec62443;

import dev.mamori.engine.risk.ComponentRule;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Component;
import dev.mamori.model.Layer;
import dev.mamori.model.Scales.Credentials;
import dev.mamori.model.Scales.Logging;
import dev.mamori.model.Scales.UpdatePath;
import java.util.ArrayList;
import java.util.List;

/**
 * A reachable device whose model says neither how it logs people in nor how it is updated: the two
 * facts that decide most device risks are missing, so the assessment cannot judge them.
 */
public final class SecurityFactsUnstated extends ComponentRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("security-facts-unstated")
            .judgesRecords()
            .title("Security facts of a reachable device are not stated")
            .rationale("Credentials and the update path decide most of what can go wrong with a device: default"
                    + " passwords, unauthenticated access, unsigned or missing updates. The model language keeps"
                    + " them unknown until someone states them, and the rules about them stay silent on unknown"
                    + " values, so a device whose model states neither looks clean while it may be the weakest"
                    + " point of the landscape. The rule asks for these facts where they matter most: devices"
                    + " that can be reached from beyond their zone. It is a completeness finding, scored low"
                    + " on purpose: nothing is known to be wrong yet, and it goes away as soon as the facts"
                    + " are stated, whatever they are.")
            .layers(Layer.DEVICE)
            .threatens(INTEGRITY)
            .references(cwe(1059), iec62443("SR 7.6"), iec62443("SR 7.8"))
            .mitigations(
                    "State how the device authenticates logins (credentials: unique, user-defined, certificate,"
                            + " fleet-shared, default-shared or none) and how it is updated (update:"
                            + " signed-automatic, signed-manual, automatic, manual or none), from the"
                            + " manufacturer's documentation or a test of the unit.",
                    "If the manufacturer cannot say, ask for it in procurement; the ETSI EN 303 645 or JC-STAR"
                            + " documentation of the product usually answers both.")
            .build();

    public SecurityFactsUnstated() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        Component component = context.graph().component(c);
        if (component.layer() != Layer.DEVICE
                || component.credentials() != Credentials.UNKNOWN
                || component.update() != UpdatePath.UNKNOWN
                || !DeviceFacts.exposed(context, c)) {
            return;
        }
        List<String> unknown = new ArrayList<>(List.of("credentials", "update"));
        if (component.secureBoot().isEmpty()) {
            unknown.add("secure-boot");
        }
        if (component.logging() == Logging.UNKNOWN) {
            unknown.add("logging");
        }
        context.onComponent(
                c,
                "the model does not say " + String.join(", ", unknown) + " for " + component.id()
                        + ", which can be reached from beyond its zone",
                Factor.of(2, "the facts are unknown, not known to be bad"),
                Factor.of(1, "the gap in the model harms nothing by itself; what it hides is judged once stated"));
    }
}
