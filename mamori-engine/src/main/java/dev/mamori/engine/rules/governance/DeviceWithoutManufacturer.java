package dev.mamori.engine.rules.governance;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.etsi;
import static dev.mamori.engine.risk.Reference.iec62443;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.ComponentRule;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.Remedies;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Component;
import dev.mamori.model.Layer;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;

/**
 * A device of unknown origin (NISC 3 f)): the supply chain cannot be traced, so advisories,
 * patches and end-of-support notices cannot be matched to it.
 */
public final class DeviceWithoutManufacturer extends ComponentRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("device-without-manufacturer")
            .judgesRecords()
            .title("Device with no known manufacturer")
            .rationale("When a device's maker is not known, nobody can tell whether a published vulnerability or"
                    + " a backdoored component batch concerns it, where its firmware updates and advisories"
                    + " come from, how long it will be supported, or whom to call when it misbehaves."
                    + " White-label and rebadged IoT devices are the typical case, and they are the ones that"
                    + " carry old, shared firmware. The missing name is no way in by itself, which is why the"
                    + " ease is the lowest; it keeps known holes from being found and closed on this device, and so"
                    + " everything the device could harm is at stake.")
            .layers(Layer.DEVICE)
            .threatens(SAFETY, CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(cwe(1357), owaspIot(5), etsi("5.3-13"), iec62443("SR 7.8"))
            .mitigations(
                    "Name who makes it (manufacturer: STAKEHOLDER, a stakeholder with the role manufacturer and"
                            + " its vulnerability-disclosure), and its support period (support-until: ...).",
                    "If the maker cannot be found, treat the device as unsupported: replace it with a traceable"
                            + " product, or isolate it in its own zone with no internet exposure.")
            .build();

    public DeviceWithoutManufacturer() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        Component component = context.graph().component(c);
        if (component.layer() != Layer.DEVICE || component.manufacturer().isPresent()) {
            return;
        }
        context.onComponent(
                c,
                "device " + component.id() + " names no manufacturer, so its supply chain, advisories and"
                        + " support cannot be traced"
                        + (component.count() > 1 ? " (" + component.count() + " units)" : ""),
                Factor.of(
                        1,
                        "an unknown maker is no way in by itself; it keeps known flaws in " + component.id()
                                + " from being matched to it and patched"));
    }

    /** The maker, among the stakeholders that make things. */
    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int c) {
        return Remedies.chooseStakeholder(graph, graph.component(c).at(), "manufacturer", "manufacturer");
    }
}
