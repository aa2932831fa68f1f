package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated landscape split over files ({@code generate --files N}) reads as the single file does,
 * and the cache of parsed files ({@code .mamori/cache}) changes no byte of an assessment: cold,
 * warm, damaged, or after an imported file changed.
 */
class LargeLandscapeFilesTest {

    @TempDir
    Path dir;

    private static final String[] GENERATE = {"generate", "--systems", "4", "--components", "500"};

    private String assessJson(String file) throws IOException {
        Cli cli = Cli.run(dir, "assess", file, "--today", "2026-06-01", "--format", "json", "-o", "out.json");
        assertThat(cli.exitCode()).as(cli.err()).isIn(0, 4);
        assertThat(cli.err()).doesNotContain("error", "Exception");
        return Files.readString(dir.resolve("out.json"));
    }

    private List<Path> entries() throws IOException {
        Path cache = dir.resolve(".mamori/cache");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.toString().endsWith(".tree")).sorted().toList();
        }
    }

    private void dropCache() throws IOException {
        for (Path entry : entries()) {
            Files.delete(entry);
        }
    }

    @Test
    void aSplitLandscapeIsTheSameLandscape() throws IOException {
        Cli split = Cli.run(dir, concat(GENERATE, "--files", "3", "-o", "g.yaml"));
        assertThat(split.exitCode()).as(split.err()).isZero();
        assertThat(Files.readString(dir.resolve("g.yaml"))).contains("imports:\n- g-2.yaml\n- g-3.yaml\n");
        assertThat(Files.readString(dir.resolve("g-3.yaml"))).startsWith("mamori: 1\nsystems:\n  sys2:");
        assertThat(Cli.run(dir, concat(GENERATE, "-o", "one.yaml")).exitCode()).isZero();
        Cli validate = Cli.run(dir, "validate", "g.yaml");
        assertThat(validate.out()).contains("(3 files,").contains("4 systems, 2000 components");
        // The same findings, only their files and lines differ.
        String one = assessJson("one.yaml");
        String three = assessJson("g.yaml");
        assertThat(count(three, "\"rule\":")).isEqualTo(count(one, "\"rule\":")).isGreaterThan(100);

        assertThat(Cli.run(dir, concat(GENERATE, "--files", "5", "-o", "x.yaml"))
                        .exitCode())
                .isEqualTo(2);
        assertThat(Cli.run(dir, concat(GENERATE, "--files", "2")).err()).contains("-o FILE");
    }

    @Test
    void theCacheChangesNoByteOfTheAssessment() throws IOException {
        assertThat(Cli.run(dir, concat(GENERATE, "--files", "2", "-o", "g.yaml"))
                        .exitCode())
                .isZero();
        assertThat(Files.size(dir.resolve("g-2.yaml"))).isGreaterThan(256 * 1024);

        String parsed = assessJson("g.yaml"); // no cache yet: both files parsed, and kept
        List<Path> kept = entries();
        assertThat(kept).hasSize(2);
        assertThat(Files.readString(dir.resolve(".mamori/.gitignore"))).contains("*");
        FileTime written = Files.getLastModifiedTime(kept.get(0));
        byte[] entry = Files.readAllBytes(kept.get(0));
        Files.setLastModifiedTime(kept.get(0), FileTime.fromMillis(written.toMillis() - 60_000));

        assertThat(assessJson("g.yaml")).isEqualTo(parsed); // from the cache
        assertThat(Files.getLastModifiedTime(kept.get(0)).toMillis()).isEqualTo(written.toMillis() - 60_000);

        for (Path e : kept) {
            byte[] bytes = Files.readAllBytes(e);
            bytes[bytes.length / 2] ^= 0x01;
            Files.write(e, bytes);
        }
        assertThat(assessJson("g.yaml")).isEqualTo(parsed); // damaged entries: parsed again, no word said
        assertThat(Files.readAllBytes(kept.get(0))).isEqualTo(entry);

        // An imported file changes: its entry is not used, the other file's is.
        Path part = dir.resolve("g-2.yaml");
        String text = Files.readString(part);
        Files.writeString(part, text.replaceFirst("authentication: certificate", "authentication: none"));
        String changed = assessJson("g.yaml");
        assertThat(changed).isNotEqualTo(parsed);
        dropCache();
        assertThat(assessJson("g.yaml")).isEqualTo(changed);
    }

    private static long count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1L;
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
