package dev.mamori.engine.rules.network;

import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Reference.capec;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.emb3d;
import static dev.mamori.engine.risk.Reference.etsi;
import static dev.mamori.engine.risk.Reference.iec62443;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.FlowRule;
import dev.mamori.engine.risk.Remedies;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.DataAsset;
import dev.mamori.model.Flow;
import dev.mamori.model.Layer;
import dev.mamori.model.Scales.Need;
import dev.mamori.model.Words;
import dev.mamori.model.edit.KeyEdit;
import dev.mamori.model.vocabulary.Vocabulary.Strength;
import java.util.ArrayList;
import java.util.List;

/**
 * Confidential or personal data sent over a flow that is not encrypted, or only weakly: whoever
 * is on the path reads it.
 */
public final class UnencryptedSensitiveDataInTransit extends FlowRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("unencrypted-sensitive-data-in-transit")
            .title("Sensitive data in transit without adequate encryption")
            .rationale("Data whose confidentiality matters highly or critically, and any personal data, must be"
                    + " protected on the way. With no encryption, whoever shares the path reads it: a LAN"
                    + " segment, a radio channel, a carrier, the internet. Weak means count as no better"
                    + " against a capable attacker: BLE legacy pairing and Zigbee's default key fall to public"
                    + " tools, and OPC UA's Sign mode protects integrity but leaves the content readable. The"
                    + " rule fires for any protocol whose encryption, or the tunnel it travels in (a vpn network"
                    + " component), is of strength none or weak, once per flow, naming every sensitive asset it"
                    + " carries.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(CONFIDENTIALITY)
            .references(
                    cwe(319),
                    cwe(311),
                    capec(157),
                    owaspIot(6),
                    owaspIot(7),
                    etsi("5.8-1"),
                    etsi("5.8-2"),
                    iec62443("SR 4.1"),
                    emb3d("TID-408"))
            .mitigations(
                    "Encrypt the flow with a strong means its protocol supports (encryption: tls, dtls, oscore,"
                            + " ipsec, ble-secure, wpa3, opcua-sign-encrypt, …), or carry it inside a tunnel (a vpn"
                            + " network component in the flow's network).",
                    "Send less: identifiers, aggregates or pseudonyms instead of personal records, and list on"
                            + " the flow only the assets it really carries (data).")
            .build();

    public UnencryptedSensitiveDataInTransit() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        Strength strength = Transit.onThePath(context, f);
        if (strength != Strength.NONE && strength != Strength.WEAK) {
            return;
        }
        List<String> sensitive = new ArrayList<>();
        for (int d : context.graph().dataOf(f)) {
            DataAsset asset = context.graph().data(d);
            boolean secret = asset.confidentiality().compareTo(Need.HIGH) >= 0;
            if (secret || asset.personal()) {
                sensitive.add(asset.id() + " ("
                        + (asset.personal() ? "personal" : "")
                        + (asset.personal() && secret ? ", " : "")
                        + (secret ? "confidentiality " + Words.of(asset.confidentiality()) : "")
                        + ")");
            }
        }
        if (sensitive.isEmpty()) {
            return;
        }
        Flow flow = context.graph().flow(f);
        boolean clear = strength == Strength.NONE;
        context.onFlow(
                f,
                Transit.name(context, f) + " carries " + String.join(", ", sensitive)
                        + (clear ? " with no encryption" : " with only weak encryption (" + flow.encryption() + ")"),
                clear
                        ? Factor.of(5, "clear text is read by anyone on the path")
                        : Factor.of(
                                3,
                                "weak encryption is broken with public tools, given a capture at the"
                                        + " right moment"));
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int f) {
        return Remedies.setEncryption(graph, f, "tls", "dtls");
    }
}
