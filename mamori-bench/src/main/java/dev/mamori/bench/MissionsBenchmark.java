package dev.mamori.bench;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.missions.MissionAnalysis;
import dev.mamori.engine.missions.MissionAnalyzer;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.model.Landscape;
import dev.mamori.model.generate.LandscapeGenerator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The mission analysis at the targets: N-1 of 100 missions over 100,000 components (a
 * generated model, loaded as a user's would be), and one scenario on a landscape of 1,000,000
 * components ({@link RecordLandscape}). Each call is timed alone.
 *
 * <p>Run: {@code ./mvnw -q -pl mamori-bench -am package -DskipTests && java -jar
 * mamori-bench/target/benchmarks.jar Missions}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms10g", "-Xmx10g"})
public class MissionsBenchmark {

    /** 100 systems of 1,000 components, 3 flows per component: 100 missions. */
    @State(Scope.Benchmark)
    public static class HundredThousand {
        MissionAnalyzer analyzer;

        @Setup
        public void setUp() throws Exception {
            Landscape landscape = GeneratedLandscape.of(new LandscapeGenerator(100, 1000, 1, 3));
            FrozenGraph graph = FrozenGraph.of(landscape);
            analyzer = new MissionAnalyzer(graph, new SystemicAnalyzer(graph));
            System.out.printf(
                    "%n%,d components, %,d flows, %d missions%n",
                    graph.componentCount(), graph.flowCount(), graph.missions().size());
        }
    }

    /** 1,000 systems of 1,000 components, one scenario: ten sites lose their LAN while a broker is held. */
    @State(Scope.Benchmark)
    public static class Million {
        MissionAnalyzer analyzer;
        dev.mamori.model.Scenario scenario;

        @Setup
        public void setUp() {
            Landscape landscape = RecordLandscape.of(1000, 1000);
            FrozenGraph graph = FrozenGraph.of(landscape);
            analyzer = new MissionAnalyzer(graph, new SystemicAnalyzer(graph));
            scenario = landscape.scenarios().get("regional-outage");
            System.out.printf(
                    "%n%,d components, %,d flows, %d missions%n",
                    graph.componentCount(), graph.flowCount(), graph.missions().size());
        }
    }

    /** N-1: every component failed in turn, against every mission. */
    @Benchmark
    public List<MissionAnalysis.SinglePoint> singleFailures100k(HundredThousand state) {
        return state.analyzer.singlePointsOfFailure();
    }

    @Benchmark
    public MissionAnalysis.ScenarioResult oneScenario1m(Million state) {
        return state.analyzer.scenario(state.scenario);
    }
}
