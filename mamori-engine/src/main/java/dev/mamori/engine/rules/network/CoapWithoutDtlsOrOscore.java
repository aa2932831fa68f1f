package dev.mamori.engine.rules.network;

import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Reference.capec;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.emb3d;
import static dev.mamori.engine.risk.Reference.etsi;
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
 * CoAP or LwM2M in NoSec mode: requests, readings and device-management operations travel readable,
 * and over UDP anyone can forge them from a spoofed address.
 */
public final class CoapWithoutDtlsOrOscore extends FlowRule {

    private static final Set<String> PROTOCOLS = Set.of("coap", "lwm2m");

    static final RuleMetadata METADATA = RuleMetadata.rule("coap-without-dtls-or-oscore")
            .title("CoAP or LwM2M without DTLS or OSCORE")
            .rationale("CoAP runs over UDP without a handshake, so in NoSec mode every request and response is"
                    + " readable on the path, and a datagram with a spoofed source address is accepted as if the"
                    + " peer had sent it. LwM2M builds device management on CoAP (writes to configuration"
                    + " objects, reboot, firmware update) and inherits the same exposure. DTLS protects the hop,"
                    + " OSCORE protects each message end to end through proxies, and IPsec or a tunnel the model"
                    + " shows as a vpn network component protects the path; the rule fires only when none of"
                    + " them is there.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM)
            .threatens(CONFIDENTIALITY, INTEGRITY)
            .references(cwe(319), cwe(940), capec(157), capec(594), owaspIot(7), etsi("5.5-1"), emb3d("TID-408"))
            .mitigations(
                    "Run CoAP over DTLS 1.2 or 1.3 with pre-shared keys or certificates (encryption: dtls,"
                            + " authentication: psk or certificate); for LwM2M, provision the DTLS security mode"
                            + " instead of NoSec in the bootstrap and security objects.",
                    "Where messages pass through proxies or gateways that must not read or change them, protect"
                            + " them end to end with OSCORE (encryption: oscore).")
            .build();

    public CoapWithoutDtlsOrOscore() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        Flow flow = context.graph().flow(f);
        if (PROTOCOLS.contains(flow.protocol()) && Transit.cleartext(context, f)) {
            context.onFlow(
                    f,
                    Transit.name(context, f) + " runs in NoSec mode: nothing on its path encrypts it"
                            + (flow.commands() ? ", and it carries commands to " + Transit.to(context, f) : ""),
                    Factor.of(4, "clear CoAP is read with any sniffer and forged with one spoofed UDP datagram"));
        }
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int f) {
        return Remedies.setEncryption(graph, f, "dtls", "oscore");
    }
}
