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

class DiffCommandTest {

    @TempDir
    Path dir;

    private static final String BEFORE = TestModels.EXPOSED_CAMERA;

    private static final String AFTER = BEFORE.replace("credentials: default-shared", "credentials: unique");

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void twoModelsAreComparedAsText() throws IOException {
        write("old.yaml", BEFORE);
        write("new.yaml", AFTER);
        Cli cli = Cli.run(dir, "diff", "--today", "2026-11-22", "old.yaml", "new.yaml");
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out())
                .startsWith("Shop: 0 new (0 open), 1 resolved")
                .contains("Resolved findings (1):")
                .containsPattern("MEDIUM +default-credentials  shop\\.cam  old\\.yaml:10");
    }

    @Test
    void aSavedAssessmentComparesWithAModel() throws IOException {
        write("old.yaml", BEFORE);
        write("new.yaml", AFTER);
        assertThat(Cli.run(dir, "assess", "--today", "2026-11-22", "--format", "json", "-o", "old.json", "old.yaml")
                        .exitCode())
                .isZero();
        Cli cli = Cli.run(dir, "diff", "--today", "2026-11-22", "--format", "json", "old.json", "new.yaml");
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.at("/summary/resolved").asInt()).isEqualTo(1);
        assertThat(json.at("/resolved/0/rule").asText()).isEqualTo("default-credentials");
        assertThat(json.at("/before/landscape").asText()).isEqualTo("Shop");
    }

    @Test
    void markdownIsForPullRequests() throws IOException {
        write("old.yaml", BEFORE);
        write("new.yaml", AFTER);
        Cli cli = Cli.run(dir, "diff", "--format", "markdown", "new.yaml", "old.yaml");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("### New findings (1)").contains("| `default-credentials` | shop.cam |");
    }

    @Test
    void anInvalidModelOrABrokenAssessmentExitsOne() throws IOException {
        write("old.yaml", BEFORE.replace("kind: camera", "kind: camra"));
        write("new.yaml", AFTER);
        Cli invalid = Cli.run(dir, "diff", "old.yaml", "new.yaml");
        assertThat(invalid.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(invalid.out()).contains("old.yaml:10:");
        write("old.json", "{\"format\": {\"name\": \"mamori-assessment\", \"version\": 7}}");
        Cli wrongVersion = Cli.run(dir, "diff", "old.json", "new.yaml");
        assertThat(wrongVersion.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(wrongVersion.out()).contains("old.json:1:1: error: an assessment in format version 7");
        // A saved assessment cut off part way: its format is read, then the rest fails as JSON.
        assertThat(Cli.run(dir, "assess", "--today", "2026-11-22", "--format", "json", "-o", "whole.json", "new.yaml")
                        .exitCode())
                .isIn(0, 4);
        String whole = Files.readString(dir.resolve("whole.json"));
        write("cut.json", whole.substring(0, whole.length() / 2));
        Cli cut = Cli.run(dir, "diff", "cut.json", "new.yaml");
        assertThat(cut.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(cut.out()).contains("cut.json:1:1: error: not JSON:");
        assertThat(Cli.run(dir, "diff", "missing.yaml", "new.yaml").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    /** A plug whose system is judged under a profile its own landscape's catalog file defines. */
    private static final String PLUG = """
            mamori: 1
            landscape: Plug maker
            catalogs: [own.yaml]
            stakeholders:
              maker: { roles: [manufacturer, operator] }
            systems:
              plug:
                owner: maker
                category: consumer
                profile: our-consumer
                components:
                  unit: { kind: appliance, manufacturer: maker, credentials: unique, update: signed-automatic }
            """;

    @Test
    void eachSideIsJudgedAgainstItsOwnLandscapesCatalog() throws IOException {
        // The bug this guards against: diff assessed against the built-in catalog alone, so a
        // requirement of the landscape's own profile never showed as a change while comply did.
        write("own.yaml", TestModels.OWN_CATALOG);
        write("old.yaml", PLUG);
        write(
                "new.yaml",
                PLUG + "    controls:\n      - { requirement: lab-pass, on: [unit], evidence: lab report 12 }\n");
        Cli cli = Cli.run(dir, "diff", "--today", "2026-11-22", "--format", "json", "old.yaml", "new.yaml");
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.at("/summary/compliance").asInt()).isPositive();
        assertThat(json.at("/compliance").toString()).contains("plug-label");
    }
}
