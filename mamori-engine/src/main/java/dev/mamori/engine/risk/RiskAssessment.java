package dev.mamori.engine.risk;

import dev.mamori.model.diagnostics.Diagnostic;
import java.util.EnumMap;
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
}
