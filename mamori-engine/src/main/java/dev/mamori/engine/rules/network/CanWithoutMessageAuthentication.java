package dev.mamori.engine.rules.network;

import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.capec;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.emb3d;
import static dev.mamori.engine.risk.Reference.iec62443;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.FlowRule;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Flow;
import dev.mamori.model.Layer;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;

/**
 * CAN frames without a MAC: any node on the bus can send any identifier, so one compromised node
 * speaks for the brakes (the 2015 Jeep Cherokee remote takeover).
 */
public final class CanWithoutMessageAuthentication extends FlowRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("can-without-message-authentication")
            .title("CAN messages without authentication")
            .rationale("A CAN frame names what it is about but not who sent it: every node on the bus may"
                    + " transmit every identifier, and receivers act on whichever frame arrives. Once an"
                    + " attacker runs code on one node (a telematics unit reached over the carrier network, an"
                    + " infotainment head unit, a dongle on the diagnostic port) it can send steering, braking or"
                    + " door frames as if the responsible ECU had sent them, as the 2015 Jeep Cherokee attack"
                    + " showed, and replay recorded frames at will. A MAC with a freshness counter on each"
                    + " relevant frame (AUTOSAR SecOC) lets receivers drop forged and replayed frames. The rule"
                    + " fires on every CAN flow without message authentication, whether it carries commands or"
                    + " sensor values, since forged sensor frames steer the ECUs that use them as well;"
                    + " segmenting the bus behind a gateway narrows who can send but authenticates nothing.")
            .layers(Layer.DEVICE, Layer.NETWORK)
            .threatens(SAFETY, INTEGRITY)
            .references(cwe(345), capec(148), iec62443("SR 3.1"), emb3d("TID-406"), emb3d("TID-407"))
            .mitigations(
                    "Authenticate safety- and security-relevant frames with a truncated MAC and a freshness"
                            + " counter (AUTOSAR SecOC) and make receivers reject frames that fail it"
                            + " (authentication: message-mac).",
                    "Put externally reachable nodes (telematics, infotainment, the diagnostic port) on their own"
                            + " bus segment behind a gateway that forwards only the identifiers they need.")
            .build();

    public CanWithoutMessageAuthentication() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        Flow flow = context.graph().flow(f);
        if (flow.protocol().equals("can") && Transit.unauthenticated(context, flow)) {
            context.onFlow(
                    f,
                    Transit.name(context, f) + " has no message authentication: any node on the bus can send "
                            + Transit.to(context, f) + (flow.commands() ? " commands" : " values")
                            + " in " + Transit.from(context, f) + "'s name",
                    Factor.of(
                            4,
                            "any node on a CAN bus can send any identifier, and replaying frames needs no"
                                    + " knowledge of their meaning"));
        }
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int f) {
        return dev.mamori.engine.risk.Remedies.setAuthentication(graph, f);
    }
}
