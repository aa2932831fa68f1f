package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {

    private static final List<String> STAGES =
            List.of(AssessedModel.READING, AssessedModel.STAGES.get(1), "rendering html", "rendering pdf");

    @Test
    void theLineShowsTheBarTheStageAndTheTime() {
        assertThat(ProgressLine.render(STAGES, 0, 1_250, 80))
                .isEqualTo("mamori [░░░░░░░░░░░░░░░░░░░░] 1/4 reading and validating the model  1.3 s");
        assertThat(ProgressLine.render(STAGES, 2, 9_000, 80))
                .isEqualTo("mamori [██████████░░░░░░░░░░] 3/4 rendering html  9.0 s");
        assertThat(ProgressLine.render(STAGES, 3, 61_000, 80)).startsWith("mamori [███████████████░░░░░] 4/4 ");
    }

    @Test
    void aLongStageIsCutSoThatTheLineNeverWraps() {
        String line = ProgressLine.render(STAGES, 1, 12_345, 60);
        assertThat(line)
                .hasSizeLessThan(60)
                .endsWith("…  12.3 s")
                .startsWith("mamori [█████░░░░░░░░░░░░░░░] 2/4 assessing");
        assertThat(ProgressLine.render(STAGES, 1, 0, 20)).doesNotContain("assessing");
    }

    @Test
    void aQuickRunShowsNothingAndALongOneIsDrawnInPlaceAndWipedAtTheEnd() {
        StringWriter err = new StringWriter();
        PrintWriter writer = new PrintWriter(err, true);
        Progress progress = Progress.drawnBy(writer, STAGES);
        progress.paint(Progress.QUIET_MILLIS - 1);
        assertThat(err.toString()).isEmpty();
        progress.stage("rendering html");
        progress.paint(2_000);
        assertThat(err.toString()).isEqualTo("\r" + ProgressLine.render(STAGES, 2, 2_000, Progress.WIDTH) + "\u001b[K");
        // the command's own lines wipe the bar first, so that they stand alone on their line
        progress.println(writer, "mamori: wrote out/report.html");
        assertThat(err.toString()).endsWith("\r\u001b[Kmamori: wrote out/report.html" + System.lineSeparator());
        progress.paint(2_200);
        progress.close();
        assertThat(err.toString()).endsWith("\u001b[K\r\u001b[K");
    }

    @Test
    void theAssessmentIsFollowedAnalysisByAnalysis() {
        assertThat(AssessedModel.STAGES)
                .containsExactly(
                        AssessedModel.READING,
                        "assessing: risk rules",
                        "assessing: systemic risk",
                        "assessing: missions",
                        "assessing: compliance");
    }

    @Test
    void withoutATerminalNothingIsDrawn() {
        StringWriter err = new StringWriter();
        Progress.NONE.stage(AssessedModel.STAGES.get(1));
        Progress.NONE.paint(10_000);
        Progress.NONE.close();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aRunWhoseStandardErrorIsNotATerminalPrintsNothingButItsOwnLines(@TempDir Path dir) {
        // Mamori.run is what main calls when there is no console, and what the tests call: no progress
        Cli cli = Cli.run(dir, "report", "--today", "2026-11-22", "--format", "html,markdown", "-o", "out");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.err()).doesNotContain("\r").doesNotContain("\u001b").doesNotContain("mamori [");
        assertThat(cli.err().lines()).containsExactly("mamori: wrote out/report.html", "mamori: wrote out/report.md");
        assertThat(Cli.run(dir, "init").exitCode()).isZero();
        Cli verify = Cli.run(dir, "verify", "--today", "2026-11-22");
        assertThat(verify.exitCode()).as(verify.err()).isIn(0, 4);
        assertThat(verify.err()).isEmpty();
    }
}
