package dev.mamori.model;

import dev.mamori.model.Scales.TreatmentStatus;
import dev.mamori.model.diagnostics.SourceLocation;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A decision about a finding: accepted, being mitigated, a false positive… with who decided, why,
 * and until when. Past {@code until} the finding counts as open again.
 *
 * @param element the element the decision is about; empty means every element the rule fires on
 * @param vulnerability for the rules of known vulnerabilities, the one vulnerability (CVE or
 *     advisory id) it is about; such a treatment is applied where vulnerabilities are matched
 * @param justification why the element is not affected by that vulnerability, in CSAF's words
 */
public record Treatment(
        String rule,
        Optional<Ref> element,
        TreatmentStatus status,
        Optional<Ref> decidedBy,
        String reason,
        Optional<LocalDate> until,
        Optional<String> ticket,
        SourceLocation at,
        Optional<String> vulnerability,
        Optional<String> justification) {}
