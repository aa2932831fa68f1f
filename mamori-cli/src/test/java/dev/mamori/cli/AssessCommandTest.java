package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessCommandTest {

    @TempDir
    Path dir;

    private static final String MODEL =
            TestModels.EXPOSED_CAMERA + "      safe: { kind: camera, credentials: unique }\n";

    private void write(String text) throws IOException {
        Files.writeString(dir.resolve("m.yaml"), text, StandardCharsets.UTF_8);
    }

    @Test
    void theSummaryCountsAndExplainsTheTopFindings() throws IOException {
        write(MODEL);
        Cli cli = Cli.run(dir, "assess", "--today", "2026-11-22", "m.yaml");
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out())
                .contains("Shop — 1 system, 2 components, 0 flows; "
                        + dev.mamori.app.Workspace.allRules().size() + " rules, judged on 2026-11-22")
                .contains("Open findings:")
                .contains("default-credentials  shop.cam  m.yaml:10")
                .contains(
                        "likelihood 5/5 (shop.cam is reachable from the internet; a universal default password is publicly known)")
                .contains("fix: Give every unit its own password");
    }

    @Test
    void jsonHasTheDocumentedFields() throws IOException {
        write(
                MODEL
                        + "treatments:\n  - { rule: default-credentials, on: shop.cam, status: accepted, by: ops, reason: decoy, until: 2027-01-01 }\n");
        Cli cli = Cli.run(dir, "assess", "--today", "2026-11-22", "--format", "json", "-o", "a.json", "m.yaml");
        assertThat(cli.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("a.json").toFile());
        assertThat(json.at("/format/name").asText()).isEqualTo("mamori-assessment");
        assertThat(json.at("/format/version").asInt()).isEqualTo(1);
        assertThat(json.at("/landscape/name").asText()).isEqualTo("Shop");
        assertThat(json.at("/date").asText()).isEqualTo("2026-11-22");
        JsonNode finding = null;
        for (JsonNode f : json.get("findings")) {
            if (f.get("rule").asText().equals("default-credentials")) {
                finding = f;
            }
        }
        assertThat(finding).isNotNull();
        assertThat(finding.get("element").asText()).isEqualTo("shop.cam");
        assertThat(finding.at("/location/file").asText()).isEqualTo("m.yaml");
        assertThat(finding.at("/location/line").asInt()).isEqualTo(10);
        assertThat(finding.get("properties").toString()).isEqualTo("[\"S\",\"C\",\"I\",\"A\"]");
        assertThat(finding.get("explanation").asText()).contains("shop.cam uses a default password");
        assertThat(finding.get("mitigations").size()).isPositive();
        assertThat(finding.get("references").toString()).contains("CWE-1392");
        assertThat(finding.get("status").asText()).isEqualTo("accepted");
        assertThat(finding.get("open").asBoolean()).isFalse();
        assertThat(finding.at("/treatment/until").asText()).isEqualTo("2027-01-01");
        assertThat(json.at("/summary/rules").asInt())
                .isEqualTo(dev.mamori.app.Workspace.allRules().size());
    }

    @Test
    void failOnGatesOnOpenFindings() throws IOException {
        write(MODEL);
        Cli failing = Cli.run(dir, "assess", "--fail-on", "medium", "m.yaml");
        assertThat(failing.exitCode())
                .as("the gate's exit code, not the invalid model's")
                .isEqualTo(4);
        assertThat(failing.err()).contains("at or above medium");
        assertThat(Cli.run(dir, "assess", "--fail-on", "severe", "m.yaml").exitCode())
                .isEqualTo(2);
    }

    @Test
    void anInvalidModelIsNotAssessed() throws IOException {
        write(MODEL.replace("kind: camera,", "kind: camra,"));
        Cli cli = Cli.run(dir, "assess", "m.yaml");
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).contains("m.yaml:10:").contains("did you mean 'camera'?");
    }

    @Test
    void withoutAModelTheBundledExampleIsAssessed() {
        Cli cli = Cli.run(dir, "assess", "--today", "2026-11-22");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .startsWith("Bayside Stadium event-day operations — 9 systems")
                .contains("examples/venue/");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"examples/venue/landscape.yaml", "examples/smart-home/home.yaml", "examples/plant/plant.yaml"})
    void theExamplesAssessWithoutWarningsAndTheirTreatmentsMatch(String example) {
        Cli cli = Cli.inRepository("assess", "--today", "2026-11-22", example);
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).doesNotContain("warning:").containsPattern("\\(([1-9][0-9]*) closed by a treatment\\)");
    }

    @Test
    void rulesAreListedAndExplained() {
        Cli list = Cli.run(dir, "rules");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out())
                .contains("default-credentials")
                .contains("known-exploited-vulnerability")
                .contains("known-vulnerability")
                .contains(dev.mamori.app.Workspace.allRules().size() + " rules.");
        Cli one = Cli.run(dir, "rules", "mqtt-without-tls");
        assertThat(one.out())
                .startsWith("mqtt-without-tls — MQTT without transport encryption")
                .contains("References: CWE-319");
        Cli unknown = Cli.run(dir, "rules", "mqtt-without-tsl");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("did you mean 'mqtt-without-tls'?");
    }
}
