package dev.mamori.engine.risk;

import dev.mamori.engine.graph.ElementRef;
import dev.mamori.model.diagnostics.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where rules' findings are recorded, in the order reported, each with its severity and scoring sentence. */
public final class FindingSink {

    private final List<Finding> findings = new ArrayList<>();

    /** Records a finding of {@code rule} on {@code element}, scored by {@link Scoring}. */
    public void record(
            RuleMetadata rule,
            ElementRef element,
            SourceLocation at,
            String explanation,
            Factor likelihood,
            Factor impact) {
        record(rule, element, at, explanation, likelihood, impact, rule.mitigations());
    }

    /** As {@link #record}, with fixes fitted to the element instead of the rule's general ones. */
    public void record(
            RuleMetadata rule,
            ElementRef element,
            SourceLocation at,
            String explanation,
            Factor likelihood,
            Factor impact,
            List<String> mitigations) {
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
                Scoring.sentence(likelihood, impact),
                mitigations,
                Optional.empty(),
                rule.rootCause()));
    }

    /** What was recorded so far, in order. */
    public List<Finding> findings() {
        return findings;
    }
}
