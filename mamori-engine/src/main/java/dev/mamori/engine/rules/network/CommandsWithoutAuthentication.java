package dev.mamori.engine.rules.network;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
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
import dev.mamori.model.Flow;
import dev.mamori.model.Layer;
import dev.mamori.model.edit.KeyEdit;
import dev.mamori.model.vocabulary.Vocabulary;
import dev.mamori.model.vocabulary.Vocabulary.Strength;
import java.util.List;

/** A flow that carries commands which the receiver obeys without knowing who sent them. */
public final class CommandsWithoutAuthentication extends FlowRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("commands-without-authentication")
            .rootCause("open-command-channel")
            .title("Commands accepted without authentication")
            .rationale("A flow that can change what its receiver does, with nothing telling the receiver who sent"
                    + " it, obeys anyone who can put a message on it: on a shared network, a radio channel or a"
                    + " bus that is everyone with access to it, and after one neighbour is compromised, the"
                    + " attacker. Authorization on the receiver cannot help, since it has no identity to decide"
                    + " on. The rule fires for any protocol. Encryption with a key that every member shares (a"
                    + " Wi-Fi passphrase, a Zigbee network key, a tunnel between sites) is not authentication,"
                    + " since any member can send; an OPC UA secure channel (Sign or SignAndEncrypt) is, since"
                    + " each application proves itself with its own certificate.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(SAFETY, INTEGRITY, AVAILABILITY)
            .references(cwe(306), owaspIot(3), etsi("5.5-5"), iec62443("SR 1.2"), emb3d("TID-310"))
            .mitigations(
                    "Authenticate the sender with a strong means the protocol supports (authentication:"
                            + " certificate or message-mac; token for APIs that users call).",
                    "Then have the receiver check each command against what the sender may do (authorization:"
                            + " role-based or per-command).")
            .build();

    public CommandsWithoutAuthentication() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        Flow flow = context.graph().flow(f);
        if (!flow.commands()
                || !Transit.unauthenticated(context, flow)
                || context.graph().facts().hardwired(f)) {
            return; // a hardwired signal has no sender to authenticate: nothing on a network can send it
        }
        String to = Transit.to(context, f);
        boolean clear = Transit.cleartext(context, f);
        context.onFlow(
                f,
                Transit.name(context, f) + " carries commands to " + to + " with no authentication: " + to
                        + " cannot tell them from anyone else's"
                        + (clear ? "" : " (the flow is encrypted, but with a key that is not the sender's own)"),
                clear
                        ? Factor.of(
                                5,
                                "anyone who can send to " + to + " can forge commands in the protocol's"
                                        + " public format")
                        : Factor.of(
                                3,
                                "the attacker must first get onto the encrypted channel, after which"
                                        + " nothing checks who sends"),
                List.of(fittedFix(context, flow)));
    }

    /** The fix among what the flow's protocol allows: never a value the vocabulary forbids for it. */
    static String fittedFix(RuleContext context, Flow flow) {
        Vocabulary.Protocol protocol = context.vocabulary().protocols().get(flow.protocol());
        List<String> strong = protocol == null
                ? List.of()
                : protocol.authentication().stream()
                        .filter(a -> context.vocabulary().authenticationStrength(a) != Strength.NONE)
                        .toList();
        if (strong.isEmpty()) {
            return flow.protocol() + " cannot authenticate its sender (the vocabulary allows no authentication for"
                    + " it): keep the line physically closed to anyone but the sender (a dedicated cable in a"
                    + " locked cabinet), or carry the commands over a protocol that authenticates them.";
        }
        return "Set authentication: " + String.join(" or ", strong) + " on this flow (what " + flow.protocol()
                + " supports).";
    }

    /** The first authentication the flow's protocol allows that authenticates the sender; none when it has none. */
    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int f) {
        return Remedies.setAuthentication(graph, f);
    }
}
