package dev.mamori.engine.rules.network;

import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
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
import dev.mamori.model.vocabulary.Vocabulary.Strength;
import java.util.List;

/** A device on an open Wi-Fi network: every frame is readable in range and anyone can join beside it. */
public final class OpenWifi extends FlowRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("open-wifi")
            .title("Open Wi-Fi")
            .rationale("An open Wi-Fi network encrypts nothing on the air: everyone in range, the car park"
                    + " included, reads every frame, and anyone can associate and reach the devices on it"
                    + " directly. A captive portal or a password asked by a web page after association changes"
                    + " neither. Devices that remember an open network also join an identical one an attacker"
                    + " sets up (an evil twin). The rule judges the radio link itself, so a tunnel further along"
                    + " does not clear it. WPA2 with a long random passphrase is acceptable; WPA3 or"
                    + " WPA2/WPA3-Enterprise with certificates is better.")
            .layers(Layer.DEVICE, Layer.NETWORK)
            .threatens(CONFIDENTIALITY, INTEGRITY)
            .references(cwe(319), capec(157), capec(615), owaspIot(7), iec62443("SR 1.6"), emb3d("TID-412"))
            .mitigations(
                    "Protect the network with WPA3-Personal, or WPA2/WPA3-Enterprise with certificates"
                            + " (encryption: wpa3, authentication: psk or certificate); at the least WPA2 with a"
                            + " long random passphrase (encryption: wpa2).",
                    "Keep devices off guest and public networks: give them their own SSID in their own zone, and"
                            + " have them join only the network they were provisioned for.")
            .build();

    public OpenWifi() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        Flow flow = context.graph().flow(f);
        if (flow.protocol().equals("wifi") && Transit.encryption(context, flow) == Strength.NONE) {
            context.onFlow(
                    f,
                    Transit.name(context, f) + " runs over open Wi-Fi: nothing on the air is encrypted, and"
                            + " anyone in range can join the network and reach " + Transit.to(context, f),
                    Factor.of(5, "an open network is read and joined with any laptop"));
        }
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int f) {
        return Remedies.setEncryption(graph, f, "wpa3", "wpa2");
    }
}
