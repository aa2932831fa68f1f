package dev.mamori.engine.assessment;

import dev.mamori.engine.compliance.ComplianceResult;
import dev.mamori.engine.missions.MissionAnalysis;
import dev.mamori.engine.risk.RiskAssessment;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.engine.systemic.SystemicAnalysis;
import dev.mamori.model.Landscape;
import dev.mamori.model.diagnostics.Diagnostic;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything one assessment found, as one immutable value that renderers turn into text, JSON
 * and reports. Later analyses (systemic, missions, compliance) add their own sections here.
 *
 * @param today the date expiry was judged against
 * @param rules the metadata of every rule that ran
 * @param systemic how compromise and failure spread across the systems
 * @param missions what stops the missions and how they come back
 * @param diagnostics the model's warnings and the warnings about treatments
 * @param compliance which requirements of each system's profile hold, with evidence and gaps
 */
public record Assessment(
        Landscape landscape,
        LocalDate today,
        List<RuleMetadata> rules,
        RiskAssessment risk,
        SystemicAnalysis systemic,
        MissionAnalysis missions,
        List<Diagnostic> diagnostics,
        ComplianceResult compliance) {

    /** The version of the assessment's JSON form; it changes when a field changes meaning or goes. */
    public static final int FORMAT_VERSION = 1;

    public Assessment {
        rules = List.copyOf(rules);
        diagnostics = List.copyOf(diagnostics);
    }

    public Optional<RuleMetadata> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
