package dev.mamori.engine.rules.network;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.model.Flow;
import dev.mamori.model.vocabulary.Vocabulary;
import dev.mamori.model.vocabulary.Vocabulary.Strength;
import java.util.Optional;
import java.util.Set;

/**
 * What the network rules share about a flow, read from the vocabulary rather than from lists of
 * words: how strong its encryption and authentication are, what its protocol runs over, and
 * whether it travels inside a tunnel that the model shows as a {@code vpn} network component.
 */
final class Transit {

    /** The OPC UA security modes: the secure channel authenticates each application by its certificate. */
    private static final Set<String> OPCUA_CHANNELS = Set.of("opcua-sign", "opcua-sign-encrypt");

    private Transit() {}

    /** The strength of the flow's own encryption; an unknown word counts as none. */
    static Strength encryption(RuleContext context, Flow flow) {
        return context.vocabulary().encryptionStrength(flow.encryption());
    }

    /** The strength of the flow's authentication; an unknown word counts as none. */
    static Strength authentication(RuleContext context, Flow flow) {
        return context.vocabulary().authenticationStrength(flow.authentication());
    }

    /**
     * The first network component of kind {@code vpn} the flow travels over, if any. Several
     * protocols cannot name a tunnel as their encryption (lwm2m, snmp, ftp, ethernet-ip), so routing
     * the flow over a VPN component is how a model says it is tunnelled.
     */
    static Optional<String> tunnel(RuleContext context, int f) {
        FrozenGraph graph = context.graph();
        for (int n : graph.networksOf(f)) {
            if (graph.component(n).kind().equals("vpn")) {
                return Optional.of(graph.component(n).id());
            }
        }
        return Optional.empty();
    }

    /**
     * How well the flow is protected on its path: its own encryption, or the tunnel it travels in
     * (as strong as the vocabulary's {@code vpn} means), whichever is stronger.
     */
    static Strength onThePath(RuleContext context, int f) {
        Strength own = encryption(context, context.graph().flow(f));
        if (tunnel(context, f).isEmpty()) {
            return own;
        }
        Vocabulary.Means vpn = context.vocabulary().encryption().get("vpn");
        Strength tunnelled = vpn == null ? Strength.MODERATE : vpn.strength();
        return tunnelled.compareTo(own) > 0 ? tunnelled : own;
    }

    /** Whether nothing on the path encrypts the flow. */
    static boolean cleartext(RuleContext context, int f) {
        return onThePath(context, f) == Strength.NONE;
    }

    /**
     * Whether the receiver cannot tell who sent the flow: its authentication has no strength, and
     * its channel does not authenticate the sender either. Only an OPC UA secure channel (Sign or
     * SignAndEncrypt) does the latter, since it is set up with each application's own certificate;
     * keys that every member of a network shares (a Zigbee network key, a Wi-Fi passphrase, a VPN
     * between sites) let any member send, so they do not count.
     */
    static boolean unauthenticated(RuleContext context, Flow flow) {
        return authentication(context, flow) == Strength.NONE && !OPCUA_CHANNELS.contains(flow.encryption());
    }

    /** What the flow's protocol runs over (tcp, udp, radio, bus, serial, cellular, any); "any" if unknown. */
    static String transport(RuleContext context, Flow flow) {
        Vocabulary.Protocol protocol = context.vocabulary().protocols().get(flow.protocol());
        return protocol == null ? "any" : protocol.transport();
    }

    /** Whether the flow's protocol can be routed over IP networks, as opposed to a radio link, bus or serial line. */
    static boolean routable(RuleContext context, Flow flow) {
        return switch (transport(context, flow)) {
            case "tcp", "udp", "any" -> true;
            default -> false;
        };
    }

    /** "flow a -> b (coap)", or "flow start-gates (coap)" for a named flow: how explanations name it. */
    static String name(RuleContext context, int f) {
        Flow flow = context.graph().flow(f);
        return "flow " + context.flowName(f) + (flow.named() ? " (" + flow.protocol() + ")" : "");
    }

    /** The id of the flow's receiver. */
    static String to(RuleContext context, int f) {
        return context.graph().component(context.graph().flowTo(f)).id();
    }

    /** The id of the flow's sender. */
    static String from(RuleContext context, int f) {
        return context.graph().component(context.graph().flowFrom(f)).id();
    }
}
