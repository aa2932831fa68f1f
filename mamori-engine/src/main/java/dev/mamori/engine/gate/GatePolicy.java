package dev.mamori.engine.gate;

import dev.mamori.engine.compliance.ComplianceResult;
import dev.mamori.engine.compliance.ComplianceResult.RequirementResult;
import dev.mamori.engine.compliance.Obligation;
import dev.mamori.engine.compliance.Verdict;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.RiskAssessment;
import dev.mamori.engine.risk.Severity;
import java.util.List;
import java.util.Optional;

/**
 * When a landscape is not ready to deploy: the one place that decides, used by {@code verify},
 * {@code assess --fail-on}, {@code comply --fail-on} and the report's summary.
 *
 * <p>An open finding fails the gate when it is at least as severe as {@code findings}; closed
 * findings (a treatment that holds) never do, and a lapsed treatment re-opens its finding, so an
 * acceptance cannot pass the gate forever. A requirement fails it when it is not satisfied and at
 * least as binding as {@code requirements}; one that needs review does not, since the gate judges
 * what the model shows and a person's review is recorded as a control.
 *
 * @param findings the severity an open finding fails the gate at, or empty when findings do not gate
 * @param requirements the obligation an unmet requirement fails the gate at, or empty when they do not gate
 */
public record GatePolicy(Optional<Severity> findings, Optional<Obligation> requirements) {

    /** The gate a deployment is held to unless told otherwise: no open finding at or above high. */
    public static final GatePolicy DEFAULT = findingsAtOrAbove(Severity.HIGH);

    public static GatePolicy findingsAtOrAbove(Severity threshold) {
        return new GatePolicy(Optional.of(threshold), Optional.empty());
    }

    public static GatePolicy requirementsAtOrAbove(Obligation threshold) {
        return new GatePolicy(Optional.empty(), Optional.of(threshold));
    }

    /** This policy, with unmet requirements at least as binding as {@code threshold} also failing it. */
    public GatePolicy alsoRequirementsAtOrAbove(Obligation threshold) {
        return new GatePolicy(findings, Optional.of(threshold));
    }

    public boolean fails(Finding finding) {
        return finding.open()
                && findings.map(t -> finding.severity().compareTo(t) >= 0).orElse(false);
    }

    public boolean fails(RequirementResult requirement) {
        return requirement.verdict() == Verdict.NOT_SATISFIED
                && requirements
                        .map(t -> requirement.obligation().compareTo(t) <= 0)
                        .orElse(false);
    }

    /** The open findings that fail the gate, in the assessment's order (most severe first). */
    public List<Finding> failing(RiskAssessment risk) {
        return risk.findings().stream().filter(this::fails).toList();
    }

    /** How many requirements, over every system, fail the gate. */
    public long failing(ComplianceResult compliance) {
        return compliance.systems().stream()
                .flatMap(s -> s.requirements().stream())
                .filter(this::fails)
                .count();
    }

    /** Whether the risk findings and the compliance judged here let the gate pass. */
    public boolean passes(RiskAssessment risk, ComplianceResult compliance) {
        return failing(risk).isEmpty() && failing(compliance) == 0;
    }
}
