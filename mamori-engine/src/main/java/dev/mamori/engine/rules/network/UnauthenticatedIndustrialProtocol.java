package dev.mamori.engine.rules.network;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.capec;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.emb3d;
import static dev.mamori.engine.risk.Reference.iec62443;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.FlowRule;
import dev.mamori.engine.risk.Remedies;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Flow;
import dev.mamori.model.Layer;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;
import java.util.Set;

/**
 * An industrial control protocol used without authentication: whoever can send a frame to the
 * outstation is obeyed (the weakness Industroyer used on IEC 104 and IEC 61850 in 2016).
 */
public final class UnauthenticatedIndustrialProtocol extends FlowRule {

    private static final Set<String> PROTOCOLS = Set.of(
            "modbus-tcp", "modbus-rtu", "dnp3", "iec-104", "iec-61850", "bacnet", "profinet", "ethernet-ip", "opc-ua");

    static final RuleMetadata METADATA = RuleMetadata.rule("unauthenticated-industrial-protocol")
            .rootCause("open-command-channel")
            .title("Industrial protocol without authentication")
            .rationale("Modbus, DNP3, IEC 60870-5-104, IEC 61850, BACnet, PROFINET, EtherNet/IP and OPC UA in"
                    + " security mode None were designed for closed plant networks: the outstation obeys"
                    + " whoever sends it a well-formed frame. Writing a coil, operating a breaker, changing a"
                    + " set-point or stopping a CPU needs only the public function code; Industroyer opened"
                    + " breakers in Kyiv in 2016 with nothing more. A flow that carries commands is therefore"
                    + " direct control of the process and scores higher; one that carries only readings still"
                    + " lets forged values mislead operators and control logic. Encryption alone does not clear"
                    + " the flow: TLS without client certificates or a tunnel between sites hides the traffic but"
                    + " still accepts frames from anyone inside. OPC UA in Sign or SignAndEncrypt mode is not"
                    + " flagged, because its secure channel authenticates each application by its own"
                    + " certificate.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM)
            .threatens(SAFETY, INTEGRITY, AVAILABILITY)
            .references(cwe(306), capec(594), owaspIot(2), iec62443("SR 1.2"), iec62443("SR 3.1"), emb3d("TID-310"))
            .mitigations(
                    "Use the protocol's secure form where both ends support it: Modbus/TCP Security or IEC 62351"
                            + " TLS with client certificates (authentication: certificate), DNP3 Secure"
                            + " Authentication (authentication: message-mac), OPC UA with application"
                            + " certificates (encryption: opcua-sign-encrypt, authentication: certificate).",
                    "Where the devices cannot authenticate, make the flow's conduit reachable only by the"
                            + " component that must command: put both ends in their own high-trust zone"
                            + " (zones: trust: high) behind a firewall that admits only that source, and"
                            + " filter write and control function codes at the boundary.")
            .build();

    public UnauthenticatedIndustrialProtocol() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        Flow flow = context.graph().flow(f);
        if (!PROTOCOLS.contains(flow.protocol()) || !Transit.unauthenticated(context, flow)) {
            return;
        }
        String to = Transit.to(context, f);
        boolean clear = Transit.cleartext(context, f);
        String explanation = Transit.name(context, f) + " has no authentication"
                + (flow.commands()
                        ? " and carries commands: anyone who can send to " + to + " can operate it"
                        : "; it carries no commands, but anyone who can send to " + to + " can feed it forged values")
                + (clear ? "" : "; its encryption hides the traffic but does not tell " + to + " who sends it");
        int ease = flow.commands() ? 5 : 3;
        String why = flow.commands()
                ? "the protocol's function codes are public and nothing checks who sends them"
                : "forged readings must fit the process to go unnoticed";
        if (!clear) {
            ease--;
            why += "; the attacker must first get inside the encrypted channel";
        }
        context.onFlow(f, explanation, Factor.of(ease, why));
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int f) {
        return Remedies.setAuthentication(graph, f);
    }
}
