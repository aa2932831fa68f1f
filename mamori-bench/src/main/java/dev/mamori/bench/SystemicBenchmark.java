package dev.mamori.bench;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.systemic.BlastRadius;
import dev.mamori.engine.systemic.EntryPoints;
import dev.mamori.engine.systemic.Propagation;
import dev.mamori.engine.systemic.PropagationGraph;
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
 * The systemic analysis on generated landscapes, each figure beside a plain breadth-first search
 * over the same arrays (the practical floor): compiling the propagation graph, one propagation
 * from the exposed components, and the blast radius of every system at once.
 *
 * <p>Run: {@code ./mvnw -q -pl mamori-bench -am package -DskipTests && java -jar
 * mamori-bench/target/benchmarks.jar Systemic}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SystemicBenchmark {

    @Param({"40", "400"})
    int systems;

    private FrozenGraph frozen;
    private PropagationGraph graph;
    private EntryPoints entries;

    @Setup
    public void setUp() throws Exception {
        frozen = FrozenGraph.of(GeneratedLandscape.of(systems));
        graph = PropagationGraph.of(frozen);
        entries = EntryPoints.exposed(frozen);
    }

    @Benchmark
    public PropagationGraph compile() {
        return PropagationGraph.of(frozen);
    }

    @Benchmark
    public Propagation propagate() {
        return Propagation.from(graph, entries);
    }

    @Benchmark
    public BlastRadius blastRadiusOfEverySystem() {
        return BlastRadius.of(graph);
    }

    /** The floor: visit every node reachable from the entries once, over every edge. */
    @Benchmark
    public int breadthFirstBaseline() {
        return BreadthFirst.count(graph, entries.nodes());
    }
}
