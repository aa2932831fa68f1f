package dev.mamori.engine.risk;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.systemic.Consequences;
import dev.mamori.engine.systemic.EntryPoints;
import dev.mamori.engine.systemic.Propagation;
import dev.mamori.engine.systemic.PropagationGraph;
import dev.mamori.model.Component;
import dev.mamori.model.DataAsset;
import dev.mamori.model.Flow;
import dev.mamori.model.Hazard;
import dev.mamori.model.Mission;
import dev.mamori.model.Scales.Exposure;
import dev.mamori.model.Scales.Need;
import dev.mamori.model.Scales.Trust;
import java.util.HashSet;
import java.util.Set;

/**
 * How every finding is scored, in one place; docs/scoring.md explains it in words. Likelihood is
 * the lower of the attacker's reach (how easily the element is reached: {@link #reach},
 * {@link #reachOfFlow}) and the rule's ease (how easily the weakness is used); impact
 * is the worst harm to the properties the rule threatens ({@link #impact}, {@link #impactOfFlow});
 * severity is their product in five bands ({@link Severity#of}).
 */
public final class Scoring {

    private final FrozenGraph graph;
    private final Set<Integer> neededByMissions;

    // Many rules ask the same questions of the same components; the answers depend only on the
    // frozen graph, so each is computed once per component (and property set) and kept. The rules
    // run on several threads (RiskEngine): two may compute the same answer at once and both store
    // it, which is harmless, as answers are equal and immutable (records, unmodifiable sets, read
    // through the final fields that make them safely published); the three structures built on
    // first use are built under the lock, once.
    private final Factor[] reachCache;
    private final Factor[] impactCache;
    private final Set<?>[] dataAroundCache;
    private Consequences consequences; // built on first use: what holding each component leads to
    private boolean[] takenDirectly; // built on first use: outsiders take the component over a stated exposure
    private Propagation heldFromOutside; // built on first use: how likely outsiders hold each component

    public Scoring(FrozenGraph graph) {
        this.graph = graph;
        this.neededByMissions = neededByMissions(graph);
        this.reachCache = new Factor[graph.componentCount()];
        this.impactCache = new Factor[graph.componentCount() * 16];
        this.dataAroundCache = new Set<?>[graph.componentCount()];
    }

    private static Set<Integer> neededByMissions(FrozenGraph graph) {
        Set<Integer> needed = new HashSet<>();
        for (Mission mission : graph.missions()) {
            for (int c : graph.neededBy(mission)) {
                needed.add(c);
            }
        }
        return needed;
    }

    // ---- likelihood and severity -------------------------------------------------------------

    /**
     * The likelihood level of a reach and an ease: the lower of the two. An attacker needs both, so
     * the harder one bounds how likely the attack is: a published default password (ease 5) on a
     * device only reachable from inside its network (reach 2) is as likely as that reach.
     */
    public static int likelihoodLevel(Factor reach, Factor ease) {
        return Math.min(reach.level(), ease.level());
    }

    /** The likelihood of a reach and an ease, with both reasons (one, when the rule judged it as a whole). */
    public static Factor likelihood(Factor reach, Factor ease) {
        return Factor.of(
                likelihoodLevel(reach, ease), reach == ease ? reach.reason() : reach.reason() + "; " + ease.reason());
    }

    /** Likelihood × impact in five bands: 20–25 critical, 15–19 high, 8–14 medium, 4–7 low, 1–3 info. */
    public static Severity severity(Factor likelihood, Factor impact) {
        return Severity.of(likelihood.level(), impact.level());
    }

    /** The scoring of a finding as one sentence, as the JSON assessment and the reports print it. */
    public static String sentence(Factor likelihood, Factor impact) {
        return "likelihood " + likelihood.level() + "/5 (" + likelihood.reason() + ") × impact " + impact.level()
                + "/5 (" + impact.reason() + ") = "
                + severity(likelihood, impact).word();
    }

    /** A fleet of 100 or more units raises an impact by one level (at most 5): one weakness, many units. */
    public static Factor acrossFleet(Factor impact, int count) {
        if (count >= 100 && impact.level() < 5) {
            return Factor.of(impact.level() + 1, impact.reason() + ", across a fleet of " + count);
        }
        return impact;
    }

    // ---- reach and impact --------------------------------------------------------------------

    /** Whether a mission needs component {@code c}. */
    public boolean neededByMission(int c) {
        return neededByMissions.contains(c);
    }

    /** The trust of component {@code c}'s zone; medium when it names none. */
    public Trust trustOf(int c) {
        int zone = graph.zoneOf(c);
        return zone < 0 ? Trust.MEDIUM : graph.zone(zone).trust();
    }

    /** How easily an attacker reaches component {@code c}. */
    public Factor reach(int c) {
        Factor cached = reachCache[c];
        if (cached == null) {
            cached = computeReach(c);
            reachCache[c] = cached;
        }
        return cached;
    }

    private Factor computeReach(int c) {
        Component component = graph.component(c);
        if (component.exposure().contains(Exposure.INTERNET)) {
            return Factor.of(5, component.id() + " is reachable from the internet");
        }
        Factor reach = switch (trustOf(c)) {
            case UNTRUSTED -> Factor.of(5, component.id() + " sits in an untrusted zone");
            case LOW -> Factor.of(4, component.id() + " sits in a low-trust zone");
            case MEDIUM -> Factor.of(2, component.id() + " is reachable from inside its network only");
            case HIGH -> Factor.of(1, component.id() + " sits in a high-trust zone");
        };
        if (component.exposure().contains(Exposure.PARTNER)) {
            reach = reach.max(Factor.of(4, component.id() + " is reachable by a partner"));
        }
        if (component.exposure().contains(Exposure.ADJACENT)) {
            reach = reach.max(Factor.of(3, component.id() + " is reachable by radio from nearby"));
        }
        if (component.exposure().contains(Exposure.PHYSICAL)) {
            reach = reach.max(Factor.of(3, component.id() + " is physically reachable"));
        }
        if (reach.level() < 4) {
            reach = reach.max(reachOverPaths(c));
        }
        return reach;
    }

    /**
     * How easily an attacker gets to {@code c} over the systemic analysis' most likely paths from
     * outside, on stated facts only: the chance that outsiders end up holding {@code c} itself or a
     * component that sends to it. Likely (70 % or more) is reach 4, possible (40 % or more) reach 3;
     * less adds nothing to what the zone and the exposure give. Being next to something exposed is
     * not enough: an internet-facing gateway with its own login (30 %) adds nothing, a default
     * password (100 %) makes what it talks to a near certainty, however many hops in.
     */
    private Factor reachOverPaths(int c) {
        Propagation held = heldFromOutside();
        int best = c;
        double p = held.probability(c);
        for (int f : graph.flowsIn(c)) {
            int sender = graph.flowFrom(f);
            if (held.probability(sender) > p) {
                p = held.probability(sender);
                best = sender;
            }
        }
        int level = p >= 0.7 ? 4 : p >= 0.4 ? 3 : 1;
        if (level == 1) {
            return Factor.of(
                    1,
                    "no likely path from outside leads to " + graph.component(c).id());
        }
        String chance = Math.round(p * 100) + " %";
        String id = graph.component(c).id();
        int entry = held.entryOf(best);
        String how = entry == best
                ? "outsiders take it directly (" + held.entryReason(best) + ")"
                : "outsiders hold it on a path entering at " + held.graph().name(entry);
        return Factor.of(
                level,
                (best == c ? id : id + " receives from " + graph.component(best).id()) + ", and " + how
                        + ", with a chance of " + chance);
    }

    /** Compromise from outside over stated relations only: what reach over paths is measured on. */
    private synchronized Propagation heldFromOutside() {
        if (heldFromOutside == null) {
            PropagationGraph g = graph.derived(PropagationGraph.class, PropagationGraph::of);
            // Alleged and marked facts are assumed edges too (PropagationGraph.of).
            heldFromOutside = Propagation.from(g, EntryPoints.exposed(graph), g.assumedEdges());
        }
        return heldFromOutside;
    }

    /** How easily an attacker reaches flow {@code f}: its ends, and the networks it crosses. */
    public Factor reachOfFlow(int f) {
        Flow flow = graph.flow(f);
        Factor reach = reach(graph.flowFrom(f)).max(reach(graph.flowTo(f)));
        for (int n : graph.networksOf(f)) {
            Component network = graph.component(n);
            if (graph.facts().internet(n)) {
                reach = reach.max(Factor.of(5, "the flow crosses the internet (" + network.id() + ")"));
            } else if (graph.facts().radioNetwork(n)) {
                reach = reach.max(Factor.of(3, "the flow travels by radio (" + network.id() + ")"));
            }
        }
        if (graph.facts().radioTransport(f)) {
            reach = reach.max(Factor.of(3, flow.protocol() + " travels by radio"));
        }
        return reach;
    }

    /** The worst harm to {@code properties} if component {@code c} is misused, with the reason. */
    public Factor impact(int c, Set<Property> properties) {
        int mask = 0;
        for (Property property : properties) {
            mask |= 1 << property.ordinal();
        }
        Factor cached = impactCache[c * 16 + mask];
        if (cached == null) {
            cached = computeImpact(c, properties);
            impactCache[c * 16 + mask] = cached;
        }
        return cached;
    }

    private Factor computeImpact(int c, Set<Property> properties) {
        Component component = graph.component(c);
        Factor impact = Factor.of(1, "no harm of note is modelled for " + component.id());
        // In S, C, I, A order, so that on a tie the reason given is the one NISC puts first.
        for (Property property : Property.values()) {
            if (properties.contains(property)) {
                impact = impact.max(impactOn(c, property));
            }
        }
        return acrossFleet(impact, component.count());
    }

    private Factor impactOn(int c, Property property) {
        Component component = graph.component(c);
        String id = component.id();
        return switch (property) {
            case SAFETY -> safetyImpact(c);
            case CONFIDENTIALITY -> {
                Factor f = Factor.of(1, "no confidential data is modelled on " + id);
                for (int d : dataAround(c)) {
                    f = f.max(dataImpact(d, graph.data(d).confidentiality(), "confidentiality"));
                    if (graph.data(d).personal()) {
                        f = f.max(Factor.of(4, graph.data(d).id() + " is personal data"));
                    }
                }
                yield f;
            }
            case INTEGRITY -> {
                Factor f = Factor.of(2, "tampering with " + id + " misleads what depends on it");
                // Acting on the physical world weighs 3 here: the harm it can do is judged under
                // safety, by its hazards, and not counted twice.
                if (graph.facts().actuates(c)) {
                    f = f.max(Factor.of(3, id + " acts on the physical world"));
                } else if (commandsOthers(c)) {
                    f = f.max(Factor.of(3, id + " sends commands to other components"));
                }
                for (int d : dataAround(c)) {
                    f = f.max(dataImpact(d, graph.data(d).integrity(), "integrity"));
                }
                yield f.max(foothold(c));
            }
            case AVAILABILITY -> {
                Factor f = Factor.of(2, "losing " + id + " stops what depends on it");
                if (neededByMission(c)) {
                    f = f.max(Factor.of(4, "a mission needs " + id));
                } else if (consequences().neededComponent(c) >= 0) {
                    int needed = consequences().neededComponent(c);
                    f = f.max(Factor.of(
                            4,
                            "holding " + id + " reaches "
                                    + graph.component(needed).id() + " in "
                                    + hops(consequences().neededHops(c)) + ", and a mission needs it"));
                }
                for (int d : dataAround(c)) {
                    f = f.max(dataImpact(d, graph.data(d).availability(), "availability"));
                }
                yield f;
            }
        };
    }

    /**
     * What an attacker holding {@code c} could reach next: components in a more trusted zone that it
     * sends flows to or holds credentials for. A foothold matters even when the component itself
     * holds nothing of value (the LTE router into the gate network, the HVAC vendor into the POS zone).
     */
    private Factor foothold(int c) {
        Trust own = trustOf(c);
        Factor f = Factor.of(1, "no foothold");
        for (int out : graph.flowsOut(c)) {
            f = f.max(footholdInto(c, graph.flowTo(out), own));
        }
        for (int r : graph.credentialsHeld(c)) {
            for (int target : graph.credentialAccepters(r)) {
                f = f.max(footholdInto(c, target, own));
            }
        }
        return f;
    }

    private Factor footholdInto(int c, int target, Trust own) {
        Trust theirs = trustOf(target);
        if (theirs.compareTo(own) <= 0) {
            return Factor.of(1, "no foothold");
        }
        int zone = graph.zoneOf(target);
        return Factor.of(
                theirs == Trust.HIGH ? 4 : 3,
                graph.component(c).id() + " reaches into the more trusted "
                        + (zone >= 0 ? "zone " + graph.zone(zone).id() : "network") + " ("
                        + graph.component(target).id()
                        + ")");
    }

    /** The worst hazard of {@code c}, or of the components it commands. */
    private Factor safetyImpact(int c) {
        Factor f = Factor.of(1, "no hazard is modelled on " + graph.component(c).id());
        for (Hazard hazard : graph.component(c).hazards()) {
            f = f.max(hazardImpact(hazard, ""));
        }
        if (graph.component(c).safetyFunction()) {
            f = f.max(Factor.of(4, graph.component(c).id() + " is a safety function"));
        }
        if (f.level() == 1 && graph.facts().actuates(c)) {
            f = Factor.of(2, graph.component(c).id() + " acts on the physical world, with no hazard modelled");
        }
        // Beyond what it commands directly: the worst hazard holding it leads to, any number of
        // control hops on (commands, credentials, weak logins in its zone).
        Consequences reach = consequences();
        if (reach.worstHazardLevel(c) > f.level() && reach.hops(c) > 0) {
            Hazard hazard = reach.worstHazard(c);
            f = Factor.of(
                    reach.worstHazardLevel(c),
                    "holding " + graph.component(c).id() + " leads to "
                            + graph.component(reach.hazardComponent(c)).id() + " in " + hops(reach.hops(c))
                            + ", whose hazard " + hazard.id() + " is " + dev.mamori.model.Words.of(hazard.severity())
                            + (hazard.interlock().isPresent() ? " (an independent interlock holds it back)" : ""));
        }
        for (int out : graph.flowsOut(c)) {
            if (graph.flow(out).commands()) {
                for (Hazard hazard : graph.component(graph.flowTo(out)).hazards()) {
                    f = f.max(
                            hazardImpact(hazard, ", which " + graph.component(c).id() + " commands"));
                }
            }
        }
        return f;
    }

    /**
     * The level of a hazard: negligible 2, marginal 3, critical 4, catastrophic 5. An independent
     * interlock (an independent protection layer, in IEC 61511 terms) prevents the harm whatever
     * the component is told, so an interlocked hazard weighs two levels less, never below 2.
     */
    public static Factor hazardImpact(Hazard hazard, String how) {
        String reason = "hazard " + hazard.id() + how + " is " + dev.mamori.model.Words.of(hazard.severity());
        return Factor.of(
                Consequences.hazardLevel(hazard),
                hazard.interlock().isPresent() ? reason + ", but an independent interlock holds it back" : reason);
    }

    /**
     * Why a weakness on what an attacker would hold at component {@code c} comes first, or nothing:
     * outsiders take {@code c} directly, over an exposure the model states (not one resting on an
     * assumed or alleged fact), and holding it leads to a hazard declared catastrophic (interlocked
     * or not: the interlock makes the harm less likely, not less grave) over stated control relations. This is the element {@code mamori systemic} shows as the entry of a path to that
     * hazard; closing it prevents the worst harm, so its problems lead the list whatever their band.
     */
    public java.util.Optional<String> wayInToCatastrophe(int c) {
        Consequences reach = consequences();
        if (reach.catastropheComponent(c) < 0 || !takenDirectly()[c]) {
            return java.util.Optional.empty();
        }
        Hazard hazard = reach.catastrophe(c);
        String id = graph.component(c).id();
        String leads = reach.catastropheHops(c) == 0
                ? "its own hazard " + hazard.id() + " is catastrophic"
                : "holding it leads to "
                        + graph.component(reach.catastropheComponent(c)).id() + " in " + hops(reach.catastropheHops(c))
                        + ", whose hazard " + hazard.id() + " is catastrophic";
        return java.util.Optional.of("outsiders can take " + id + " directly, and " + leads
                + (hazard.interlock().isPresent() ? " (an interlock holds it back)" : ""));
    }

    private synchronized boolean[] takenDirectly() {
        if (takenDirectly == null) {
            PropagationGraph g = graph.derived(PropagationGraph.class, PropagationGraph::of);
            boolean[] taken = new boolean[graph.componentCount()];
            int outsiders = g.outsiders();
            if (outsiders >= 0) {
                for (int i = g.outStart(outsiders); i < g.outEnd(outsiders); i++) {
                    int e = g.outEdge(i);
                    int to = g.to(e);
                    if (to < taken.length && !g.assumed(e) && !g.alleged(e)) {
                        taken[to] = true;
                    }
                }
            }
            takenDirectly = taken;
        }
        return takenDirectly;
    }

    private synchronized Consequences consequences() {
        if (consequences == null) {
            consequences = Consequences.of(graph, graph.derived(PropagationGraph.class, PropagationGraph::of));
        }
        return consequences;
    }

    private static String hops(int n) {
        return n == 1 ? "1 hop" : n + " hops";
    }

    private Factor dataImpact(int d, Need need, String what) {
        DataAsset asset = graph.data(d);
        return Factor.of(need.ordinal() + 2, "the " + what + " of " + asset.id() + " matters " + needWord(need));
    }

    private static String needWord(Need need) {
        return switch (need) {
            case LOW -> "little";
            case MEDIUM -> "moderately";
            case HIGH -> "highly";
            case CRITICAL -> "critically";
        };
    }

    /** The data assets stored on {@code c} or carried by its flows (an unmodifiable set). */
    @SuppressWarnings("unchecked")
    public Set<Integer> dataAround(int c) {
        Set<Integer> cached = (Set<Integer>) dataAroundCache[c];
        if (cached == null) {
            cached = java.util.Collections.unmodifiableSet(computeDataAround(c));
            dataAroundCache[c] = cached;
        }
        return cached;
    }

    private Set<Integer> computeDataAround(int c) {
        Set<Integer> data = new HashSet<>();
        for (int d : graph.storedData(c)) {
            data.add(d);
        }
        for (int f : graph.flowsOut(c)) {
            for (int d : graph.dataOf(f)) {
                data.add(d);
            }
        }
        for (int f : graph.flowsIn(c)) {
            for (int d : graph.dataOf(f)) {
                data.add(d);
            }
        }
        return data;
    }

    /** Whether {@code c} sends commands. */
    public boolean commandsOthers(int c) {
        for (int f : graph.flowsOut(c)) {
            if (graph.flow(f).commands()) {
                return true;
            }
        }
        return false;
    }

    /** The worst harm to {@code properties} through flow {@code f}: its target, and the data it carries. */
    public Factor impactOfFlow(int f, Set<Property> properties) {
        Flow flow = graph.flow(f);
        // What the flow itself carries decides its confidentiality, not whatever else its target holds.
        Set<Property> atTarget = java.util.EnumSet.noneOf(Property.class);
        atTarget.addAll(properties);
        atTarget.remove(Property.CONFIDENTIALITY);
        Factor impact = atTarget.isEmpty()
                ? Factor.of(1, "the flow carries no confidential data")
                : impact(graph.flowTo(f), atTarget);
        for (int d : graph.dataOf(f)) {
            DataAsset asset = graph.data(d);
            if (properties.contains(Property.CONFIDENTIALITY)) {
                impact = impact.max(dataImpact(d, asset.confidentiality(), "confidentiality"));
                if (asset.personal()) {
                    impact = impact.max(Factor.of(4, asset.id() + " is personal data"));
                }
            }
            if (properties.contains(Property.INTEGRITY)) {
                impact = impact.max(dataImpact(d, asset.integrity(), "integrity"));
            }
        }
        if (flow.commands() && properties.contains(Property.INTEGRITY)) {
            impact = impact.max(Factor.of(
                    3,
                    "the flow carries commands to "
                            + graph.component(graph.flowTo(f)).id()));
        }
        return impact;
    }
}
