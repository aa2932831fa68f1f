package dev.mamori.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.RiskAssessment;
import dev.mamori.engine.risk.RiskEngine;
import dev.mamori.engine.rules.RuleCatalog;
import dev.mamori.model.Landscape;
import dev.mamori.model.generate.LandscapeGenerator;
import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.ModelLoader;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.syntax.ReadLimits;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
 * The rule pass on generated landscapes: compiling the frozen graph, and running every rule with
 * treatments applied. Sizes are systems of 100 components with 3 flows per component, so 40
 * systems is the 4,000-component, 12,000-flow model of docs/performance.md.
 *
 * <p>Run: {@code ./mvnw -q -pl mamori-bench -am package -DskipTests && java -jar
 * mamori-bench/target/benchmarks.jar RulePass}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RulePassBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Param({"40", "400"})
    int systems;

    private Landscape landscape;
    private FrozenGraph graph;
    private RiskEngine engine;

    @Setup
    public void setUp() throws Exception {
        byte[] json = new ObjectMapper().writeValueAsBytes(new LandscapeGenerator(systems, 100, 1, 3).toPlainValues());
        LoadResult result = new ModelLoader(
                        ModelSource.inMemory(Map.of(Path.of("g.json"), json)),
                        new ModelLoader.Options(ReadLimits.DEFAULT, TODAY))
                .load(List.of(Path.of("g.json")));
        landscape = result.landscape()
                .orElseThrow(
                        () -> new IllegalStateException(result.diagnostics().toString()));
        graph = FrozenGraph.of(landscape);
        engine = new RiskEngine(RuleCatalog.all());
    }

    @Benchmark
    public FrozenGraph freeze() {
        return FrozenGraph.of(landscape);
    }

    @Benchmark
    public RiskAssessment rulePass() {
        return engine.assess(graph, TODAY);
    }
}
