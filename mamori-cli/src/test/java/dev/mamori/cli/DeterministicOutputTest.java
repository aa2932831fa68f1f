package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same input and {@code --today} give the same bytes in every format. Each run happens in a
 * JVM of its own, because what made the output vary (maps and sets of unspecified order) iterates
 * the same way within one JVM and differently in the next.
 */
class DeterministicOutputTest {

    private static final String DAY = "--today 2026-11-22";

    /** Every command and format that writes a document, over the bundled example and a diff. */
    private static final List<String> COMMANDS = List.of(
            "assess " + DAY,
            "assess " + DAY + " --format json -o assessment.json",
            "systemic " + DAY + " --format json",
            "missions " + DAY + " --format json",
            "comply " + DAY + " --format json -o compliance.json",
            "comply " + DAY + " --format ics",
            "comply " + DAY + " --format oscal -o oscal",
            "report " + DAY + " --format html,sarif,markdown,svg,pdf -o report",
            "verify " + DAY + " old.yaml",
            "validate --format json " + DAY + " old.yaml",
            "diff " + DAY + " --format json old.yaml new.yaml",
            "diff " + DAY + " --format markdown old.yaml new.yaml",
            "convert old.yaml --to json -o old.json",
            "schema");

    @TempDir
    Path dir;

    @Test
    void everyFormatIsTheSameByteForByteInTwoRuns() throws Exception {
        Path commands = dir.resolve("commands.txt");
        Files.write(commands, COMMANDS, StandardCharsets.UTF_8);
        Path first = run(commands, "first");
        Path second = run(commands, "second");
        Map<String, byte[]> a = files(first);
        Map<String, byte[]> b = files(second);
        assertThat(a.keySet())
                .as("every command wrote something")
                .contains("assessment.json", "oscal/assessment-results.json", "report/report.pdf", "out-10.txt")
                .isEqualTo(b.keySet());
        for (String name : a.keySet()) {
            assertThat(b.get(name)).as(name + " differs between two runs").isEqualTo(a.get(name));
        }
    }

    private Path run(Path commands, String name) throws IOException, InterruptedException {
        Path work = Files.createDirectories(dir.resolve(name));
        Files.writeString(work.resolve("old.yaml"), TestModels.EXPOSED_CAMERA, StandardCharsets.UTF_8);
        Files.writeString(
                work.resolve("new.yaml"),
                TestModels.EXPOSED_CAMERA.replace("credentials: default-shared", "credentials: unique"),
                StandardCharsets.UTF_8);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        RunCommands.class.getName(),
                        work.toString(),
                        commands.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the run ends").isTrue();
        assertThat(process.exitValue())
                .as(Files.readString(dir.resolve(name + ".log")))
                .isZero();
        return work;
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
