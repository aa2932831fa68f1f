package dev.mamori.report.assessment;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.Property;
import dev.mamori.engine.risk.RiskAssessment;
import dev.mamori.engine.risk.Severity;
import dev.mamori.model.Landscape;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.report.text.Count;
import java.util.List;
import java.util.Map;

/** The assessment as a terminal summary: counts, then the top findings, each explained and located. */
public final class AssessmentText {

    private AssessmentText() {}

    /**
     * @param top how many open findings to show in full (all of them when negative)
     */
    public static String render(Assessment assessment, int top) {
        Landscape landscape = assessment.landscape();
        RiskAssessment risk = assessment.risk();
        StringBuilder out = new StringBuilder();
        out.append(landscape.name())
                .append(String.format(
                        " — %s, %s, %s; %s, judged on %s%n",
                        Count.of(landscape.systems().size(), "system"),
                        Count.of(landscape.components().size(), "component"),
                        Count.of(landscape.allFlows().size(), "flow"),
                        Count.of(risk.rulesRun(), "rule"),
                        assessment.today()));
        for (Diagnostic d : assessment.diagnostics()) {
            out.append(d).append('\n');
        }
        List<Finding> open = risk.open();
        int treated = risk.findings().size() - open.size();
        Map<Severity, Integer> bySeverity = risk.openBySeverity();
        out.append(String.format(
                "%nOpen findings: %d critical, %d high, %d medium, %d low, %d info (%d closed by a treatment)%n",
                bySeverity.get(Severity.CRITICAL),
                bySeverity.get(Severity.HIGH),
                bySeverity.get(Severity.MEDIUM),
                bySeverity.get(Severity.LOW),
                bySeverity.get(Severity.INFO),
                treated));
        Map<Property, Integer> byProperty = risk.openByProperty();
        out.append(String.format(
                "Threatened: safety %d, confidentiality %d, integrity %d, availability %d%n",
                byProperty.get(Property.SAFETY),
                byProperty.get(Property.CONFIDENTIALITY),
                byProperty.get(Property.INTEGRITY),
                byProperty.get(Property.AVAILABILITY)));
        List<Finding> shown = top < 0 ? open : open.subList(0, Math.min(top, open.size()));
        if (!shown.isEmpty()) {
            out.append(top < 0 ? "\nFindings:\n" : "\nTop findings:\n");
        }
        for (Finding f : shown) {
            appendFinding(out, f);
        }
        if (shown.size() < open.size()) {
            out.append(String.format(
                    "%n... and %d more open findings: --all lists them, --format json writes everything.%n",
                    open.size() - shown.size()));
        }
        return out.toString();
    }

    private static void appendFinding(StringBuilder out, Finding f) {
        out.append(String.format(
                "%n%-8s %s  %s  %s:%d%n",
                f.severity().name(),
                f.rule(),
                f.element().id(),
                f.location().file(),
                f.location().line()));
        out.append("         ").append(f.explanation()).append('\n');
        out.append("         ").append(f.scoring()).append('\n');
        f.treatment()
                .ifPresent(t ->
                        out.append("         treatment: ").append(t.describe()).append('\n'));
        out.append("         fix: ").append(f.mitigations().get(0)).append('\n');
    }
}
