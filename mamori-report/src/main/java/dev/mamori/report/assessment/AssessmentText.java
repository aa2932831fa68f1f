package dev.mamori.report.assessment;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.Property;
import dev.mamori.engine.risk.RiskAssessment;
import dev.mamori.engine.risk.Severity;
import dev.mamori.model.Landscape;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.report.text.Count;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The assessment as a terminal summary: counts, then the top findings, each explained and located. */
public final class AssessmentText {

    private AssessmentText() {}

    /**
     * Writes the summary to {@code out} as it goes: with every finding ({@code --all}) it is 1.6 KB
     * of text per component, more than is worth holding as one string.
     *
     * @param top how many open findings to show in full (all of them when negative)
     */
    public static void write(Assessment assessment, int top, Writer out) throws IOException {
        Landscape landscape = assessment.landscape();
        RiskAssessment risk = assessment.risk();
        out.append(landscape.name())
                .append(String.format(
                        " — %s, %s, %s; %s, judged on %s%n",
                        Count.of(landscape.systems().size(), "system"),
                        Count.of(landscape.components().size(), "component"),
                        Count.of(landscape.allFlows().size(), "flow"),
                        Count.of(risk.rulesRun(), "rule"),
                        assessment.today()));
        for (Diagnostic d : assessment.diagnostics()) {
            out.append(d.toString()).append('\n');
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
        // One line per problem: findings of one root cause on one element (an unauthenticated
        // command flow that three rules see) are one thing to fix, so the top ten are ten problems.
        List<RiskAssessment.Problem> problems = risk.openProblems();
        List<RiskAssessment.Problem> shown = top < 0 ? problems : problems.subList(0, Math.min(top, problems.size()));
        if (!shown.isEmpty()) {
            out.append(top < 0 ? "\nFindings:\n" : "\nTop findings:\n");
        }
        for (RiskAssessment.Problem problem : shown) {
            appendFinding(out, problem.lead());
            Optional<String> wayIn = problem.wayIn();
            if (wayIn.isPresent()) {
                out.append("         first, a way in: ").append(wayIn.get()).append('\n');
            }
            if (problem.findings().size() > 1) {
                out.append("         the same problem, also seen by: ")
                        .append(String.join(
                                ", ",
                                problem.findings().subList(1, problem.findings().size()).stream()
                                        .map(f -> f.rule() + " (" + f.severity().word() + ")")
                                        .toList()))
                        .append('\n');
            }
        }
        if (shown.size() < problems.size()) {
            int rest = 0;
            for (RiskAssessment.Problem problem : problems.subList(shown.size(), problems.size())) {
                rest += problem.findings().size();
            }
            out.append(String.format(
                    "%n... and %s (%s): --all lists them, --format json writes everything.%n",
                    Count.of(problems.size() - shown.size(), "more problem"), Count.of(rest, "open finding")));
        }
    }

    private static final String EIGHT_SPACES = "        ";

    private static void appendFinding(Writer out, Finding f) throws IOException {
        // As String.format("%n%-8s %s  %s  %s:%d%n", ...) wrote it, without a formatter per finding.
        String severity = f.severity().name();
        out.append(System.lineSeparator())
                .append(severity)
                .append(EIGHT_SPACES, 0, Math.max(0, 8 - severity.length()))
                .append(' ')
                .append(f.rule())
                .append("  ")
                .append(f.element().id())
                .append("  ")
                .append(f.location().file())
                .append(':')
                .append(Integer.toString(f.location().line()))
                .append(System.lineSeparator());
        out.append("         ").append(f.explanation()).append('\n');
        out.append("         ").append(f.scoring()).append('\n');
        if (f.treatment().isPresent()) {
            out.append("         treatment: ")
                    .append(f.treatment().get().describe())
                    .append('\n');
        }
        out.append("         fix: ").append(f.mitigations().get(0)).append('\n');
    }
}
