package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules every command shares: how a usage error reads, how files are written, which numbers
 * are accepted, and that nothing a model says can drive the terminal.
 */
class CommandLineRulesTest {

    @TempDir
    Path dir;

    private void model() throws IOException {
        Files.writeString(dir.resolve("m.yaml"), TestModels.EXPOSED_CAMERA, StandardCharsets.UTF_8);
    }

    @Test
    void aUsageErrorSaysWhyAndWhereToLookInsteadOfPrintingTheWholeHelp() {
        Cli cli = Cli.run(dir, "assess", "--bogus");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().lines().findFirst()).hasValue("mamori: Unknown option: '--bogus'");
        assertThat(cli.err())
                .contains("Run 'mamori assess --help' for its options.")
                .doesNotContain("Usage:");
        assertThat(cli.err().lines().count()).isLessThanOrEqualTo(3);
    }

    @Test
    void aMistypedOptionGetsASuggestion() {
        Cli cli = Cli.run(dir, "assess", "--formt", "json");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("did you mean --format");
    }

    @Test
    void helpIsWrappedOnceToTheTerminalWidth() {
        Cli cli = Cli.run(dir, "assess", "--help");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out().lines())
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        // the description's source lines were joined into one paragraph before picocli wrapped it
        assertThat(CommandHelp.paragraphs(new String[] {"one two", "three", "", "four"}))
                .containsExactly("one two three", "", "four");
    }

    @ParameterizedTest
    @CsvSource({
        "assess, missing/out.json, the folder",
        "comply, missing/out.json, the folder",
        "systemic, missing/out.json, the folder",
        "assess, ., is a folder",
    })
    void anOutputThatCannotBeWrittenIsAUsageErrorWithTheReason(String command, String target, String reason)
            throws IOException {
        model();
        Cli cli = Cli.run(dir, command, "m.yaml", "--today", "2026-11-22", "-o", target);
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(2);
        assertThat(cli.err()).contains(reason).doesNotContain("internal error");
    }

    @Test
    void verifysSarifIntoAMissingFolderSaysWhy() throws IOException {
        model();
        Cli cli = Cli.run(dir, "verify", "m.yaml", "--today", "2026-11-22", "--sarif", "missing/x.sarif");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err())
                .contains("cannot write missing/x.sarif: the folder")
                .contains("does not exist");
    }

    @Test
    void noCommandWritesOverAFileItReads() throws IOException {
        Files.writeString(dir.resolve("m.yaml"), "# keep this comment\n" + TestModels.EXPOSED_CAMERA);
        byte[] before = Files.readAllBytes(dir.resolve("m.yaml"));
        Cli convert = Cli.run(dir, "convert", "m.yaml", "--to", "yaml", "-o", "m.yaml");
        assertThat(convert.exitCode()).isEqualTo(2);
        assertThat(convert.err()).contains("-o m.yaml is a file this command reads");
        Cli assess = Cli.run(dir, "assess", "m.yaml", "--format", "json", "-o", "./m.yaml");
        assertThat(assess.exitCode()).isEqualTo(2);
        assertThat(Files.readAllBytes(dir.resolve("m.yaml"))).isEqualTo(before);
    }

    @Test
    void anExistingOutputIsReplacedAndTheFormatOptionIsTheSameEverywhere() throws IOException {
        model();
        Files.writeString(dir.resolve("out.json"), "old");
        Cli cli = Cli.run(dir, "convert", "m.yaml", "--format", "json", "-o", "out.json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(Files.readString(dir.resolve("out.json"))).startsWith("{");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void aFailedWriteToStandardOutputIsNotASuccess() throws IOException {
        model();
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        StringWriter err = new StringWriter();
        int code = Mamori.run(
                new String[] {"assess", "m.yaml", "--today", "2026-11-22"},
                new PrintWriter(broken),
                new PrintWriter(err),
                dir);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("cannot write to standard output");
    }

    @ParameterizedTest
    @CsvSource({"assess, --top, -1", "systemic, --top, -1", "missions, --samples, -1", "missions, --pairs, -5"})
    void numbersOutsideTheirRangeAreRefused(String command, String option, String value) throws IOException {
        model();
        Cli cli = Cli.run(dir, command, "m.yaml", option, value);
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains(option + " takes a whole number from").contains("not " + value);
    }

    @Test
    void controlCharactersFromTheModelAreShownNotActedOn() throws IOException {
        String name = "Shop\\r\\e[2KPASS: all clear\\u202e";
        Files.writeString(
                dir.resolve("m.yaml"),
                TestModels.EXPOSED_CAMERA.replace("landscape: Shop", "landscape: \"" + name + "\""),
                StandardCharsets.UTF_8);
        Cli cli = Cli.run(dir, "verify", "m.yaml", "--today", "2026-11-22", "--fail-on", "medium");
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(4);
        assertThat(cli.out())
                .doesNotContain("\r")
                .doesNotContain("\u001b")
                .doesNotContain("\u202e")
                .contains("Shop\\r\\e[2KPASS: all clear\\u202e");
        assertThat(cli.out().lines().findFirst().orElseThrow()).startsWith("FAIL:");
    }
}
