package dev.mamori.engine.risk;

import dev.mamori.engine.graph.ElementRef;
import dev.mamori.model.diagnostics.Diagnostic;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of the rule pass: every finding, most severe first, with treatments applied, and the
 * warnings about treatments that match nothing or have lapsed.
 */
public record RiskAssessment(List<Finding> findings, List<Diagnostic> diagnostics, int rulesRun) {

    public RiskAssessment {
        findings = List.copyOf(findings);
        diagnostics = List.copyOf(diagnostics);
    }

    /** Open findings per severity, every severity present. */
    public Map<Severity, Integer> openBySeverity() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0);
        }
        findings.stream().filter(Finding::open).forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        return counts;
    }

    /** Open findings per property threatened, every property present. */
    public Map<Property, Integer> openByProperty() {
        Map<Property, Integer> counts = new EnumMap<>(Property.class);
        for (Property property : Property.values()) {
            counts.put(property, 0);
        }
        findings.stream()
                .filter(Finding::open)
                .forEach(f -> f.properties().forEach(p -> counts.merge(p, 1, Integer::sum)));
        return counts;
    }

    public List<Finding> open() {
        return findings.stream().filter(Finding::open).toList();
    }

    /**
     * The open findings as problems, in the order to act on them: those on one element with one
     * root cause together, led by the most severe (the order of {@link #findings}). Problems on a way
     * in to catastrophic harm ({@link Finding#wayIn}) of at least medium severity come first, then the
     * rest, each part in the order of its leads: an internet-facing entry to a crowd crush is fixed
     * before a critical finding deeper in, which that entry is the way to.
     */
    public List<Problem> openProblems() {
        Map<List<Object>, List<Finding>> byKey = new LinkedHashMap<>();
        for (Finding f : open()) {
            byKey.computeIfAbsent(Problem.keyOf(f), k -> new ArrayList<>()).add(f);
        }
        List<Problem> first = new ArrayList<>();
        List<Problem> rest = new ArrayList<>();
        for (List<Finding> group : byKey.values()) {
            Problem problem = new Problem(group);
            (problem.wayIn().isPresent() ? first : rest).add(problem);
        }
        first.addAll(rest);
        return List.copyOf(first);
    }

    /** One problem: the findings of one root cause on one element, the first the most severe. */
    public record Problem(List<Finding> findings) {
        public Problem {
            findings = List.copyOf(findings);
        }

        /**
         * What the findings of one problem share: the root cause, and the element as its kind,
         * system and id. The system keeps two systems' elements apart whatever their ids say (an
         * unnamed credential relation's label, holder=>accepted-by, was once the same in every
         * system built alike); each system's element is its own problem with its own fix.
         */
        public static List<Object> keyOf(Finding f) {
            ElementRef e = f.element();
            return List.of(e.kind(), e.system(), e.id(), f.rootCause());
        }

        public Finding lead() {
            return findings.get(0);
        }

        /**
         * Why the problem lies on a way in to catastrophic harm, when its lead is at least medium
         * and one of its findings says so.
         */
        public java.util.Optional<String> wayIn() {
            if (lead().severity().compareTo(Severity.MEDIUM) < 0) {
                return java.util.Optional.empty();
            }
            return findings.stream()
                    .map(Finding::wayIn)
                    .flatMap(java.util.Optional::stream)
                    .findFirst();
        }

        /** The rules that see it, the lead's first. */
        public List<String> rules() {
            return findings.stream().map(Finding::rule).toList();
        }
    }
}
