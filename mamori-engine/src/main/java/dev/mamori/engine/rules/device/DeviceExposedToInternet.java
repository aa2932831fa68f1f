package dev.mamori.engine.rules.device;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
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
import dev.mamori.model.Scales.Exposure;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;

/**
 * A device reachable straight from the internet: indexed by Shodan and Censys within hours, and
 * exposed to every scanner and botnet with whatever weakness its firmware has.
 */
public final class DeviceExposedToInternet extends ComponentRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("device-exposed-to-internet")
            .title("Device reachable from the internet")
            .rationale("Embedded devices are built for a protected network: their network stacks, web servers and"
                    + " protocol handlers are small, rarely hardened and patched slowly. Reachable from the"
                    + " internet (exposure: internet, or a zone of trust untrusted), a device is found by"
                    + " internet-wide scanners within hours, and every weakness it has, known today or published"
                    + " later, is tried against it by automated campaigns without any targeting. Devices should"
                    + " reach the internet only outbound, to the platform they report to, or be reached through"
                    + " a gateway, a VPN or a cloud relay that authenticates first. The rule judges the exposure"
                    + " itself; the weaknesses that make it worse have rules of their own.")
            .layers(Layer.DEVICE)
            .threatens(SAFETY, CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(
                    cwe(668),
                    owaspIot(2),
                    iec62443("SR 1.13"),
                    iec62443("SR 5.1"),
                    iec62443("SR 5.2"),
                    emb3d("TID-202"))
            .mitigations(
                    "Remove the inbound exposure (exposure without internet) and let the device connect outbound"
                            + " to its platform over an authenticated, encrypted channel.",
                    "Where remote access is needed, reach the device through a VPN or a remote-access service"
                            + " with multi-factor authentication in a DMZ, and put the device in a zone of its own"
                            + " behind a firewall that denies inbound traffic by default.")
            .build();

    public DeviceExposedToInternet() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        Component component = context.graph().component(c);
        if (component.layer() != Layer.DEVICE || !context.internetFacing(c)) {
            return;
        }
        String how = component.exposure().contains(Exposure.INTERNET)
                ? "is exposed to the internet (exposure: internet)"
                : "sits in an untrusted zone, reachable from the internet";
        context.onComponent(
                c,
                "the device " + component.id() + " " + how + DeviceFacts.fleet(component),
                Factor.of(3, "internet-wide scanners find it within hours and try every known flaw on it"));
    }

    /** Its exposure without the internet, when the model exposes it there (an untrusted zone is moved by hand). */
    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int c) {
        return dev.mamori.engine.risk.Remedies.withoutInternetExposure(graph, c);
    }
}
