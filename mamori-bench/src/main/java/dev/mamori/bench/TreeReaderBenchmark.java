package dev.mamori.bench;

import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.generate.LandscapeGenerator;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.ReadLimits;
import dev.mamori.model.syntax.TreeReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a YAML file into the located tree, by the quick block reader and by Jackson's parser, on
 * the same landscape as {@code mamori generate} writes it (40 systems of 100 components, 1.3 MB).
 * {@code jackson} is the same text with a tab in a comment at its end: a tab leaves the whole file
 * to Jackson's parser, and a comment changes no value.
 *
 * <p>Run: {@code ./mvnw -q -pl mamori-bench -am package -DskipTests && java -jar
 * mamori-bench/target/benchmarks.jar TreeReader}; docs/performance.md has the figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx4g"})
public class TreeReaderBenchmark {

    @Param({"quick", "jackson"})
    String reader;

    private byte[] yaml;
    private final TreeReader trees = new TreeReader(ReadLimits.DEFAULT);

    @Setup
    public void setUp() throws Exception {
        String text =
                new String(GeneratedLandscape.yaml(new LandscapeGenerator(40, 100, 1, 3)), StandardCharsets.UTF_8);
        yaml = (reader.equals("quick") ? text : text + "# left to Jackson:\t\n").getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public Node read() {
        Diagnostics diagnostics = new Diagnostics();
        Node tree =
                trees.read("g.yaml", yaml, TreeReader.Syntax.YAML, diagnostics).orElseThrow();
        if (!diagnostics.sorted().isEmpty()) {
            throw new IllegalStateException(diagnostics.sorted().toString());
        }
        return tree;
    }
}
