package dev.mamori.engine.rules.access;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.Property;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.model.Component;
import dev.mamori.model.Layer;
import dev.mamori.model.Ref;
import dev.mamori.model.Scales.ZoneKind;
import dev.mamori.model.vocabulary.Vocabulary.Strength;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Facts the access rules share and the framework does not offer: which stakeholder a component's
 * maintainer, manufacturer or operator reference names, who runs a system, whether a flow crosses
 * the internet, how strong a means of authentication is, whether a component sits in a control zone.
 */
final class AccessFacts {

    private AccessFacts() {}

    /** The stakeholder a reference names, or -1. Stakeholders live at landscape level. */
    static int stakeholder(FrozenGraph graph, Optional<Ref> ref) {
        return ref.map(graph::stakeholderOf).orElse(-1);
    }

    /** The owner and, when named, the operator of system {@code s}. */
    static Set<Integer> runners(FrozenGraph graph, int s) {
        Set<Integer> runners = new LinkedHashSet<>();
        int owner = graph.systemOwner(s);
        if (owner >= 0) {
            runners.add(owner);
        }
        int operator = stakeholder(graph, graph.system(s).operator());
        if (operator >= 0) {
            runners.add(operator);
        }
        return runners;
    }

    /** The readable name of stakeholder {@code s}. */
    static String stakeholderName(FrozenGraph graph, int s) {
        return graph.stakeholder(s).id();
    }

    /** Whether component {@code c} sits in a zone of kind ot or safety. */
    static boolean inControlZone(FrozenGraph graph, int c) {
        int zone = graph.zoneOf(c);
        if (zone < 0) {
            return false;
        }
        ZoneKind kind = graph.zone(zone).kind();
        return kind == ZoneKind.OT || kind == ZoneKind.SAFETY;
    }

    /** The zone of component {@code c} in words, for explanations. */
    static String zoneWords(FrozenGraph graph, int c) {
        int zone = graph.zoneOf(c);
        return zone < 0
                ? "no zone"
                : "the " + graph.zone(zone).kind().name().toLowerCase(java.util.Locale.ROOT) + " zone "
                        + graph.zone(zone).id();
    }

    /** Whether component {@code c} is on the platform or the service layer. */
    static boolean platformOrService(FrozenGraph graph, int c) {
        Layer layer = graph.component(c).layer();
        return layer == Layer.PLATFORM || layer == Layer.SERVICE;
    }

    /** Whether flow {@code f} travels over the internet: an internet-facing end, or an internet network. */
    static boolean crossesInternet(RuleContext context, int f) {
        FrozenGraph graph = context.graph();
        return context.internetFacing(graph.flowFrom(f))
                || context.internetFacing(graph.flowTo(f))
                || overInternetNetwork(graph, f);
    }

    /** Whether flow {@code f} names a network of kind internet, or starts at one. */
    static boolean overInternetNetwork(FrozenGraph graph, int f) {
        for (int n : graph.networksOf(f)) {
            if (graph.facts().internet(n)) {
                return true;
            }
        }
        return graph.facts().internet(graph.flowFrom(f));
    }

    /** The strength of an authentication means; unknown words count as none. */
    static Strength authenticationStrength(RuleContext context, String means) {
        return context.vocabulary().authenticationStrength(means);
    }

    /** The strength of an encryption means; unknown words count as none. */
    static Strength encryptionStrength(RuleContext context, String means) {
        return context.vocabulary().encryptionStrength(means);
    }

    /** A component's id with its kind, for explanations: {@code ops.portal (remote-access)}. */
    static String named(Component component) {
        return component.id() + " (" + component.kind() + ")";
    }

    /** The ids of the components that accept credential relation {@code r}, comma-separated. */
    static String accepters(FrozenGraph graph, int r) {
        StringBuilder out = new StringBuilder();
        for (int a : graph.credentialAccepters(r)) {
            out.append(out.isEmpty() ? "" : ", ").append(graph.component(a).id());
        }
        return out.toString();
    }

    /**
     * The worst harm to {@code properties} through component {@code c}: its own, or that of a component
     * it sends commands to or holds a credential for, one hop away. Access rules judge what a foothold
     * on {@code c} controls, not only what {@code c} itself holds.
     */
    static Factor controlImpact(RuleContext context, int c, Set<Property> properties) {
        FrozenGraph graph = context.graph();
        String id = graph.component(c).id();
        Factor impact = context.impact(c, properties);
        for (int f : graph.flowsOut(c)) {
            if (graph.flow(f).commands()) {
                int target = graph.flowTo(f);
                Factor through = context.impact(target, properties);
                if (through.level() > impact.level()) {
                    impact = Factor.of(
                            through.level(),
                            through.reason() + ", and " + id + " commands "
                                    + graph.component(target).id());
                }
            }
        }
        for (int r : graph.credentialsHeld(c)) {
            for (int accepter : graph.credentialAccepters(r)) {
                Factor through = context.impact(accepter, properties);
                if (through.level() > impact.level()) {
                    impact = Factor.of(
                            through.level(),
                            through.reason() + ", and " + id + " holds a "
                                    + graph.credential(r).kind() + " for "
                                    + graph.component(accepter).id());
                }
            }
        }
        return impact;
    }
}
