package dev.mamori.bench;

import dev.mamori.enforce.Drift;
import dev.mamori.enforce.NftablesDrift;
import dev.mamori.enforce.NftablesTarget;
import dev.mamori.enforce.PlanCuts;
import dev.mamori.model.Landscape;
import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.ModelLoader;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.syntax.ReadLimits;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
 * {@code mamori drift} on a large landscape, without loading the model: the tables the model asks
 * for, and their comparison with a deployed ruleset in the JSON of {@code nft -j list ruleset}.
 * The model and the ruleset are files (docs/performance.md says how they are made).
 *
 * <p>Run: {@code ./mvnw -q -pl mamori-bench -am package -DskipTests && java -jar
 * mamori-bench/target/benchmarks.jar Drift -p model=big-addr.yaml -p ruleset=live.json}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class DriftBenchmark {

    /** The model and the deployed ruleset, read once. */
    @State(Scope.Benchmark)
    public static class Deployment {
        @Param("big-addr.yaml")
        public String model;

        @Param("live.json")
        public String ruleset;

        Landscape landscape;
        NftablesTarget.Expected expected;
        String json;
        NftablesDrift.Deployed deployed;

        @Setup
        public void setUp() throws IOException {
            Path file = Path.of(model).toAbsolutePath();
            LoadResult result = new ModelLoader(
                            ModelSource.fileSystem(),
                            new ModelLoader.Options(ReadLimits.DEFAULT, GeneratedLandscape.TODAY))
                    .load(List.of(file));
            landscape = result.landscape()
                    .orElseThrow(
                            () -> new IllegalStateException(result.diagnostics().toString()));
            expected = NftablesTarget.expected(landscape, Optional.empty(), PlanCuts.NONE);
            json = Files.readString(Path.of(ruleset), StandardCharsets.UTF_8);
            try {
                deployed = NftablesDrift.read(new StringReader(json), ruleset);
            } catch (Drift.Unreadable e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            long rules =
                    expected.tables().stream().mapToLong(t -> t.rules().size()).sum();
            System.out.printf(
                    "%n%,d components, %,d tables, %,d rules expected, %,d bytes of deployed JSON%n",
                    landscape.components().size(), expected.tables().size(), rules, json.length());
        }
    }

    /** What the model asks for, table by table and rule by rule. */
    @Benchmark
    public NftablesTarget.Expected expected(Deployment d) {
        return NftablesTarget.expected(d.landscape, Optional.empty(), PlanCuts.NONE);
    }

    /** The deployed JSON read (in the command, on a second thread while the model loads). */
    @Benchmark
    public NftablesDrift.Deployed read(Deployment d) throws Exception {
        return NftablesDrift.read(new StringReader(d.json), d.ruleset);
    }

    /** The deployed rules, read before, compared with what the model asks for. */
    @Benchmark
    public List<Drift.Difference> compare(Deployment d) {
        return NftablesDrift.compare(d.expected, d.landscape, d.deployed, d.ruleset);
    }

    /** What the command does once the model is loaded: expected, read and compared, one after the other. */
    @Benchmark
    public List<Drift.Difference> all(Deployment d) throws Exception {
        NftablesTarget.Expected expected = NftablesTarget.expected(d.landscape, Optional.empty(), PlanCuts.NONE);
        return NftablesDrift.compare(expected, d.landscape, new StringReader(d.json), d.ruleset);
    }
}
