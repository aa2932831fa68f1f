package dev.mamori.bench;

import dev.mamori.engine.compliance.CatalogReader;
import dev.mamori.engine.compliance.ComplianceEvaluator;
import dev.mamori.engine.compliance.ComplianceResult;
import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.RiskAssessment;
import dev.mamori.engine.risk.RiskEngine;
import dev.mamori.engine.rules.RuleCatalog;
import dev.mamori.model.generate.LandscapeGenerator;
import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.ModelLoader;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.syntax.ReadLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 * Parsing, the rule pass and the compliance evaluation at one, two and four times a size, so that
 * growth per doubling can be read beside the figures (about 2× is linear, 4× quadratic). Two shapes
 * of 4,000, 8,000 and 16,000 components with 3 flows each: {@code systems}, systems of 100 components
 * (40, 80, 160 systems), and {@code one-system}, every component in one system, as an imported
 * Threagile model has them (a step quadratic in one system's elements shows there first).
 *
 * <p>Run: {@code ./mvnw -q -pl mamori-bench -am package -DskipTests && java -jar
 * mamori-bench/target/benchmarks.jar Scaling}; docs/performance.md has the figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx4g"})
public class ScalingBenchmark {

    /** Components at scale 1. */
    static final int BASE = 4_000;

    @Param({"1", "2", "4"})
    int scale;

    @Param({"systems", "one-system"})
    String shape;

    private byte[] yaml;
    private FrozenGraph graph;
    private RiskEngine engine;
    private RiskAssessment risk;
    private ComplianceEvaluator compliance;

    @Setup
    public void setUp() throws Exception {
        int components = BASE * scale;
        LandscapeGenerator generator = shape.equals("one-system")
                ? new LandscapeGenerator(1, components, 1, 3)
                : new LandscapeGenerator(components / 100, 100, 1, 3);
        yaml = GeneratedLandscape.yaml(generator);
        LoadResult loaded = parse();
        graph = FrozenGraph.of(loaded.landscape().orElseThrow(), loaded.index().orElseThrow());
        engine = new RiskEngine(RuleCatalog.all());
        risk = engine.assess(graph, GeneratedLandscape.TODAY);
        compliance = new ComplianceEvaluator(CatalogReader.builtIn());
    }

    /** Reading the YAML: parsing into the located tree, checking against the grammar, binding, validating. */
    @Benchmark
    public LoadResult parse() {
        LoadResult result = new ModelLoader(
                        ModelSource.inMemory(Map.of(Path.of("g.yaml"), yaml)),
                        new ModelLoader.Options(ReadLimits.DEFAULT, GeneratedLandscape.TODAY))
                .load(List.of(Path.of("g.yaml")));
        if (!result.valid()) {
            throw new IllegalStateException(result.diagnostics().toString());
        }
        return result;
    }

    /** Every rule over the frozen graph, treatments applied. */
    @Benchmark
    public RiskAssessment rules() {
        return engine.assess(graph, GeneratedLandscape.TODAY);
    }

    /** Every system against its profile, from the rules' findings. */
    @Benchmark
    public ComplianceResult compliance() {
        return compliance.evaluate(graph, risk, GeneratedLandscape.TODAY, Optional.empty());
    }
}
