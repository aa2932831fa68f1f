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
import dev.mamori.model.vocabulary.Vocabulary.Strength;
import java.util.List;

/**
 * A Bluetooth Low Energy link left unencrypted or protected by LE Legacy Pairing, whose key a
 * sniffer recovers from one captured pairing (crackle).
 */
public final class BleLegacyPairing extends FlowRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("ble-legacy-pairing")
            .title("BLE link without LE Secure Connections")
            .rationale("A BLE link with no encryption lets anyone in radio range (tens of metres, far more with"
                    + " a directional antenna) read every GATT value and write every characteristic the"
                    + " peripheral accepts. LE Legacy Pairing does little better: its temporary key is zero for"
                    + " Just Works and a six-digit number for passkey entry, so one captured pairing yields the"
                    + " long-term key offline in seconds, after which the link is read and injected at will. LE"
                    + " Secure Connections (ECDH) resists passive capture, and encryption in the application"
                    + " payload protects the data whatever the link does. Only the link's own protection counts"
                    + " here: a tunnel further along does not cover the radio hop.")
            .layers(Layer.DEVICE, Layer.NETWORK)
            .threatens(CONFIDENTIALITY, INTEGRITY)
            .references(cwe(319), cwe(326), capec(157), owaspIot(7), etsi("5.5-1"), emb3d("TID-408"), emb3d("TID-411"))
            .mitigations(
                    "Require LE Secure Connections, with numeric comparison or out-of-band pairing where the"
                            + " device has a display or NFC, and refuse legacy pairing (encryption: ble-secure,"
                            + " authentication: pairing).",
                    "Where a peer cannot do LE Secure Connections, encrypt and authenticate the payload in the"
                            + " application (encryption: application) and accept pairing only in a short window"
                            + " the user opens on the device.")
            .build();

    public BleLegacyPairing() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        Flow flow = context.graph().flow(f);
        if (!flow.protocol().equals("ble")) {
            return;
        }
        if (Transit.encryption(context, flow) == Strength.NONE) {
            context.onFlow(
                    f,
                    Transit.name(context, f) + " is not encrypted: anyone in radio range of " + Transit.to(context, f)
                            + " reads and writes it",
                    Factor.of(5, "an unencrypted BLE link is read and written with a phone app"));
        } else if (flow.encryption().equals("ble-legacy")) {
            context.onFlow(
                    f,
                    Transit.name(context, f) + " uses LE Legacy Pairing, whose key is recovered from one"
                            + " captured pairing",
                    Factor.of(4, "public tools crack a captured legacy pairing offline in seconds"));
        }
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int f) {
        return Remedies.setEncryption(graph, f, "ble-secure");
    }
}
