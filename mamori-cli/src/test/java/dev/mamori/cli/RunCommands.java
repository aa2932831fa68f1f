package dev.mamori.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs command lines in one JVM of its own, each line's standard output kept in {@code out-N.txt}
 * beside the files it writes: what {@link DeterministicOutputTest} compares across two JVMs, since
 * the iteration order of Java's immutable collections differs from one JVM to the next, never
 * within one.
 */
final class RunCommands {

    private RunCommands() {}

    /** {@code args[0]}: the working directory; {@code args[1]}: a file of command lines, one per line. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Mamori.run(lines.get(i).split(" "), new PrintWriter(out), new PrintWriter(err), dir);
            Files.writeString(dir.resolve("out-" + i + ".txt"), out.toString(), StandardCharsets.UTF_8);
            if (code != ExitCode.OK && code != ExitCode.GATE_FAILED) {
                throw new IllegalStateException(lines.get(i) + " exited " + code + ": " + err);
            }
        }
    }
}
