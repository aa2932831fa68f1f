package dev.mamori.engine.rules.network;

import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Reference.capec;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.emb3d;
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

/**
 * Zigbee devices that join with the published default trust-centre link key, so that anyone who
 * captures a join learns the network key.
 */
public final class ZigbeeDefaultTrustCenterKey extends FlowRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("zigbee-default-trust-center-key")
            .title("Zigbee joined with the default trust-centre link key")
            .rationale("A Zigbee device that joins with the global default trust-centre link key receives the"
                    + " network key encrypted under a key published with the specification and known to every"
                    + " sniffer. Whoever captures one join, or provokes one by jamming a device or sending it a"
                    + " leave request, learns the network key and can then read and forge every frame on the"
                    + " network: switch plugs and lights, open locks, spoof sensors and alarms. Install-code"
                    + " link keys give each device its own joining secret; encryption in the application"
                    + " payload keeps the data safe even on a compromised network. The default key is what a"
                    + " zigbee flow gets when it names no encryption, so such a flow is flagged too.")
            .layers(Layer.DEVICE, Layer.NETWORK)
            .threatens(CONFIDENTIALITY, INTEGRITY)
            .references(cwe(1394), capec(157), owaspIot(9), owaspIot(7), emb3d("TID-411"))
            .mitigations(
                    "Commission devices with install-code-derived link keys and have the trust centre refuse the"
                            + " default key once commissioning is done (encryption: zigbee-install-code).",
                    "Open the network for joining only in a short window the installer starts, and rotate the"
                            + " network key if any device may have joined with the default key.")
            .build();

    public ZigbeeDefaultTrustCenterKey() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        Flow flow = context.graph().flow(f);
        if (flow.protocol().equals("zigbee") && flow.encryption().equals("zigbee-default-key")) {
            context.onFlow(
                    f,
                    Transit.name(context, f) + " relies on the default trust-centre link key: whoever captures"
                            + " one device joining the network learns the network key, and with it reads and"
                            + " forges the traffic between " + Transit.from(context, f) + " and "
                            + Transit.to(context, f),
                    Factor.of(5, "the default link key is published and sniffers decrypt joins with it"));
        }
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int f) {
        return Remedies.setEncryption(graph, f, "zigbee-install-code");
    }
}
