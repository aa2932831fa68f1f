package dev.mamori.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the cases of {@link HostileCorpusTest} in a JVM of its own with a small heap, one after the
 * other, and writes for each what it exited with, printed, and how long it took.
 */
final class RunCorpus {

    private RunCorpus() {}

    /**
     * {@code args[0]}: the working directory; {@code args[1]}: a file of cases, one per line, the case's
     * name, a tab, and its command line with arguments separated by tabs.
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        for (String line : lines) {
            String[] fields = line.split("\t");
            String name = fields[0];
            String[] command = Arrays.copyOfRange(fields, 1, fields.length);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            long start = System.nanoTime();
            int code = Mamori.run(command, new PrintWriter(out), new PrintWriter(err), dir);
            long millis = (System.nanoTime() - start) / 1_000_000;
            Files.writeString(
                    dir.resolve(name + ".result"),
                    code + "\n" + millis + "\n" + out + "\u0000" + err,
                    StandardCharsets.UTF_8);
        }
    }
}
