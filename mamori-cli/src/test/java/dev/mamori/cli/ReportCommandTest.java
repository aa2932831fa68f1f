package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path dir;

    @Test
    void sarifAloneIsPrinted() throws IOException {
        Cli cli = Cli.inRepository(
                "report", "--today", "2026-11-22", "--format", "sarif", "examples/smart-home/home.yaml");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode sarif = new ObjectMapper().readTree(cli.out());
        assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .startsWith("examples/smart-home/");
    }

    @Test
    void markdownAloneIsPrintedAndTopLimitsIt() {
        Cli cli = Cli.run(dir, "report", "--today", "2026-11-22", "--format", "markdown", "--top", "2");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .startsWith("# Bayside Stadium event-day operations — Mamori assessment")
                .contains("## Heat map")
                .contains("## Systemic risk");
        assertThat(cli.out().lines().filter(l -> l.matches("\\| (critical|high|medium|low|info) \\| `.*")))
                .hasSize(2);
    }

    @Test
    void formatsGoIntoTheDirectory() throws IOException {
        Cli cli = Cli.run(dir, "report", "--today", "2026-11-22", "--format", "sarif,markdown", "-o", "out");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.err()).contains("mamori: wrote out/report.sarif").contains("mamori: wrote out/report.md");
        assertThat(Files.readString(dir.resolve("out/report.md"))).contains("## Open findings");
        JsonNode sarif =
                new ObjectMapper().readTree(dir.resolve("out/report.sarif").toFile());
        assertThat(sarif.at("/runs/0/properties/landscape").asText()).isEqualTo("Bayside Stadium event-day operations");
    }

    @Test
    void htmlAndEveryDiagramAloneWithTheIsolationPlanDrawn() throws IOException {
        Cli cli = Cli.run(
                dir, "report", "--today", "2026-11-22", "--protect", "access", "--format", "html,svg", "-o", "out");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        String html = Files.readString(dir.resolve("out/report.html"));
        assertThat(html).contains("<section id=\"systemic\">").contains("Isolation plan: keep ");
        String systemic = Files.readString(dir.resolve("out/diagrams/systemic.svg"));
        assertThat(systemic)
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("<g class=\"cut\"><title>cut or harden ");
        for (String system : new String[] {"access", "cctv", "ticketing", "telco"}) {
            assertThat(Files.readString(dir.resolve("out/diagrams/system-" + system + ".svg")))
                    .contains("System " + system + ":")
                    .contains("layer</text>");
        }
        assertThat(Files.readString(dir.resolve("out/diagrams/landscape.svg"))).contains("Landscape: Bayside Stadium");
    }

    @Test
    void htmlAndPdfTogetherAndTheRenderersPrintNothing() throws IOException {
        Cli cli = Cli.run(dir, "report", "--today", "2026-11-22", "--format", "html,pdf", "-o", "out");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        // only the shell speaks: no logging of the PDF layout reaches the terminal
        assertThat(cli.err().lines()).containsExactly("mamori: wrote out/report.html", "mamori: wrote out/report.pdf");
        byte[] pdf = Files.readAllBytes(dir.resolve("out/report.pdf"));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(pdf.length).isGreaterThan(50_000);
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Cli cli = Cli.run(dir, "report", "--format", "docx");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("docx");
    }

    @Test
    void anUnwritableDirectoryIsAUsageError() throws IOException {
        Files.writeString(dir.resolve("taken"), "a file, not a directory");
        Cli cli = Cli.run(dir, "report", "--format", "sarif", "-o", "taken");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("taken is a file; this format writes several files into a folder");
    }
}
