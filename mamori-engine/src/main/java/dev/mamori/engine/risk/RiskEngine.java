package dev.mamori.engine.risk;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.Landscape;
import dev.mamori.model.Ref;
import dev.mamori.model.Treatment;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.diagnostics.Suggestions;
import dev.mamori.model.validate.ElementIndex;
import dev.mamori.model.validate.ElementIndex.Kind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Runs rules over a frozen graph and applies the model's treatments to what they find. */
public final class RiskEngine {

    private static final List<Kind> TREATABLE = List.of(
            Kind.COMPONENT,
            Kind.FLOW,
            Kind.CREDENTIAL,
            Kind.DATA,
            Kind.MISSION,
            Kind.STAKEHOLDER,
            Kind.ZONE,
            Kind.HAZARD,
            Kind.SYSTEM);

    private final List<Rule> rules;

    public RiskEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The rules of a large landscape ({@link FrozenGraph#worthSideBySide}) run side by side, on the
     * common fork-join pool and the calling thread.
     */
    public RiskAssessment assess(FrozenGraph graph, LocalDate today) {
        return assess(graph, today, graph.worthSideBySide());
    }

    /**
     * As above, the rules side by side or one after the other. Either way the findings are the same,
     * in the same order: each rule's are kept apart and joined in the rules' order.
     */
    RiskAssessment assess(FrozenGraph graph, LocalDate today, boolean parallel) {
        Scoring scoring = new Scoring(graph);
        // A context per thread at a time, each with the objects its rules share (RuleContext.shared),
        // taken from and given back to this queue; the scoring's answers are shared by all.
        Queue<RuleContext> idle = new ConcurrentLinkedQueue<>();
        IntStream indices = IntStream.range(0, rules.size());
        List<List<Finding>> byRule = (parallel ? indices.parallel() : indices)
                .mapToObj(i -> {
                    RuleContext context = idle.poll();
                    if (context == null) {
                        context = new RuleContext(graph, today, scoring, new FindingSink());
                    }
                    List<Finding> found = check(rules.get(i), context, graph);
                    idle.add(context);
                    return found;
                })
                .toList();
        List<Finding> found = new ArrayList<>();
        byRule.forEach(found::addAll);
        Diagnostics diagnostics = new Diagnostics();
        List<Finding> findings = applyTreatments(graph, found, today, diagnostics);
        findings.sort(Comparator.comparing(Finding::open)
                .reversed()
                .thenComparing(Comparator.comparing(Finding::severity).reversed())
                .thenComparing(f -> f.location().file())
                .thenComparingInt(f -> f.location().line())
                .thenComparing(Finding::rule));
        return new RiskAssessment(findings, diagnostics.sorted(), rules.size());
    }

    /** What {@code rule} finds, each finding with the edits that fix it. */
    private static List<Finding> check(Rule rule, RuleContext context, FrozenGraph graph) {
        context.start(rule.metadata());
        rule.check(context);
        List<Finding> found = context.sink().take();
        for (int i = 0; i < found.size(); i++) {
            List<dev.mamori.model.edit.KeyEdit> edits = rule.edits(graph, found.get(i));
            if (!edits.isEmpty()) {
                found.set(i, found.get(i).withEdits(edits));
            }
        }
        return found;
    }

    /**
     * The warnings for treatments that name a rule this engine does not run, so that the loader can
     * say it (and {@code mamori validate} with it) before any rule runs; {@link #assess} says the same.
     */
    public List<Diagnostic> treatmentsNamingNoRule(Landscape landscape) {
        Set<String> ruleIds = rules.stream().map(r -> r.metadata().id()).collect(Collectors.toSet());
        Diagnostics diagnostics = new Diagnostics();
        for (Treatment treatment : landscape.treatments()) {
            if (!ruleIds.contains(treatment.rule())) {
                warnNamesNoRule(treatment, ruleIds, diagnostics);
            }
        }
        return diagnostics.sorted();
    }

    private static void warnNamesNoRule(Treatment treatment, Set<String> ruleIds, Diagnostics diagnostics) {
        diagnostics.warning(
                treatment.at(),
                "unknown-rule",
                "the treatment names rule '" + treatment.rule() + "', which does not exist"
                        + Suggestions.didYouMean(treatment.rule(), ruleIds) + "; 'mamori rules' lists them");
    }

    /**
     * Marks each finding with the treatment that names its rule and element (or its rule alone).
     * A lapsed acceptance re-opens the finding and says so; a treatment that matches nothing, or
     * names a rule that does not exist, is a warning.
     */
    private List<Finding> applyTreatments(
            FrozenGraph graph, List<Finding> findings, LocalDate today, Diagnostics diagnostics) {
        Landscape landscape = graph.landscape();
        ElementIndex index = graph.elements();
        Set<String> ruleIds = rules.stream().map(r -> r.metadata().id()).collect(Collectors.toSet());
        List<Finding> out = new ArrayList<>(findings);
        // The findings of each rule, so that a treatment looks only at its rule's findings: a
        // scan of every finding per treatment was quadratic in imported models, which carry one
        // treatment per tracked risk.
        Map<String, List<Integer>> byRule = new java.util.HashMap<>();
        for (int i = 0; i < out.size(); i++) {
            byRule.computeIfAbsent(out.get(i).rule(), k -> new ArrayList<>()).add(i);
        }
        for (Treatment treatment : landscape.treatments()) {
            if (!ruleIds.contains(treatment.rule())) {
                warnNamesNoRule(treatment, ruleIds, diagnostics);
                continue;
            }
            if (treatment.vulnerability().isPresent()) {
                // About one vulnerability: applied where vulnerabilities are matched (mamori-vulns),
                // since a finding does not carry the id of the vulnerability it reports.
                continue;
            }
            Optional<String> element = treatment.element().map(ref -> elementId(index, ref));
            boolean expired = treatment.until().map(u -> u.isBefore(today)).orElse(false);
            TreatmentState state = new TreatmentState(
                    treatment.status(),
                    treatment.decidedBy().map(Ref::text),
                    treatment.reason(),
                    treatment.until(),
                    expired,
                    treatment.at());
            int matched = 0;
            for (int i : byRule.getOrDefault(treatment.rule(), List.of())) {
                Finding finding = out.get(i);
                if (element.isEmpty() || element.get().equals(finding.element().id())) {
                    out.set(i, finding.withTreatment(state));
                    matched++;
                }
            }
            if (matched == 0) {
                diagnostics.warning(
                        treatment.at(),
                        "treatment-matches-nothing",
                        "this treatment of " + treatment.rule()
                                + element.map(e -> " on " + e).orElse("")
                                + " matches no finding; remove it, or check the rule and the element");
            }
        }
        return out;
    }

    private static String elementId(ElementIndex index, Ref ref) {
        return index.findAny(ref, TREATABLE)
                .map(Map.Entry::getValue)
                .map(ElementIndex::idOf)
                .orElse(ref.text());
    }
}
