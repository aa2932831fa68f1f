package dev.mamori.engine.rules.network;

import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Reference.capec;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.emb3d;
import static dev.mamori.engine.risk.Reference.iec62443;

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
 * OPC UA used in security mode None, which protects nothing, or Sign, which leaves process data
 * readable.
 */
public final class OpcuaWithoutSignAndEncrypt extends FlowRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("opcua-without-sign-and-encrypt")
            .title("OPC UA without SignAndEncrypt")
            .rationale("OPC UA offers three security modes. None protects nothing: anyone on the path reads every"
                    + " value and can write variables and call methods in the session. Sign authenticates both"
                    + " applications and stops messages from being changed, but leaves them readable: process"
                    + " values, recipes, alarms and, on some servers, user names. Only SignAndEncrypt protects"
                    + " both. The rule judges the mode the flow uses; servers that still offer a None endpoint"
                    + " beside secure ones for old clients should model that client's flow as it really runs. A"
                    + " flow carried in a VPN (encryption: vpn, or a vpn network component) is not flagged.")
            .layers(Layer.DEVICE, Layer.PLATFORM, Layer.SERVICE)
            .threatens(CONFIDENTIALITY, INTEGRITY)
            .references(cwe(319), cwe(311), capec(157), iec62443("SR 3.1"), iec62443("SR 4.1"), emb3d("TID-408"))
            .mitigations(
                    "Connect through an endpoint with security mode SignAndEncrypt and a current security policy"
                            + " such as Basic256Sha256 or Aes256_Sha256_RsaPss (encryption: opcua-sign-encrypt).",
                    "Disable the None and Sign endpoints on the server once every client can use SignAndEncrypt,"
                            + " and trust only the client certificates you expect (authentication: certificate).")
            .build();

    public OpcuaWithoutSignAndEncrypt() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        Flow flow = context.graph().flow(f);
        if (!flow.protocol().equals("opc-ua")) {
            return;
        }
        Strength strength = Transit.onThePath(context, f);
        if (strength == Strength.NONE) {
            context.onFlow(
                    f,
                    Transit.name(context, f) + " uses security mode None: it is neither signed nor encrypted",
                    Factor.of(5, "any OPC UA client or sniffer reads and writes a None session"));
        } else if (strength == Strength.WEAK) {
            context.onFlow(
                    f,
                    Transit.name(context, f) + " uses security mode Sign (encryption: " + flow.encryption()
                            + "): it is signed, but its content is readable on the path",
                    Factor.of(2, "signed messages can be read but not forged"));
        }
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int f) {
        return Remedies.setEncryption(graph, f, "opcua-sign-encrypt");
    }
}
