package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MamoriCommandTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static final String VALID = """
            mamori: 1
            landscape: Small
            stakeholders: { ops: { roles: [operator] } }
            systems:
              a: { owner: ops, operator: ops, category: consumer, components: { x: { kind: sensor } } }
            """;

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        Cli cli = Cli.inRepository("--help");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out())
                .contains("Usage: mamori")
                .contains("validate", "init", "schema", "convert")
                .contains("Exit codes:")
                .contains("1   the model is invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "init", "schema", "convert", "generate", "assess", "rules", "help"})
    void everyCommandHasHelp(String command) {
        Cli cli = Cli.inRepository(command, "--help");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("Usage: mamori " + command);
        if (!command.equals("help")) {
            assertThat(cli.out()).contains("Exit codes:");
        }
    }

    @Test
    void versionNamesTheLanguageVersion() {
        Cli cli = Cli.inRepository("--version");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("mamori ").contains("model language version 1");
        assertThat(cli.out())
                .contains("Java " + System.getProperty("java.version") + " (")
                .contains(System.getProperty("java.home"));
    }

    @Test
    void noCommandIsAUsageError() {
        Cli cli = Cli.inRepository();
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("name a command");
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        Cli cli = Cli.inRepository("validate", "--frobnicate");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void aValidModelExitsZeroWithASummary() throws IOException {
        write("m.yaml", VALID);
        Cli cli = Cli.run(dir, "validate", "m.yaml");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out())
                .isEqualTo(
                        "valid: Small (1 file, 1 stakeholder, 1 system, 1 component, 0 flows, 0 missions), 0 warnings\n");
    }

    @Test
    void anInvalidModelExitsOneWithEveryErrorLocated() throws IOException {
        write("m.yaml", VALID.replace("kind: sensor", "kind: sensr, count: -1"));
        Cli cli = Cli.run(dir, "validate", "m.yaml");
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out().lines().toList())
                .containsExactly(
                        "m.yaml:5:80: error: 'sensr' is not a known component kind; did you mean 'sensor'? (add a new word"
                                + " under 'vocabulary: component-kinds')",
                        "m.yaml:5:94: error: 'count' is -1, expected a whole number from 1 to 1000000000",
                        "invalid: 2 errors, 0 warnings");
    }

    @Test
    void jsonDiagnosticsCarryFileLineColumnAndCode() throws IOException {
        write("m.yaml", VALID.replace("operator: ops, category", "operator: ops, categry"));
        Cli cli = Cli.run(dir, "validate", "--format", "json", "m.yaml");
        assertThat(cli.exitCode()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("errors").asInt()).isEqualTo(2);
        JsonNode first = json.get("diagnostics").get(0);
        assertThat(first.get("file").asText()).isEqualTo("m.yaml");
        assertThat(first.get("line").asInt()).isEqualTo(5);
        assertThat(first.get("code").asText()).isIn("unknown-key", "missing-key");
    }

    @Test
    void aMissingFileIsAUsageError() {
        Cli cli = Cli.run(dir, "validate", "nothing.yaml");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("no such file: nothing.yaml");
    }

    @Test
    void withoutFilesValidateReadsMamoriYamlOrSaysHow() throws IOException {
        Cli none = Cli.run(dir, "validate");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("no model given", "mamori init");
        write("mamori.yaml", VALID);
        assertThat(Cli.run(dir, "validate").exitCode()).isZero();
    }

    @Test
    void todayCanBeFixedForReproducibleRuns() throws IOException {
        write(
                "m.yaml",
                VALID
                        + "treatments:\n  - { rule: default-credentials, status: accepted, reason: r, until: 2027-01-01 }\n");
        assertThat(Cli.run(dir, "validate", "--today", "2026-12-31", "m.yaml").out())
                .contains("0 warnings");
        assertThat(Cli.run(dir, "validate", "--today", "2027-01-02", "m.yaml").out())
                .contains("lapsed on 2027-01-01");
        assertThat(Cli.run(dir, "validate", "--today", "tomorrow", "m.yaml").exitCode())
                .isEqualTo(2);
    }

    @Test
    void initWritesAStarterThatValidatesAndNeverOverwritesUnasked() throws IOException {
        Cli init = Cli.run(dir, "init");
        assertThat(init.exitCode()).isZero();
        assertThat(init.out()).contains("wrote mamori.yaml");
        Cli validate = Cli.run(dir, "validate", "mamori.yaml");
        assertThat(validate.exitCode()).as(validate.out()).isZero();
        assertThat(validate.out()).contains("0 warnings");
        assertThat(Files.readString(dir.resolve("mamori.yaml"))).contains("# ");
        Cli again = Cli.run(dir, "init");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already exists", "--force");
        assertThat(Cli.run(dir, "init", "--force").exitCode()).isZero();
        assertThat(Cli.run(dir, "init", "sub/dir/model.yaml").exitCode()).isZero();
        assertThat(dir.resolve("sub/dir/model.yaml")).exists();
    }

    /**
     * Issue 14: the starter validated but then failed its own gate (5 HIGH findings, verify exit 4)
     * and its degraded mode needed nothing. A new user's first model is a small, good design.
     */
    @Test
    void theStarterPassesTheDefaultGateAndShowsWhereDevicesGo() throws IOException {
        assertThat(Cli.run(dir, "init").exitCode()).isZero();
        Cli verify = Cli.run(dir, "verify", "--today", "2026-11-22", "mamori.yaml");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("PASS: no open finding at or above high", "at or above high: none");
        String starter = Files.readString(dir.resolve("mamori.yaml"));
        assertThat(starter)
                .contains("# Add your own devices here")
                .contains("# Add a flow for every link of a new device")
                .contains("needs: building.thermostat");
    }

    @Test
    void schemaPrintsAJsonSchemaAndMarkdown() throws IOException {
        Cli cli = Cli.inRepository("schema");
        assertThat(cli.exitCode()).isZero();
        JsonNode schema = new ObjectMapper().readTree(cli.out());
        assertThat(schema.get("$schema").asText()).contains("2020-12");
        assertThat(schema.get("$defs").has("component")).isTrue();
        assertThat(Cli.inRepository("schema", "--format", "markdown").out()).contains("### component\n");
        assertThat(Cli.run(dir, "schema", "-o", "s.json").exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("s.json"))).isEqualTo(cli.out());
    }

    @Test
    void convertGivesTheSameModelInTheOtherSyntax() throws IOException {
        write("m.yaml", VALID + "missions:\n  m: { needs: [a.x], rto: 15m }\n");
        Cli json = Cli.run(dir, "convert", "m.yaml", "--to", "json", "-o", "m.json");
        assertThat(json.exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("m.json")))
                .contains("\"mamori\" : 1")
                .contains("\"rto\" : \"15m\"");
        Cli back = Cli.run(dir, "convert", "m.json", "--to", "yaml", "-o", "back.yaml");
        assertThat(back.exitCode()).isZero();
        String summary = Cli.run(dir, "validate", "m.yaml").out();
        assertThat(Cli.run(dir, "validate", "m.json").out()).isEqualTo(summary);
        assertThat(Cli.run(dir, "validate", "back.yaml").out()).isEqualTo(summary);
    }

    @Test
    void convertReportsUnreadableFilesLocated() throws IOException {
        write("bad.yaml", "mamori: 1\nx: [\n");
        Cli cli = Cli.run(dir, "convert", "bad.yaml", "--to", "json");
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).startsWith("bad.yaml:3:1: error: the file is not valid YAML");
    }

    @Test
    void generatedLandscapesAreValidAndDeterministic() throws IOException {
        Cli yaml = Cli.run(dir, "generate", "--systems", "4", "--components", "12", "-o", "g.yaml");
        assertThat(yaml.exitCode()).isZero();
        Cli validate = Cli.run(dir, "validate", "g.yaml");
        assertThat(validate.exitCode()).as(validate.out()).isZero();
        assertThat(validate.out()).contains("4 systems, 48 components", "4 missions", "0 warnings");
        assertThat(Cli.run(dir, "generate", "--systems", "4", "--components", "12")
                        .out())
                .isEqualTo(Files.readString(dir.resolve("g.yaml")));
        assertThat(Cli.run(dir, "generate", "--systems", "4", "--components", "12", "--seed", "2")
                        .out())
                .isNotEqualTo(Files.readString(dir.resolve("g.yaml")));
        assertThat(Cli.run(dir, "generate", "--format", "json", "--systems", "2", "-o", "g.json")
                        .exitCode())
                .isZero();
        assertThat(Cli.run(dir, "validate", "g.json").out()).contains("2 systems, 200 components");
        assertThat(Cli.run(dir, "generate", "--components", "3").exitCode()).isEqualTo(2);
    }

    @Test
    void severalFilesFormOneLandscape() throws IOException {
        write("a.yaml", VALID);
        write(
                "b.yaml",
                "mamori: 1\nsystems:\n  b: { owner: ops, operator: ops, category: consumer, components: { y: { kind: cloud } } }\n"
                        + "flows:\n  - { from: a.x, to: b.y, protocol: mqtt, agreement: DPA-1 }\n");
        Cli cli = Cli.run(dir, "validate", "a.yaml", "b.yaml");
        assertThat(cli.exitCode()).as(cli.out()).isZero();
        assertThat(cli.out()).contains("2 files", "2 systems", "1 flow,");
        assertThat(List.of(cli.err())).containsExactly("");
    }
}
