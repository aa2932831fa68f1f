package dev.mamori.engine.rules.network;

import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Reference.capec;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.etsi;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.FlowRule;
import dev.mamori.engine.risk.Reference;
import dev.mamori.engine.risk.Remedies;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Flow;
import dev.mamori.model.Layer;
import dev.mamori.model.edit.KeyEdit;
import dev.mamori.model.vocabulary.Vocabulary.Strength;
import java.util.List;

/**
 * MQTT in clear text: topics, payloads and the broker password travel readable and forgeable.
 * Judged per protocol: MQTT over TLS, a VPN or IPsec is fine, and the rule says nothing then.
 */
public final class MqttWithoutTls extends FlowRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("mqtt-without-tls")
            .title("MQTT without transport encryption")
            .rationale("Plain MQTT sends every topic, payload and the CONNECT password in clear text; anyone on"
                    + " the path can read telemetry, steal the broker login and publish forged messages,"
                    + " including commands.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM)
            .threatens(CONFIDENTIALITY, INTEGRITY)
            .references(cwe(319), cwe(523), capec(157), owaspIot(7), etsi("5.5-1"), Reference.emb3d("TID-408"))
            .mitigations(
                    "Run MQTT over TLS (port 8883) with a certificate the client checks (encryption: tls).",
                    "Authenticate clients with certificates rather than passwords (authentication: certificate).")
            .build();

    public MqttWithoutTls() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        Flow flow = context.graph().flow(f);
        if (!flow.protocol().equals("mqtt") && !flow.protocol().equals("mqtt-sn")) {
            return;
        }
        if (context.vocabulary().encryptionStrength(flow.encryption()) == Strength.NONE) {
            context.onFlow(
                    f,
                    "the " + flow.protocol() + " flow " + context.flowName(f) + " is not encrypted"
                            + (flow.commands() ? " and carries commands" : ""),
                    Factor.of(4, "clear-text MQTT can be read and forged by anyone on the path"));
        }
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int f) {
        return Remedies.setEncryption(graph, f, "tls", "dtls");
    }
}
