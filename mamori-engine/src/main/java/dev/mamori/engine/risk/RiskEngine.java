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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
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
        return new RiskAssessment(inReadingOrder(findings), diagnostics.sorted(), rules.size());
    }

    /** The order findings are read in: open ones first, the most severe first, then by file, line and rule. */
    static final Comparator<Finding> READING_ORDER = Comparator.comparing(Finding::open)
            .reversed()
            .thenComparing(Comparator.comparing(Finding::severity).reversed())
            .thenComparing(f -> f.location().file())
            .thenComparingInt(f -> f.location().line())
            .thenComparing(Finding::rule);

    /**
     * {@code findings} sorted stably in {@link #READING_ORDER}, each compared by one number: at 100,000
     * components the chained comparisons of 327,000 findings were a sixth of the rule pass. The
     * number holds, from the top bit down, whether the finding is closed, its severity (reversed),
     * its file's rank among the files sorted, its line, and its rule's rank among the rules sorted;
     * when a line does not fit beside the ranks, the comparator sorts them.
     */
    static List<Finding> inReadingOrder(List<Finding> findings) {
        return inReadingOrder(findings, Long.SIZE - 1);
    }

    /** As above, the number in {@code keyBits} bits (tests make it short, to reach the comparator). */
    static List<Finding> inReadingOrder(List<Finding> findings, int keyBits) {
        Map<String, Integer> files = ranks(findings, f -> f.location().file());
        Map<String, Integer> rules = ranks(findings, Finding::rule);
        int fileBits = bits(files.size());
        int ruleBits = bits(rules.size());
        int lineBits = keyBits - 1 - 3 - fileBits - ruleBits;
        long lineLimit = lineBits >= 31 ? Integer.MAX_VALUE : (1L << Math.max(0, lineBits)) - 1;
        Keyed[] keyed = new Keyed[findings.size()];
        for (int i = 0; i < keyed.length; i++) {
            Finding f = findings.get(i);
            int line = f.location().line();
            if (lineBits <= 0 || line > lineLimit) {
                List<Finding> sorted = new ArrayList<>(findings);
                sorted.sort(READING_ORDER);
                return sorted;
            }
            long key = f.open() ? 0 : 1;
            key = (key << 3) | (Severity.CRITICAL.ordinal() - f.severity().ordinal());
            key = (key << fileBits) | files.get(f.location().file());
            key = (key << lineBits) | line;
            key = (key << ruleBits) | rules.get(f.rule());
            keyed[i] = new Keyed(key, f);
        }
        Arrays.sort(keyed, Comparator.comparingLong(Keyed::key)); // stable, as List.sort is
        List<Finding> sorted = new ArrayList<>(keyed.length);
        for (Keyed k : keyed) {
            sorted.add(k.finding());
        }
        return sorted;
    }

    private record Keyed(long key, Finding finding) {}

    /** Each distinct text {@code of} the findings, with its rank in their sorted order. */
    private static Map<String, Integer> ranks(List<Finding> findings, Function<Finding, String> of) {
        TreeSet<String> distinct = new TreeSet<>();
        String last = null;
        for (Finding f : findings) {
            String text = of.apply(f);
            if (!text.equals(last)) { // runs of findings share their rule and file: one comparison each
                distinct.add(text);
                last = text;
            }
        }
        Map<String, Integer> ranks = new HashMap<>();
        for (String text : distinct) {
            ranks.put(text, ranks.size());
        }
        return ranks;
    }

    /** How many bits hold the numbers 0 to {@code count - 1}. */
    private static int bits(int count) {
        return count <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(count - 1);
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
