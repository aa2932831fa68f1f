package dev.mamori.engine.risk;

import dev.mamori.model.Scales.TreatmentStatus;
import dev.mamori.model.Words;
import dev.mamori.model.diagnostics.SourceLocation;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A treatment from the model applied to a finding.
 *
 * @param expired whether its {@code until} date has passed, which re-opens the finding
 */
public record TreatmentState(
        TreatmentStatus status,
        Optional<String> decidedBy,
        String reason,
        Optional<LocalDate> until,
        boolean expired,
        SourceLocation at) {

    /**
     * Mitigation in progress keeps a finding open; so does any decision that has lapsed. Accepted,
     * mitigated, transferred, false positive and not applicable close it while they hold.
     */
    public boolean keepsOpen() {
        return expired || status == TreatmentStatus.MITIGATING;
    }

    /** "accepted by ops until 2027-06-30: replaced next season" and the like. */
    public String describe() {
        StringBuilder out = new StringBuilder(Words.of(status));
        decidedBy.ifPresent(by -> out.append(" by ").append(by));
        until.ifPresent(u -> out.append(expired ? " until " + u + " (lapsed: the risk is open again)" : " until " + u));
        return out.append(": ").append(reason).toString();
    }
}
