package dev.mamori.engine.risk;

import dev.mamori.model.diagnostics.SourceLocation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One weakness on one element, explained: why the rule fired, how the score came about, and what
 * would fix it.
 *
 * @param element the id of the element (a component, flow, credential relation, data asset, …)
 * @param elementKind what the element is ("component", "flow", …)
 * @param explanation why the rule fired here, in words
 * @param scoring how likelihood and impact were judged, in words
 * @param treatment what the model decided about it, if anything
 */
public record Finding(
        String rule,
        String title,
        Severity severity,
        Factor likelihood,
        Factor impact,
        Set<Property> properties,
        String element,
        String elementKind,
        SourceLocation location,
        String explanation,
        String scoring,
        List<String> mitigations,
        Optional<TreatmentState> treatment) {

    public Finding {
        properties = Set.copyOf(properties);
        mitigations = List.copyOf(mitigations);
    }

    /** Whether the finding still needs action: untreated, being mitigated, or its acceptance lapsed. */
    public boolean open() {
        return treatment.map(TreatmentState::keepsOpen).orElse(true);
    }

    public Finding withTreatment(TreatmentState state) {
        return new Finding(
                rule,
                title,
                severity,
                likelihood,
                impact,
                properties,
                element,
                elementKind,
                location,
                explanation,
                scoring,
                mitigations,
                Optional.of(state));
    }
}
