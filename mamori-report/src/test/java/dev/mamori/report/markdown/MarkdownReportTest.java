package dev.mamori.report.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.risk.Severity;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.report.Assessed;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void theSummaryCountsWhatTheAssessmentFound() {
        Assessment assessment = Assessed.model("m.yaml", Assessed.SHOP);
        String md = MarkdownReport.render(assessment, -1);
        var bySeverity = assessment.risk().openBySeverity();
        assertThat(md)
                .startsWith("# Shop — Mamori assessment\n")
                .contains("1 system, 2 components, 0 flows; ")
                .contains("judged on 2026-11-22")
                .contains("| " + assessment.risk().open().size() + " | " + bySeverity.get(Severity.CRITICAL) + " | "
                        + bySeverity.get(Severity.HIGH) + " | " + bySeverity.get(Severity.MEDIUM) + " | ");
    }

    @Test
    void findingsAreGroupedBySystemWithLayerLocationWhyAndFix() {
        String md = MarkdownReport.render(Assessed.model("m.yaml", Assessed.SHOP), -1);
        assertThat(md)
                .contains("<details><summary><b>shop</b>: ")
                .containsPattern(
                        "\\| low \\| `device-exposed-to-internet` \\| shop\\.cam \\| device \\| m\\.yaml:10 \\| the device shop\\.cam is exposed to the internet")
                .contains("## Closed by a treatment")
                .contains("| `default-credentials` | shop.cam | accepted by ops until 2027-01-01: decoy camera |");
    }

    @Test
    void theHeatMapCountsOpenFindingsByLikelihoodAndImpact() {
        Assessment assessment = Assessed.model("m.yaml", Assessed.SHOP);
        String md = MarkdownReport.render(assessment, -1);
        // every open finding of the shop is counted once in its cell: the row of its likelihood
        var open = assessment.risk().open();
        for (var f : open) {
            long same = open.stream()
                    .filter(o -> o.likelihood().level() == f.likelihood().level()
                            && o.impact().level() == f.impact().level())
                    .count();
            String row = md.lines()
                    .filter(l -> l.startsWith("| **" + f.likelihood().level() + "**"))
                    .findFirst()
                    .orElseThrow();
            String cell = row.split(" \\| ")[f.impact().level()];
            assertThat(cell).as(row).startsWith(same + " " + f.severity().word());
        }
    }

    @Test
    void textFromTheModelCannotBreakTheTableOrInjectHtml() {
        assertThat(MarkdownReport.cell("a | b <script>x</script> *bold*"))
                .isEqualTo("a \\| b &lt;script&gt;x&lt;/script&gt; \\*bold\\*");
    }

    @Test
    void topLimitsTheListButNotTheCounts() {
        Assessment venue = Assessed.example("venue/landscape.yaml");
        String md = MarkdownReport.render(venue, 5);
        assertThat(md.lines().filter(l -> l.matches("\\| (critical|high|medium|low|info) \\| `.*")))
                .hasSize(5);
        assertThat(md).contains("… and " + (venue.risk().openProblems().size() - 5) + " more problems");
    }

    /** Issue 14: the rules that see one problem on one element share its row. */
    @Test
    void oneRowPerProblem() {
        Assessment venue = Assessed.example("venue/landscape.yaml");
        String md = MarkdownReport.render(venue, -1);
        assertThat(md)
                .contains("| `internet-to-control-zone-flow`, also `remote-access-into-control-zone` | "
                        + "access.vendor-remote-support |");
        assertThat(md.lines().filter(l -> l.matches("\\| (critical|high|medium|low|info) \\| `.*")))
                .hasSize(venue.risk().openProblems().size());
    }

    @Test
    void theSystemicSectionShowsPathsBlastRadiusAndTheIsolationPlan() {
        Assessment venue = Assessed.example(
                "venue/landscape.yaml",
                new SystemicAnalyzer.Options(Optional.empty(), Optional.of("access"), List.of()));
        String md = MarkdownReport.render(venue, 0);
        var s = venue.systemic();
        assertThat(s.paths()).isNotEmpty();
        assertThat(md)
                .contains("## Systemic risk")
                .contains("an attacker can control " + s.controlledComponents() + " components")
                .contains("### Paths into other systems")
                .contains("**" + MarkdownReport.inline(s.paths().get(0).target()) + "**")
                .contains("### Blast radius")
                .contains("| " + s.blastRadius().get(0).system() + " | "
                        + s.blastRadius().get(0).score() + " |")
                .contains("### Isolation plan: keep ");
        var plan = s.isolation().orElseThrow();
        if (!plan.alreadyIsolated()) {
            assertThat(md)
                    .contains("| " + MarkdownReport.cell(plan.cuts().get(0).element()) + " |");
        }
        // the access system's exposed components are taken out of outsiders' reach: checked
        assertThat(plan.verified()).isTrue();
        assertThat(md).contains("exposure of access.lte-router");

        // an attacker assumed to start inside the system cannot be kept out of it: the plan says so
        Assessment inside = Assessed.example(
                "venue/landscape.yaml",
                new SystemicAnalyzer.Options(Optional.of("access.lte-router"), Optional.of("access"), List.of()));
        var held = inside.systemic().isolation().orElseThrow();
        assertThat(held.verified()).isFalse();
        assertThat(MarkdownReport.render(inside, 0))
                .contains("**NOT ISOLATED by the relations the model offers: with these cuts applied, still reaching"
                        + " access: ")
                .contains(MarkdownReport.inline(held.stillReaching().get(0)));
    }

    @Test
    void missionsAndScenariosAreTablesWithObjectivesAndRestoration() {
        Assessment venue = Assessed.example("venue/landscape.yaml");
        String md = MarkdownReport.render(venue, 10);
        assertThat(md)
                .contains("## Missions and scenarios")
                .contains("| **spectator-transport** | ")
                .contains(" | transport.shuttle-buses | ")
                .contains("| **safe-evacuation** | ")
                .contains(" | access.emergency-release | ")
                // the needs as the model states them, not flattened into a list of components
                .contains(
                        "| **spectator-entry** | all of: access.gate-controllers, access.gate-management, at least 2 of"
                                + " (access.turnstiles-north, access.turnstiles-south, access.turnstiles-east,"
                                + " access.turnstiles-west), any of (flow ticket-validation,"
                                + " access.offline-validation-list), access.emergency-release | ")
                .contains("### Scenario gate-ransomware: Ransomware on the gate management server")
                .contains("| spectator-entry | stopped | 1d2h30m | 15m | 45m | **missed** | ")
                .contains(
                        "| crowd-safety-monitoring | degraded (steward-radio-reports) | 45m | 5m | 15m | **missed** | ")
                .contains("<details><summary>Restoration: 7 steps</summary>")
                .contains("| 2h | 1d2h | access.gate-controllers | compromised | ")
                .contains("### Robustness")
                .containsPattern("\\| missions running, on average \\| 100% \\|( \\d+% \\|){10}\n");
    }

    @Test
    void complianceGivesVerdictCountsCoverageAndTheUnmetRequirementsWithTheirGap() {
        Assessment venue = Assessed.example("venue/landscape.yaml");
        String md = MarkdownReport.render(venue, 10);
        var telco = venue.compliance().systems().stream()
                .filter(s -> s.system().equals("telco"))
                .findFirst()
                .orElseThrow()
                .counts();
        assertThat(md)
                .contains("## Compliance")
                .contains("Catalog mamori 2026.2; jurisdictions: jp.")
                .contains("| telco | critical-infrastructure | "
                        + telco.get(dev.mamori.engine.compliance.Verdict.SATISFIED) + " | "
                        + telco.get(dev.mamori.engine.compliance.Verdict.NOT_SATISFIED) + " | ")
                .contains("ETSI EN 303 645 V3.1.3 (2024-09) mandatory provisions: ")
                .contains("<details><summary><b>telco</b>: 8 requirements not satisfied</summary>")
                .contains("| essential | `security-monitoring` Security events are recorded and watched | "
                        + "`anomaly-monitoring`: ");
    }
}
