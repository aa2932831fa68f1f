package dev.mamori.bench;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.RiskAssessment;
import dev.mamori.engine.risk.RiskEngine;
import dev.mamori.engine.rules.RuleCatalog;
import dev.mamori.model.Landscape;
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

    @Param({"40", "400"})
    int systems;

    private Landscape landscape;
    private FrozenGraph graph;
    private RiskEngine engine;

    @Setup
    public void setUp() throws Exception {
        landscape = GeneratedLandscape.of(systems);
        graph = FrozenGraph.of(landscape);
        engine = new RiskEngine(RuleCatalog.all());
    }

    @Benchmark
    public FrozenGraph freeze() {
        return FrozenGraph.of(landscape);
    }

    @Benchmark
    public RiskAssessment rulePass() {
        return engine.assess(graph, GeneratedLandscape.TODAY);
    }
}
