package dev.mamori.engine.risk;

import dev.mamori.engine.graph.ElementRef;
import dev.mamori.engine.graph.Facts;
import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.Component;
import dev.mamori.model.CredentialRelation;
import dev.mamori.model.DataAsset;
import dev.mamori.model.Flow;
import dev.mamori.model.Hazard;
import dev.mamori.model.Layer;
import dev.mamori.model.Mission;
import dev.mamori.model.Scales.HazardSeverity;
import dev.mamori.model.Scales.Trust;
import dev.mamori.model.Stakeholder;
import dev.mamori.model.Zone;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.vocabulary.Vocabulary;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a rule sees and how it reports: the frozen graph and its {@link Facts}, the date, the
 * {@link Scoring} every finding goes through, and one method per kind of element to report a
 * finding on, which scores it and hands it to the {@link FindingSink}. The questions about reach
 * and impact are kept here as shorthands for the scoring's, so rules read as conditions and words.
 */
public final class RuleContext {

    private final FrozenGraph graph;
    private final LocalDate today;
    private final Scoring scoring;
    private final FindingSink sink;
    private RuleMetadata rule;
    private final Map<Class<?>, Object> shared = new HashMap<>();

    RuleContext(FrozenGraph graph, LocalDate today, Scoring scoring, FindingSink sink) {
        this.graph = graph;
        this.today = today;
        this.scoring = scoring;
        this.sink = sink;
    }

    void start(RuleMetadata rule) {
        this.rule = rule;
    }

    FindingSink sink() {
        return sink;
    }

    public FrozenGraph graph() {
        return graph;
    }

    public LocalDate today() {
        return today;
    }

    public Vocabulary vocabulary() {
        return graph.landscape().vocabulary();
    }

    /** The facts every analysis shares: internet-facing, actuates, radio, critical, … */
    public Facts facts() {
        return graph.facts();
    }

    /** How findings are scored. */
    public Scoring scoring() {
        return scoring;
    }

    /**
     * What several rules build from the graph (who answers for what, …), built by the first rule
     * that asks and shared by the rest of this run, instead of once per rule.
     */
    public <T> T shared(Class<T> type, Function<FrozenGraph, T> build) {
        return type.cast(shared.computeIfAbsent(type, t -> build.apply(graph)));
    }

    // ---- shorthands for the facts and the scoring ----------------------------------------------

    /** Whether component {@code c} acts on the physical world (see {@link Facts#actuates}). */
    public boolean actuates(int c) {
        return graph.facts().actuates(c);
    }

    /** Whether component {@code c} is reachable from the internet (see {@link Facts#internetFacing}). */
    public boolean internetFacing(int c) {
        return graph.facts().internetFacing(c);
    }

    /** Whether a mission needs component {@code c}. */
    public boolean neededByMission(int c) {
        return scoring.neededByMission(c);
    }

    /** The trust of component {@code c}'s zone; medium when it names none. */
    public Trust trustOf(int c) {
        return scoring.trustOf(c);
    }

    /** How easily an attacker reaches component {@code c}. */
    public Factor reach(int c) {
        return scoring.reach(c);
    }

    /** How easily an attacker reaches flow {@code f}: its ends, and the networks it crosses. */
    public Factor reachOfFlow(int f) {
        return scoring.reachOfFlow(f);
    }

    /** The worst harm to {@code properties} if component {@code c} is misused, with the reason. */
    public Factor impact(int c, Set<Property> properties) {
        return scoring.impact(c, properties);
    }

    /** The worst harm to {@code properties} through flow {@code f}: its target, and the data it carries. */
    public Factor impactOfFlow(int f, Set<Property> properties) {
        return scoring.impactOfFlow(f, properties);
    }

    /** The level of a hazard (see {@link Scoring#hazardImpact}). */
    public static Factor hazardImpact(Hazard hazard, String how) {
        return Scoring.hazardImpact(hazard, how);
    }

    /** The data assets stored on {@code c} or carried by its flows (an unmodifiable set). */
    public Set<Integer> dataAround(int c) {
        return scoring.dataAround(c);
    }

    /** Whether {@code c} sends commands. */
    public boolean commandsOthers(int c) {
        return scoring.commandsOthers(c);
    }

    // ---- reporting ---------------------------------------------------------------------------

    /** A finding on component {@code c}. */
    public void onComponent(int c, String explanation, Factor ease) {
        Component component = graph.component(c);
        report(
                graph.componentRef(c),
                component.at(),
                explanation,
                scoring.reach(c),
                ease,
                scoring.impact(c, rule.properties()),
                c);
    }

    /** A finding on component {@code c} whose impact the rule judged itself. */
    public void onComponent(int c, String explanation, Factor ease, Factor impact) {
        Component component = graph.component(c);
        report(graph.componentRef(c), component.at(), explanation, scoring.reach(c), ease, impact, c);
    }

    /**
     * A finding on component {@code c} that points at {@code at}, a line of what the component
     * declares (a package it runs, its bill of materials), with fixes fitted to it before the rule's
     * general ones.
     */
    public void onComponent(int c, SourceLocation at, String explanation, Factor ease, List<String> fittedFixes) {
        report(
                graph.componentRef(c),
                at,
                explanation,
                scoring.reach(c),
                ease,
                scoring.impact(c, rule.properties()),
                fittedFixes,
                c);
    }

    /** A finding on flow {@code f}. */
    public void onFlow(int f, String explanation, Factor ease) {
        Flow flow = graph.flow(f);
        report(
                graph.flowRef(f),
                flow.at(),
                explanation,
                scoring.reachOfFlow(f),
                ease,
                scoring.impactOfFlow(f, rule.properties()),
                graph.flowFrom(f));
    }

    /**
     * A finding on flow {@code f}, with fixes fitted to it (the values its protocol allows), put
     * before the rule's general ones.
     */
    public void onFlow(int f, String explanation, Factor ease, List<String> fittedFixes) {
        Flow flow = graph.flow(f);
        report(
                graph.flowRef(f),
                flow.at(),
                explanation,
                scoring.reachOfFlow(f),
                ease,
                scoring.impactOfFlow(f, rule.properties()),
                fittedFixes,
                graph.flowFrom(f));
    }

    /** A finding on flow {@code f} whose impact the rule judged itself. */
    public void onFlow(int f, String explanation, Factor ease, Factor impact) {
        Flow flow = graph.flow(f);
        report(graph.flowRef(f), flow.at(), explanation, scoring.reachOfFlow(f), ease, impact, graph.flowFrom(f));
    }

    /** A finding on credential relation {@code r}; its reach is the holder's, its impact the worst accepter's. */
    public void onCredential(int r, String explanation, Factor ease) {
        CredentialRelation credential = graph.credential(r);
        Factor impact = Factor.of(1, "no accepter of note");
        for (int target : graph.credentialAccepters(r)) {
            impact = impact.max(scoring.impact(target, rule.properties()));
        }
        report(
                graph.credentialRef(r),
                credential.at(),
                explanation,
                scoring.reach(graph.credentialHolder(r)),
                ease,
                impact,
                graph.credentialHolder(r));
    }

    /** A finding on data asset {@code d}, scored by the rule. */
    public void onData(int d, String explanation, Factor likelihood, Factor impact) {
        DataAsset asset = graph.data(d);
        report(graph.dataRef(d), asset.at(), explanation, likelihood, likelihood, impact, NO_ENTRY);
    }

    /** A finding on a mission, scored by the rule. */
    public void onMission(Mission mission, String explanation, Factor likelihood, Factor impact) {
        report(graph.missionRef(mission), mission.at(), explanation, likelihood, likelihood, impact, NO_ENTRY);
    }

    /** A finding on a mission, scored by the rule, with fixes fitted to it before the rule's general ones. */
    public void onMission(
            Mission mission, String explanation, Factor likelihood, Factor impact, List<String> fittedFixes) {
        report(
                graph.missionRef(mission),
                mission.at(),
                explanation,
                likelihood,
                likelihood,
                impact,
                fittedFixes,
                NO_ENTRY);
    }

    /** A finding on stakeholder {@code s}, scored by the rule. */
    public void onStakeholder(int s, String explanation, Factor likelihood, Factor impact) {
        Stakeholder stakeholder = graph.stakeholder(s);
        report(graph.stakeholderRef(s), stakeholder.at(), explanation, likelihood, likelihood, impact, NO_ENTRY);
    }

    /** A finding on zone {@code z}, scored by the rule. */
    public void onZone(int z, String explanation, Factor likelihood, Factor impact) {
        Zone zone = graph.zone(z);
        report(graph.zoneRef(z), zone.at(), explanation, likelihood, likelihood, impact, NO_ENTRY);
    }

    /** A finding on a hazard of component {@code c}; a fleet of 100 or more raises its impact by one. */
    public void onHazard(int c, Hazard hazard, String explanation, Factor reach, Factor ease) {
        Factor impact = Scoring.acrossFleet(
                Scoring.hazardImpact(hazard, ""), graph.component(c).count());
        report(graph.hazardRef(c, hazard), hazard.at(), explanation, reach, ease, impact, c);
    }

    /** The id by which a flow is named in findings: its own id, or {@code from -> to (protocol)}. */
    public String flowName(int f) {
        return graph.flowName(f);
    }

    /** The component a finding's attacker would start from, when it is on none (data, missions, zones). */
    private static final int NO_ENTRY = -1;

    /**
     * Scores a finding the one way ({@link Scoring}) and hands it to the sink; {@code entry} is the
     * component an attacker would hold to use the weakness (the element, a flow's sender, a secret's
     * holder), which decides whether the finding lies on a way in to catastrophic harm.
     */
    private void report(
            ElementRef element,
            SourceLocation at,
            String explanation,
            Factor reach,
            Factor ease,
            Factor impact,
            int entry) {
        report(element, at, explanation, reach, ease, impact, List.of(), entry);
    }

    /** As above, with fixes fitted to the element put before the rule's general ones. */
    private void report(
            ElementRef element,
            SourceLocation at,
            String explanation,
            Factor reach,
            Factor ease,
            Factor impact,
            List<String> fittedFixes,
            int entry) {
        List<String> fixes = rule.mitigations();
        if (!fittedFixes.isEmpty()) {
            List<String> all = new java.util.ArrayList<>(fittedFixes);
            all.addAll(rule.mitigations());
            fixes = List.copyOf(all);
        }
        sink.record(
                rule,
                element,
                at,
                explanation,
                Scoring.likelihood(reach, ease),
                impact,
                fixes,
                entry < 0 || rule.judgesRecords() ? java.util.Optional.empty() : scoring.wayInToCatastrophe(entry));
    }

    /** Whether a component is on a layer. */
    public boolean on(int c, Layer layer) {
        return graph.component(c).layer() == layer;
    }

    /** A hazard severity at least {@code floor}. */
    public static boolean atLeast(HazardSeverity severity, HazardSeverity floor) {
        return severity.compareTo(floor) >= 0;
    }
}
