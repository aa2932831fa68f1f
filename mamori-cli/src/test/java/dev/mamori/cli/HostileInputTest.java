package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: a pull request that edits a model must not make CI read files the user did not name,
 * print them, hang, or run out of memory. Each case checks the exit code and the located message.
 */
class HostileInputTest {

    private static final String MODEL = """
            mamori: 1
            landscape: Shop
            stakeholders:
              ops: { roles: [operator, data-owner, manufacturer] }
            systems:
              shop:
                owner: ops
                operator: ops
                category: enterprise
                components:
                  hub: { kind: gateway }
            """;

    @TempDir
    Path temp;

    private Path write(String name, String text) throws IOException {
        Path file = temp.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private Cli validate(String extra) throws IOException {
        write("land/main.yaml", MODEL + extra);
        return Cli.run(temp, "validate", "land/main.yaml");
    }

    private static String printed(Cli cli) {
        return cli.out() + cli.err();
    }

    @Test
    void anAbsoluteImportIsALocatedErrorWithoutTheFilesContent() throws IOException {
        Path secret = write("shadow", "root:$6$secrethash:19000:0:99999:7:::\n");
        Cli cli = validate("imports: ['" + secret + "']\n");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(printed(cli))
                .contains("land/main.yaml:12:11: error: cannot import '" + secret + "': imports are paths relative")
                .doesNotContain("secrethash")
                .doesNotContain("Exception");
    }

    @Test
    void anImportOutOfTheLandscapeFolderIsRefused() throws IOException {
        write("outside.yaml", "mamori: 1\nsecret-key: hunter2\n");
        Cli cli = validate("imports: [../outside.yaml]\n");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(printed(cli))
                .contains("land/main.yaml:12:11: error: cannot import '../outside.yaml': imports, includes and catalogs"
                        + " must stay inside the landscape folder " + temp.resolve("land"))
                .doesNotContain("hunter2")
                .doesNotContain("secret-key");
    }

    @Test
    void aSecretsFileIsNotEchoed() throws IOException {
        write("land/.env", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI\n");
        Cli cli = validate("imports: [.env]\n");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(printed(cli))
                .contains("land/main.yaml:12:11: error: cannot import '.env': land/.env is not a Mamori model")
                .doesNotContain("AKIA")
                .doesNotContain("wJalr");
    }

    @Test
    void aFifoIsRefusedWithoutHanging() throws Exception {
        Path fifo = temp.resolve("land/pipe.yaml");
        Files.createDirectories(fifo.getParent());
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available");
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        Cli cli = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> validate("imports: [pipe.yaml]\n"));
        assertThat(cli.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(printed(cli))
                .contains("land/main.yaml:12:11: error: cannot import 'pipe.yaml': land/pipe.yaml is"
                        + " not a regular file but a device, FIFO or socket");
    }

    @Test
    void aDeviceImportedThroughALinkIsRefused() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
        Files.createDirectories(temp.resolve("land"));
        Files.createSymbolicLink(temp.resolve("land/zero.yaml"), Path.of("/dev/zero"));
        Cli cli = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> validate("imports: [zero.yaml]\n"));
        assertThat(cli.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(printed(cli))
                .contains("land/main.yaml:12:11: error: cannot import 'zero.yaml': imports, includes and catalogs must"
                        + " stay inside the landscape folder");
    }

    @Test
    void aCatalogOutOfTheLandscapeFolderIsRefused() throws IOException {
        write("catalog.yaml", "requirements: {}\n");
        Cli cli = validate("catalogs: [../catalog.yaml]\n");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(printed(cli))
                .contains("land/main.yaml:12:12: error: cannot read the catalog '../catalog.yaml': imports, includes"
                        + " and catalogs must stay inside the landscape folder");
    }

    @Test
    void anAbsoluteCatalogIsRefused() throws IOException {
        Cli cli = validate("catalogs: [/etc/passwd]\n");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(printed(cli))
                .contains("land/main.yaml:12:12: error: cannot read the catalog '/etc/passwd'", "this one is absolute")
                .doesNotContain("root:");
    }

    @Test
    void anAliasBombIsALocatedError() throws IOException {
        StringBuilder bomb = new StringBuilder("a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'k'; c++) {
            bomb.append("x").append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = c;
        }
        Cli cli = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> validate(bomb.toString()));
        assertThat(cli.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(printed(cli)).contains("land/main.yaml:18:9: error: aliases in this file expand to more than");
    }

    @Test
    void aThreagileModelWithMergeKeysIsRead() {
        Path fixtures =
                Cli.REPOSITORY.resolve("mamori-import-threagile/src/test/resources/dev/mamori/imports/threagile");
        Cli cli = Cli.run(fixtures, "validate", "broken/alias.yaml");
        assertThat(printed(cli))
                .contains("valid: Anchors", "data asset anchors.second")
                .doesNotContain("error:")
                .doesNotContain("yq");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.OK);
    }

    /**
     * Out of memory is reported on one line with exit 3 and no stack trace. A JVM of its own, with a
     * heap too small for a 20 MB description, is the one way to run out for certain.
     */
    @Test
    void runningOutOfMemoryIsOneLineAndExitCode3() throws Exception {
        byte[] prefix = "mamori: 1\ndescription: ".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(prefix, prefix.length + 20 * 1024 * 1024 + 1);
        Arrays.fill(bytes, prefix.length, bytes.length - 1, (byte) 'x');
        bytes[bytes.length - 1] = '\n';
        Files.write(temp.resolve("big.yaml"), bytes);
        Path javaCommand = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        javaCommand.toString(),
                        "-Xmx32m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Mamori.class.getName(),
                        "validate",
                        "big.yaml")
                .directory(temp.toFile())
                .redirectErrorStream(true)
                .start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(printed).isEqualTo(ExitCode.INTERNAL);
        assertThat(printed)
                .contains("mamori: internal error: out of memory (Java may use")
                .doesNotContain("OutOfMemoryError")
                .doesNotContain("\tat ");
    }

    @Test
    void aBadDateOnTheCommandLineSaysWhatADateLooksLike() throws IOException {
        write("land/main.yaml", MODEL);
        Cli cli = Cli.run(temp, "validate", "--today", "2026-13-45", "land/main.yaml");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err())
                .contains("Invalid value for option '--today': expected a date like 2026-01-31, not '2026-13-45'")
                .doesNotContain("java.");
    }

    @Test
    void generatorSizesAreCappedAsAUsageError() {
        Cli cli = Cli.run(temp, "generate", "--components", "2147483647");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("a generated landscape has at most 1000000 components");
        Cli flows = Cli.run(temp, "generate", "--flows", "1e9");
        assertThat(flows.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(flows.err()).contains("--flows must be between 0 and 100");
    }
}
