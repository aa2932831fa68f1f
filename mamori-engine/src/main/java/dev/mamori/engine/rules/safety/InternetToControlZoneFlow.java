package dev.mamori.engine.rules.safety;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.iec62443;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.FlowRule;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Flow;
import dev.mamori.model.Layer;
import dev.mamori.model.Scales.ZoneKind;
import dev.mamori.model.Words;
import dev.mamori.model.Zone;
import dev.mamori.model.vocabulary.Vocabulary.Strength;

/**
 * An internet-facing system talking straight into the control network, with no DMZ to break the
 * session: one compromised portal or cloud connector has a ready path into the process.
 */
public final class InternetToControlZoneFlow extends FlowRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("internet-to-control-zone-flow")
            .rootCause("internet-into-control-zone")
            .title("Flow from an internet-facing component straight into a control zone")
            .rationale("IEC 62443 and the Purdue reference architecture let nothing run end to end from the internet"
                    + " into an OT or safety zone: traffic stops in a DMZ, where a broker, historian replica or jump"
                    + " host breaks the session and only the needed data is passed on. A direct flow from an"
                    + " internet-facing component (exposed to the internet, or in an untrusted zone) means that"
                    + " whoever compromises that one component, whether a cloud connector, a remote-access portal or"
                    + " a web application, already holds an established path to the controllers; exposed remote"
                    + " access has been the way into most reported attacks on water and energy utilities. A firewall"
                    + " on the path does not help when it passes the flow. Commands make it direct control, and"
                    + " trivial without authentication; data-only flows still deliver attacker-shaped input to"
                    + " controllers whose parsers were never hardened.")
            .layers(Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(SAFETY, INTEGRITY, AVAILABILITY)
            .references(iec62443("SR 5.2"), iec62443("SR 5.1 RE 2"), iec62443("SR 1.13"), cwe(923))
            .mitigations(
                    "End the flow in a DMZ (zones: NAME: { kind: dmz }), at a broker, historian replica or jump host,"
                            + " and let the control zone pull what it needs from there.",
                    "Take the source off the internet (exposure), or put remote access behind a VPN that ends in the"
                            + " DMZ, with multi-factor authentication and per-session approval by the operator.")
            .build();

    public InternetToControlZoneFlow() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        FrozenGraph graph = context.graph();
        int source = graph.flowFrom(f);
        int target = graph.flowTo(f);
        int z = graph.zoneOf(target);
        if (z < 0 || !context.internetFacing(source)) {
            return;
        }
        Zone zone = graph.zone(z);
        if (zone.kind() != ZoneKind.OT && zone.kind() != ZoneKind.SAFETY) {
            return;
        }
        Flow flow = graph.flow(f);
        Factor ease;
        if (!flow.commands()) {
            ease = Factor.of(3, "the flow carries data only, but attacker-shaped data reaches the control zone");
        } else if (SafetyFacts.authentication(context, f) == Strength.NONE) {
            ease = Factor.of(5, "the flow carries commands without authentication");
        } else {
            ease = Factor.of(
                    4,
                    "the flow carries commands: whoever holds "
                            + graph.component(source).id() + " commands "
                            + graph.component(target).id());
        }
        context.onFlow(
                f,
                "internet-facing " + graph.component(source).id() + " sends "
                        + (flow.commands() ? "commands" : "data") + " over " + flow.protocol() + " directly to "
                        + graph.component(target).id() + " in " + Words.of(zone.kind()) + " zone " + zone.id(),
                ease);
    }
}
