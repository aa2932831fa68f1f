package dev.mamori.engine.risk;

import dev.mamori.engine.graph.ElementRef;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One weakness on one element, explained: why the rule fired, how the score came about, and what
 * would fix it.
 *
 * @param element the element the finding is on, typed: its kind, id, system and layer
 * @param explanation why the rule fired here, in words
 * @param treatment what the model decided about it, if anything
 * @param rootCause what fixing it changes (see {@link RuleMetadata#rootCause}): findings on one
 *     element with one root cause are one problem
 * @param wayIn when the weakness is on a way in to catastrophic harm (outsiders take the element, or
 *     the flow's sender, or the secret's holder, directly, and holding it leads to a catastrophic
 *     hazard), why: such problems are ranked first ({@link RiskAssessment#openProblems})
 */
public record Finding(
        String rule,
        String title,
        Severity severity,
        Factor likelihood,
        Factor impact,
        Set<Property> properties,
        ElementRef element,
        SourceLocation location,
        String explanation,
        List<String> mitigations,
        Optional<TreatmentState> treatment,
        String rootCause,
        List<KeyEdit> edits,
        Optional<String> wayIn) {

    public Finding {
        properties = Set.copyOf(properties);
        mitigations = List.copyOf(mitigations);
        edits = List.copyOf(edits);
    }

    /**
     * How likelihood and impact were judged, in words. Put together from the two factors when asked
     * rather than kept: it says nothing they do not, and kept it was a string of some 200 characters
     * for each finding, a third of a million of them at 100,000 components.
     */
    public String scoring() {
        return Scoring.sentence(likelihood, impact);
    }

    /**
     * The same finding with the edits of the model that fix it, first the one the rule prefers: each
     * sets one key of the element to a value the vocabulary allows there.
     */
    public Finding withEdits(List<KeyEdit> fixes) {
        return copy(treatment, fixes);
    }

    /** How a finding is named on the command line ({@code mamori fix}): its rule and its element. */
    public String id() {
        return rule + "@" + element.id();
    }

    /** Whether the finding still needs action: untreated, being mitigated, or its acceptance lapsed. */
    public boolean open() {
        return treatment.map(TreatmentState::keepsOpen).orElse(true);
    }

    public Finding withTreatment(TreatmentState state) {
        return copy(Optional.of(state), edits);
    }

    private Finding copy(Optional<TreatmentState> treatmentState, List<KeyEdit> fixes) {
        return new Finding(
                rule,
                title,
                severity,
                likelihood,
                impact,
                properties,
                element,
                location,
                explanation,
                mitigations,
                treatmentState,
                rootCause,
                fixes,
                wayIn);
    }
}
