package dev.mamori.engine.rules.safety;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.Property;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.model.Component;
import dev.mamori.model.Flow;
import dev.mamori.model.Ref;
import dev.mamori.model.Scales.Exposure;
import dev.mamori.model.Scales.Trust;
import dev.mamori.model.Words;
import dev.mamori.model.Zone;
import dev.mamori.model.vocabulary.Vocabulary.Strength;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Facts the safety rules share: command paths, effective trust, radio links, organisations. */
final class SafetyFacts {

    private SafetyFacts() {}

    /** How strongly the receiver of flow {@code f} knows who sent it; none when the word is unknown. */
    static Strength authentication(RuleContext context, int f) {
        return context.vocabulary()
                .authenticationStrength(context.graph().flow(f).authentication());
    }

    /**
     * How easy it is to get a harmful command accepted over command flow {@code f}, once the
     * attacker reaches it: trivial without authentication, easy with a password or static key, and
     * still moderate with strong authentication, since a compromised commander is trusted.
     */
    static Factor commandEase(RuleContext context, int f) {
        Flow flow = context.graph().flow(f);
        String target = context.graph().component(context.graph().flowTo(f)).id();
        String source = context.graph().component(context.graph().flowFrom(f)).id();
        return switch (authentication(context, f)) {
            case NONE -> Factor.of(5, target + " accepts commands over " + flow.protocol() + " without authentication");
            case WEAK ->
                Factor.of(
                        4,
                        "commands to " + target + " are guarded only by " + flow.authentication() + " authentication");
            case MODERATE, STRONG ->
                Factor.of(3, "whoever controls " + source + " can send commands that " + target + " obeys");
        };
    }

    /** The likelihood level the context will compute from a reach and an ease. */
    static int likelihood(Factor reach, Factor ease) {
        return dev.mamori.engine.risk.Scoring.likelihoodLevel(reach, ease);
    }

    /**
     * The trust an attacker meets at component {@code c}: an internet-exposed component is
     * untrusted and a partner-exposed one at most low, whatever its zone says; a component without
     * a zone is medium, as the framework reads it.
     */
    static Trust effectiveTrust(RuleContext context, int c) {
        if (context.internetFacing(c)) {
            return Trust.UNTRUSTED;
        }
        Trust trust = context.trustOf(c);
        if (context.graph().component(c).exposure().contains(Exposure.PARTNER) && trust.compareTo(Trust.LOW) > 0) {
            return Trust.LOW;
        }
        return trust;
    }

    /** Component {@code c}'s zone in words: {@code zone plant.ot (ot, high trust)}, or that it has none. */
    static String zoneWords(RuleContext context, int c) {
        int z = context.graph().zoneOf(c);
        if (z < 0) {
            return "no zone";
        }
        Zone zone = context.graph().zone(z);
        return "zone " + zone.id() + " (" + Words.of(zone.kind()) + ", " + Words.of(zone.trust()) + " trust)";
    }

    /**
     * Component {@code c}'s zone and the trust an attacker meets there, in words: {@code zone
     * plant.ot (ot, high trust)}, with {@code , exposed to the internet (effectively untrusted)}
     * when its exposure lowers it, or {@code no zone (taken as medium trust)}.
     */
    static String trustWords(RuleContext context, int c) {
        Trust effective = effectiveTrust(context, c);
        String words = context.graph().zoneOf(c) < 0 ? "no zone" : zoneWords(context, c);
        if (effective == context.trustOf(c)) {
            return context.graph().zoneOf(c) < 0 ? words + " (taken as medium trust)" : words;
        }
        Component component = context.graph().component(c);
        String exposure = component.exposure().contains(Exposure.INTERNET) ? "the internet" : "a partner";
        return words + ", exposed to " + exposure + " (effectively " + Words.of(effective) + ")";
    }

    /**
     * The impact of misusing safety function {@code c}: the framework's, but at least 4, since a
     * subverted safety function leaves the hazards it guards unprotected even when the model does
     * not say which they are.
     */
    static Factor safetyFunctionImpact(RuleContext context, int c, Set<Property> properties) {
        Factor floor = Factor.of(
                4,
                context.graph().component(c).id()
                        + " is a safety function: subverted, it leaves the hazards it guards unprotected");
        return floor.max(context.impact(c, properties));
    }

    /** Why flow {@code f} travels by radio, or empty when it does not. */
    static Optional<String> radio(RuleContext context, int f) {
        return context.graph().facts().radio(f);
    }

    /**
     * The organisation that controls component {@code c}: its own operator, else its system's
     * operator, else its system's owner; -1 when it cannot be resolved.
     */
    static int controllingOrganisation(FrozenGraph graph, int c) {
        Component component = graph.component(c);
        int system = graph.systemOf(c);
        Optional<Ref> operator =
                component.operator().or(() -> graph.system(system).operator());
        if (operator.isPresent()) {
            return stakeholder(graph, operator.get());
        }
        return graph.systemOwner(system);
    }

    /** The organisations that answer for component {@code c}: its system's owner and operator, and its own operator. */
    static Set<Integer> organisationsOf(FrozenGraph graph, int c) {
        Set<Integer> organisations = new HashSet<>();
        int system = graph.systemOf(c);
        organisations.add(graph.systemOwner(system));
        graph.system(system).operator().ifPresent(o -> organisations.add(stakeholder(graph, o)));
        graph.component(c).operator().ifPresent(o -> organisations.add(stakeholder(graph, o)));
        organisations.remove(-1);
        return organisations;
    }

    private static int stakeholder(FrozenGraph graph, Ref ref) {
        return graph.stakeholderOf(ref);
    }

    /** A stakeholder's id, or "an unnamed organisation". */
    static String organisationWords(FrozenGraph graph, int s) {
        return s < 0 ? "an unnamed organisation" : graph.stakeholder(s).id();
    }
}
