package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input corpus of issue 12, run the way CI runs Mamori: every case in one JVM with a
 * 256 MB heap, each asserting its exit code, the first line it printed, and that it finished within
 * its bound. A case that read without limit, hung or blew up would fail here instead of taking a CI
 * runner down. The bounds are generous guards against hangs and blow-ups, not performance figures
 * (those are in docs/performance.md).
 */
@Tag("slow")
class HostileCorpusTest {

    /** The heap every case shares: far below what an unbounded read of any case would need. */
    private static final String HEAP = "-Xmx256m";

    /** The longest any one case may take (a hang or a super-linear parse would take minutes). */
    private static final long BOUND_MILLIS = 60_000;

    /** One case: its command line, the exit code and the beginning of the first line it must print. */
    record Case(String name, int exit, String firstLine, String... command) {}

    @TempDir
    Path dir;

    private static final String MODEL = """
            mamori: 1
            landscape: Shop
            stakeholders: { ops: { roles: [operator, data-owner, manufacturer] } }
            systems:
              shop:
                owner: ops
                operator: ops
                category: enterprise
                components:
                  cam: { kind: camera, credentials: default-shared, exposure: internet }
            """;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private List<Case> corpus() throws IOException {
        write("land/m.yaml", MODEL);
        write("secret.env", "AWS_ACCESS_KEY_ID=AKIAEXAMPLEEXAMPLE\nAWS_SECRET_ACCESS_KEY=abc\n");
        write("land/absolute.yaml", MODEL + "imports: ['" + dir.resolve("secret.env") + "']\n");
        write("land/escape.yaml", MODEL + "imports: ['../secret.env']\n");
        write("land/catalog-escape.yaml", MODEL + "catalogs: ['../secret.env']\n");
        Files.createSymbolicLink(dir.resolve("land/zero.yaml"), Path.of("/dev/zero"));
        write("land/device.yaml", MODEL + "imports: [zero.yaml]\n");
        StringBuilder bomb = new StringBuilder(MODEL).append("x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("x").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        write("land/bomb.yaml", bomb.toString());
        write("land/deep.yaml", MODEL + "tags: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n");
        write("land/long-scalar.yaml", MODEL.replace("cam: {", "cam: { description: " + "x".repeat(30_000_000) + ","));
        write("land/control.yaml", MODEL.replace("landscape: Shop", "landscape: \"Shop\\r\\e[2KPASS\""));
        Files.write(dir.resolve("land/binary.yaml"), new byte[] {'m', 0, 1, 2, (byte) 0xff, '\n'});
        write("land/duplicate.yaml", MODEL + "landscape: Again\n");
        return List.of(
                new Case("absolute-import", 1, "land/absolute.yaml:", "validate", "land/absolute.yaml"),
                new Case("escaping-import", 1, "land/escape.yaml:", "validate", "land/escape.yaml"),
                new Case("escaping-catalog", 1, "land/catalog-escape.yaml:", "validate", "land/catalog-escape.yaml"),
                new Case("device-import", 1, "land/device.yaml:", "validate", "land/device.yaml"),
                new Case("alias-bomb", 1, "land/bomb.yaml:", "validate", "land/bomb.yaml"),
                new Case("deep-nesting", 1, "land/deep.yaml:", "validate", "land/deep.yaml"),
                new Case("binary", 1, "land/binary.yaml:", "validate", "land/binary.yaml"),
                new Case("duplicate-key", 1, "land/duplicate.yaml:", "validate", "land/duplicate.yaml"),
                new Case("30-MB-scalar", 0, "valid: ", "validate", "land/long-scalar.yaml"),
                new Case("terminal-codes", 4, "FAIL: ", "verify", "land/control.yaml", "--fail-on", "medium"),
                new Case(
                        "huge-generate",
                        2,
                        "mamori: a generated landscape has at most",
                        "generate",
                        "--components",
                        "2147483647"),
                new Case(
                        "negative-top",
                        2,
                        "mamori: --top takes a whole number",
                        "assess",
                        "land/m.yaml",
                        "--top",
                        "-1"),
                new Case(
                        "onto-its-input",
                        2,
                        "mamori: -o land/m.yaml is a file this command reads",
                        "convert",
                        "land/m.yaml",
                        "--format",
                        "yaml",
                        "-o",
                        "land/m.yaml"),
                new Case(
                        "into-a-missing-folder",
                        2,
                        "mamori: cannot write nowhere/x.json",
                        "assess",
                        "land/m.yaml",
                        "--format",
                        "json",
                        "-o",
                        "nowhere/x.json"),
                new Case("gate-without-model", 2, "mamori: no model given", "verify", "--today", "2026-11-22"),
                new Case("bad-date", 2, "mamori: ", "assess", "land/m.yaml", "--today", "tomorrow"));
    }

    @Test
    void everyHostileCaseEndsWithItsCodeAndMessageWithinItsBounds() throws Exception {
        List<Case> cases = corpus();
        List<String> lines = new ArrayList<>();
        for (Case c : cases) {
            lines.add(c.name() + "\t" + String.join("\t", c.command()));
        }
        Path file = dir.resolve("cases.txt");
        Files.write(file, lines, StandardCharsets.UTF_8);
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Files.createTempFile("hostile-corpus", ".log");
        // The folder holds no mamori.yaml, so the gate case finds no model to fall back on.
        Process process = new ProcessBuilder(
                        java,
                        HEAP,
                        "-cp",
                        System.getProperty("java.class.path"),
                        RunCorpus.class.getName(),
                        dir.toString(),
                        file.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean ended = process.waitFor(cases.size() * BOUND_MILLIS, TimeUnit.MILLISECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("the corpus ends").isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
        assertSoftly(soft -> {
            for (Case c : cases) {
                String[] result;
                try {
                    result = Files.readString(dir.resolve(c.name() + ".result")).split("\n", 3);
                } catch (IOException e) {
                    soft.fail(c.name() + " left no result");
                    continue;
                }
                String[] printed = result[2].split("\u0000", 2);
                String first = (printed[0].isEmpty() ? printed[1] : printed[0])
                        .lines()
                        .findFirst()
                        .orElse("");
                soft.assertThat(Integer.parseInt(result[0]))
                        .as(c.name() + ": " + result[2])
                        .isEqualTo(c.exit());
                soft.assertThat(first).as(c.name() + " first line").startsWith(c.firstLine());
                soft.assertThat(Long.parseLong(result[1]))
                        .as(c.name() + " milliseconds")
                        .isLessThan(BOUND_MILLIS);
                soft.assertThat(result[2])
                        .as(c.name() + " quotes nothing it should not")
                        .doesNotContain("AKIAEXAMPLE")
                        .doesNotContain("\u001b")
                        .doesNotContain("Exception")
                        .doesNotContain("\tat ");
            }
        });
    }
}
