package dev.mamori.engine.rules.network;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.capec;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.emb3d;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.FlowRule;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Flow;
import dev.mamori.model.Layer;
import dev.mamori.model.edit.KeyEdit;
import dev.mamori.model.vocabulary.Vocabulary.Strength;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Commands sent over a cellular or satellite carrier with only the carrier's encryption, or none:
 * the Jeep Cherokee 2015 shape, where the carrier network let anyone reach the head unit.
 */
public final class CommandsOverCarrierNetworkWithoutEndToEndEncryption extends FlowRule {

    private static final Set<String> CARRIER_NETWORKS = Set.of("cellular", "satellite");

    static final RuleMetadata METADATA = RuleMetadata.rule(
                    "commands-over-carrier-network-without-end-to-end-encryption")
            .title("Commands over a carrier network without end-to-end encryption")
            .rationale("A cellular or satellite network is someone else's network, shared with every other"
                    + " subscriber. The carrier's air-interface encryption ends at its base station, and what"
                    + " happens behind it is the carrier's configuration: in 2015 the Sprint network let any"
                    + " device on it reach the Uconnect head unit of every Jeep Cherokee, which led to remote"
                    + " control of steering and brakes and a recall of 1.4 million vehicles. SMS is spoofed and"
                    + " 2G base stations are impersonated with cheap radios. The SIM authenticates the device to"
                    + " the carrier, not the sender to the receiver. The rule fires on a flow that carries"
                    + " commands over a network component of kind cellular or satellite, or with a protocol that"
                    + " runs over the cellular transport (cellular, sms), when its only encryption is the"
                    + " carrier's or none; TLS, DTLS, IPsec, a VPN (also as a vpn network component) or encrypted"
                    + " payloads clear it.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM)
            .threatens(SAFETY, INTEGRITY, AVAILABILITY)
            .references(cwe(319), cwe(923), capec(609), capec(617), owaspIot(3), emb3d("TID-310"), emb3d("TID-408"))
            .mitigations(
                    "Protect the commands end to end, between the commanding platform and the device, with TLS,"
                            + " DTLS or IPsec (encryption: tls, dtls or ipsec), or a VPN (encryption: vpn, or a vpn"
                            + " network component in the flow's network).",
                    "Use a private APN that forbids device-to-device traffic, and have the device accept commands"
                            + " only from its platform, authenticated by certificate (authentication:"
                            + " certificate).",
                    "Use SMS only as a signal to wake up and connect to the platform, never as a command channel.")
            .build();

    public CommandsOverCarrierNetworkWithoutEndToEndEncryption() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        Flow flow = context.graph().flow(f);
        if (!flow.commands() || Transit.tunnel(context, f).isPresent()) {
            return;
        }
        boolean clear = Transit.encryption(context, flow) == Strength.NONE;
        if (!clear && !flow.encryption().equals("cellular")) {
            return;
        }
        Optional<String> carrier = carrier(context, f);
        if (carrier.isEmpty()) {
            return;
        }
        String to = Transit.to(context, f);
        int ease = clear ? 5 : 4;
        String why = clear
                ? "clear commands on a carrier network are read and sent by anyone who reaches it"
                : "the carrier's encryption ends in its network, where other subscribers and rogue base"
                        + " stations reach the receiver";
        if (Transit.authentication(context, flow).compareTo(Strength.MODERATE) >= 0
                && !flow.authentication().equals("sim")) {
            ease--;
            why += "; forging commands also needs the sender's credentials";
        }
        context.onFlow(
                f,
                Transit.name(context, f) + " carries commands to " + to + " " + carrier.get() + " with "
                        + (clear ? "no encryption" : "only the carrier's encryption") + " between the ends",
                Factor.of(ease, why));
    }

    /** How the flow uses a carrier: the carrier network it travels over, or its protocol's transport. */
    private static Optional<String> carrier(RuleContext context, int f) {
        FrozenGraph graph = context.graph();
        for (int n : graph.networksOf(f)) {
            if (CARRIER_NETWORKS.contains(graph.component(n).kind())) {
                return Optional.of("over the " + graph.component(n).kind() + " network "
                        + graph.component(n).id());
            }
        }
        if (Transit.transport(context, graph.flow(f)).equals("cellular")) {
            return Optional.of("over the carrier's network");
        }
        return Optional.empty();
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int f) {
        return dev.mamori.engine.risk.Remedies.setEncryption(graph, f, "tls", "dtls", "ipsec");
    }
}
