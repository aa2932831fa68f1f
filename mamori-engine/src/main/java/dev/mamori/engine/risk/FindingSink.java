package dev.mamori.engine.risk;

import dev.mamori.engine.graph.ElementRef;
import dev.mamori.model.diagnostics.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where rules' findings are recorded, in the order reported, each with its severity (its scoring
 * sentence is put into words from the likelihood and impact when asked: {@link Finding#scoring()}).
 */
public final class FindingSink {

    private final List<Finding> findings = new ArrayList<>();

    /**
     * Records a finding of {@code rule} on {@code element}, scored by {@link Scoring}, with its fixes
     * (the rule's, after any fitted to the element).
     */
    public void record(
            RuleMetadata rule,
            ElementRef element,
            SourceLocation at,
            String explanation,
            Factor likelihood,
            Factor impact,
            List<String> mitigations,
            Optional<String> wayIn) {
        findings.add(new Finding(
                rule.id(),
                rule.title(),
                Scoring.severity(likelihood, impact),
                likelihood,
                impact,
                rule.properties(),
                element,
                at,
                explanation,
                mitigations,
                Optional.empty(),
                rule.rootCause(),
                List.of(),
                wayIn));
    }

    /** What was recorded so far, in order. */
    public List<Finding> findings() {
        return findings;
    }

    /** What was recorded since the last take, in order; the sink is empty after it. */
    List<Finding> take() {
        List<Finding> taken = new ArrayList<>(findings);
        findings.clear();
        return taken;
    }
}
