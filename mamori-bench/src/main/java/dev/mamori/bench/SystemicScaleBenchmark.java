package dev.mamori.bench;

import dev.mamori.engine.systemic.BlastRadius;
import dev.mamori.engine.systemic.EntryPoints;
import dev.mamori.engine.systemic.IsolationPlan;
import dev.mamori.engine.systemic.Propagation;
import dev.mamori.engine.systemic.PropagationGraph;
import java.util.SplittableRandom;
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
 * The systemic analysis at the scale of the targets (1,000 systems, 1,000,000 components,
 * 10,000,000 relations) on a landscape built in memory ({@link SyntheticLandscape}), each figure
 * beside a plain breadth-first search over every edge of the same arrays, the practical floor.
 * Each call is timed alone (single shot): at this size one call is long enough to measure.
 *
 * <p>Run: {@code ./mvnw -q -pl mamori-bench -am package -DskipTests && java -jar
 * mamori-bench/target/benchmarks.jar SystemicScale}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class SystemicScaleBenchmark {

    @Param({"1000"})
    int systems;

    @Param({"1000"})
    int componentsPerSystem;

    @Param({"10000000"})
    long relations;

    private SyntheticLandscape landscape;
    private PropagationGraph graph;
    private EntryPoints entries;
    private int[] vendor;
    private int[] nearCustomer;
    private int[] farCustomer;
    private long[] cost;

    @Setup
    public void setUp() {
        landscape = SyntheticLandscape.of(systems, componentsPerSystem, relations, 1);
        graph = landscape.builder().build();
        entries = landscape.exposedDevices();
        vendor = landscape.componentsOf(0);
        nearCustomer = landscape.componentsOf(Math.min(systems - 1, 10));
        farCustomer = landscape.componentsOf(systems - 1);
        cost = new long[graph.edgeCount()];
        SplittableRandom random = new SplittableRandom(2);
        for (int e = 0; e < cost.length; e++) {
            cost[e] = 1 + random.nextInt(10);
        }
        System.out.printf(
                "%n%,d nodes, %,d relations, %.1f bytes per relation%n",
                graph.nodeCount(), graph.edgeCount(), (double) graph.footprintBytes() / graph.edgeCount());
    }

    /** Freezing: the relations copied into arrays and indexed by source and by target. */
    @Benchmark
    public PropagationGraph freeze() {
        return landscape.builder().build();
    }

    /** One scenario: every hundredth device exposed, control to its fixed point, then influence. */
    @Benchmark
    public Propagation propagate() {
        return Propagation.from(graph, entries);
    }

    @Benchmark
    public BlastRadius blastRadiusOfEverySystem() {
        return BlastRadius.of(graph);
    }

    /**
     * The cheapest cut and the dominators between a vendor (system 0) and a customer ten systems
     * on: the region between them is small.
     */
    @Benchmark
    public IsolationPlan isolationPlanNear() {
        return IsolationPlan.between(graph, vendor, nearCustomer, cost);
    }

    /**
     * The same to the last system, which the vendor reaches through hundreds of others: the region
     * between them is nearly half the landscape, the hardest pair of this landscape.
     */
    @Benchmark
    public IsolationPlan isolationPlanFar() {
        return IsolationPlan.between(graph, vendor, farCustomer, cost);
    }

    /** The floor: every node reachable from the entry points visited once, over every edge. */
    @Benchmark
    public int breadthFirstBaseline() {
        return BreadthFirst.count(graph, entries.nodes());
    }
}
