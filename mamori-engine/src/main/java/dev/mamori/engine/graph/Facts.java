package dev.mamori.engine.graph;

import dev.mamori.model.Component;
import dev.mamori.model.Flow;
import dev.mamori.model.Scales.Exposure;
import dev.mamori.model.Scales.Trust;
import dev.mamori.model.vocabulary.Vocabulary;
import java.util.Optional;
import java.util.Set;

/**
 * What the analyses ask of every element, decided once here when the graph is frozen: whether a
 * component faces the internet, acts on the physical world, is the internet or a radio network;
 * whether a flow goes by radio; whether a system is critical and how much reaching it weighs. The
 * risk rules, the compliance conditions and the systemic entry points all read these answers, so
 * they cannot drift apart; the words behind them (which network kinds are radio, which categories
 * are critical) are the vocabulary's, so a landscape's own words count like the built-in ones.
 */
public final class Facts {

    /** The component kind that stands for the public internet in models. */
    public static final String INTERNET = "internet";

    /**
     * Protocol transports that are radio. Transports are a closed list of the grammar (tcp, udp,
     * radio, bus, serial, cellular, any), so this is not a vocabulary word: cellular is radio too,
     * its air interface reachable by anyone with a base station or a jammer.
     */
    private static final Set<String> RADIO_TRANSPORTS = Set.of("radio", "cellular");

    private final boolean[] internetFacing;
    private final boolean[] actuates;
    private final boolean[] internet;
    private final boolean[] radioNetwork;
    private final String[] radio;
    private final boolean[] radioTransport;
    private final boolean[] critical;
    private final int[] weight;

    /** The transport of a hardwired signal: a contact or a switch on its own wires, no addressing. */
    public static final String WIRE = "wire";

    private final boolean[] hardwired;

    Facts(FrozenGraph graph) {
        Vocabulary vocabulary = graph.landscape().vocabulary();
        int components = graph.componentCount();
        internetFacing = new boolean[components];
        actuates = new boolean[components];
        internet = new boolean[components];
        radioNetwork = new boolean[components];
        for (int c = 0; c < components; c++) {
            Component component = graph.component(c);
            int zone = graph.zoneOf(c);
            internetFacing[c] = component.exposure().contains(Exposure.INTERNET)
                    || (zone >= 0 && graph.zone(zone).trust() == Trust.UNTRUSTED);
            Vocabulary.ComponentKind kind = vocabulary.componentKinds().get(component.kind());
            // A hazard on a component is the model saying its misuse harms people or things: it acts
            // on the physical world even when its kind (a controller of the user's own words) is not
            // marked as actuating.
            actuates[c] =
                    (kind != null && kind.actuates()) || !component.hazards().isEmpty();
            internet[c] = component.kind().equals(INTERNET);
            radioNetwork[c] = kind != null && kind.radio();
        }
        radio = new String[graph.flowCount()];
        radioTransport = new boolean[graph.flowCount()];
        hardwired = new boolean[graph.flowCount()];
        for (int f = 0; f < graph.flowCount(); f++) {
            Vocabulary.Protocol protocol =
                    vocabulary.protocols().get(graph.flow(f).protocol());
            radioTransport[f] = protocol != null && RADIO_TRANSPORTS.contains(protocol.transport());
            hardwired[f] = protocol != null && WIRE.equals(protocol.transport());
            radio[f] = radioReason(graph, vocabulary, f);
        }
        critical = new boolean[graph.systemCount()];
        weight = new int[graph.systemCount()];
        for (int s = 0; s < graph.systemCount(); s++) {
            Vocabulary.Category category =
                    vocabulary.categories().get(graph.system(s).category());
            critical[s] = category != null && category.critical();
            weight[s] = category == null ? 1 : category.weight();
        }
    }

    private String radioReason(FrozenGraph graph, Vocabulary vocabulary, int f) {
        Flow flow = graph.flow(f);
        if (radioTransport[f]) {
            return flow.protocol() + " runs over "
                    + vocabulary.protocols().get(flow.protocol()).transport();
        }
        for (int n : graph.networksOf(f)) {
            if (radioNetwork[n]) {
                Component network = graph.component(n);
                return "it travels over the " + network.kind() + " network " + network.id();
            }
        }
        return null;
    }

    /** Whether component {@code c} is reachable from the internet: exposed to it, or in an untrusted zone. */
    public boolean internetFacing(int c) {
        return internetFacing[c];
    }

    /** Whether component {@code c} acts on the physical world: its kind actuates, or it carries a hazard. */
    public boolean actuates(int c) {
        return actuates[c];
    }

    /** Whether component {@code c} stands for the public internet. */
    public boolean internet(int c) {
        return internet[c];
    }

    /** Whether component {@code c} is a radio network: its kind says {@code radio: true}. */
    public boolean radioNetwork(int c) {
        return radioNetwork[c];
    }

    /**
     * Why flow {@code f} goes by radio, if it does: its protocol runs over radio or cellular, or it
     * travels over a radio network.
     */
    public Optional<String> radio(int f) {
        return Optional.ofNullable(radio[f]);
    }

    /**
     * Whether flow {@code f} is a hardwired signal (a relay contact, a key switch: transport {@code
     * wire}): nothing on a network can send it, and cutting it removes the function it wires.
     */
    public boolean hardwired(int f) {
        return hardwired[f];
    }

    /** Whether flow {@code f}'s protocol itself runs over radio or cellular, whatever network it crosses. */
    public boolean radioTransport(int f) {
        return radioTransport[f];
    }

    /** Whether system {@code s}'s category is critical: its missions serve society or bodies directly. */
    public boolean critical(int s) {
        return critical[s];
    }

    /** How much reaching system {@code s} weighs: its category's weight, 1 for a word without one. */
    public int weight(int s) {
        return weight[s];
    }
}
