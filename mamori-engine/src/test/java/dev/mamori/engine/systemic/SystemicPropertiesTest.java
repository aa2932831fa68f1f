package dev.mamori.engine.systemic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.graph.NeedsCircuit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import org.jgrapht.alg.flow.EdmondsKarpMFImpl;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/** Propagation, outage, blast radius, cuts and dominators against brute force and JGraphT. */
@Tag("slow")
class SystemicPropertiesTest {

    /** Naive fixed point: repeat until nothing changes. */
    private static boolean[] bruteControl(PropagationGraph g, int[] entries) {
        boolean[] on = new boolean[g.nodeCount()];
        for (int e : entries) {
            on[e] = true;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int e = 0; e < g.edgeCount(); e++) {
                if (g.passesControl(e) && on[g.from(e)] && !on[g.to(e)]) {
                    on[g.to(e)] = true;
                    changed = true;
                }
            }
        }
        return on;
    }

    private static int[] exposedComponents(FrozenGraph graph) {
        return EntryPoints.exposed(graph).nodes();
    }

    /**
     * What the attacker reads and changes, asset by asset, against a direct scan of every component
     * and flow: an asset is read exactly when it is stored on a held component, travels in a flow
     * with a held end, or travels in clear over a held network; changed when it is stored on a held
     * component, sent by a held sender, or forgeable over a held network; at the likeliest chance.
     */
    @Property(tries = 300)
    void dataReadAndChangedIsEveryAssetOnWhatIsHeldAtItsLikeliestChance(@ForAll long seed) {
        FrozenGraph frozen = RandomLandscapes.frozen(seed);
        SystemicAnalyzer analyzer = new SystemicAnalyzer(frozen);
        Propagation p = Propagation.from(analyzer.graph(), EntryPoints.exposed(frozen));
        SystemicAnalysis a = analyzer.analyze(SystemicAnalyzer.Options.defaults());
        var vocabulary = frozen.landscape().vocabulary();
        for (int d = 0; d < frozen.dataCount(); d++) {
            double best = 0;
            for (int c = 0; c < frozen.componentCount(); c++) {
                for (int stored : frozen.storedData(c)) {
                    if (stored == d) {
                        best = Math.max(best, p.probability(c));
                    }
                }
            }
            for (int f = 0; f < frozen.flowCount(); f++) {
                boolean carries = false;
                for (int x : frozen.dataOf(f)) {
                    carries |= x == d;
                }
                if (!carries) {
                    continue;
                }
                best = Math.max(best, Math.max(p.probability(frozen.flowFrom(f)), p.probability(frozen.flowTo(f))));
                if (vocabulary.encryptionStrength(frozen.flow(f).encryption())
                        == dev.mamori.model.vocabulary.Vocabulary.Strength.NONE) {
                    for (int n : frozen.networksOf(f)) {
                        best = Math.max(best, p.probability(n));
                    }
                }
                if (heardNearby(frozen.flow(f))) {
                    best = Math.max(best, 0.5); // anyone within radio range
                }
            }
            String id = frozen.data(d).id();
            double changed = 0;
            for (int c = 0; c < frozen.componentCount(); c++) {
                for (int stored : frozen.storedData(c)) {
                    if (stored == d) {
                        changed = Math.max(changed, p.probability(c));
                    }
                }
            }
            for (int f = 0; f < frozen.flowCount(); f++) {
                for (int x : frozen.dataOf(f)) {
                    if (x == d) {
                        changed = Math.max(changed, p.probability(frozen.flowFrom(f)));
                        if (PropagationGraph.forgeableOnItsPath(frozen, frozen.flow(f))) {
                            for (int n : frozen.networksOf(f)) {
                                changed = Math.max(changed, p.probability(n));
                            }
                        }
                        if (heardNearby(frozen.flow(f))
                                && !frozen.flow(f).authentication().equals("certificate")) {
                            changed = Math.max(changed, 0.5);
                        }
                    }
                }
            }
            var tampered =
                    a.dataTampered().stream().filter(t -> t.data().equals(id)).toList();
            if (changed > 0) {
                assertThat(tampered).as("%s is changed", id).hasSize(1);
                assertThat(tampered.get(0).probability())
                        .as("%s changed at its likeliest", id)
                        .isCloseTo(changed, org.assertj.core.data.Offset.offset(1e-9));
            } else {
                assertThat(tampered).as("%s is not changed", id).isEmpty();
            }
            var read = a.dataRead().stream().filter(r -> r.data().equals(id)).toList();
            if (best > 0) {
                assertThat(read).as("%s is read", id).hasSize(1);
                assertThat(read.get(0).probability())
                        .as("%s at its likeliest", id)
                        .isCloseTo(best, org.assertj.core.data.Offset.offset(1e-9));
                // It leaves when any held place it is read on gets it out, or a radio link lets
                // anyone nearby hear it.
                assertThat(read.get(0).leaves())
                        .as("%s leaves: %s", id, read.get(0).egress())
                        .isEqualTo(leaves(frozen, p, d));
            } else {
                assertThat(read).as("%s is not read", id).isEmpty();
            }
        }
    }

    /** Whether asset d gets out: read on a held component with a way out, or heard over the air. */
    private static boolean leaves(FrozenGraph frozen, Propagation p, int d) {
        int n = frozen.componentCount();
        boolean[] held = new boolean[n];
        for (int c = 0; c < n; c++) {
            held[c] = p.controlled(c);
        }
        boolean[] out = BruteWaysOut.of(frozen, held, new boolean[frozen.zoneCount()], java.util.Set.of());
        for (int c = 0; c < n; c++) {
            for (int stored : frozen.storedData(c)) {
                if (stored == d && out[c]) {
                    return true;
                }
            }
        }
        for (int f = 0; f < frozen.flowCount(); f++) {
            for (int x : frozen.dataOf(f)) {
                if (x != d) {
                    continue;
                }
                if (out[frozen.flowFrom(f)] || out[frozen.flowTo(f)] || heardNearby(frozen.flow(f))) {
                    return true;
                }
                if (frozen.flow(f).encryption().equals("none")) {
                    for (int net : frozen.networksOf(f)) {
                        if (out[net]) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** The random landscapes' radio flows that anyone nearby reads: BLE in clear or with legacy pairing. */
    private static boolean heardNearby(dev.mamori.model.Flow flow) {
        return flow.protocol().equals("ble") && !flow.encryption().equals("ble-secure");
    }

    @Property(tries = 400)
    void controlIsTheFixedPointAndPathsAreMostLikely(@ForAll long seed) {
        FrozenGraph frozen = RandomLandscapes.frozen(seed);
        PropagationGraph g = PropagationGraph.of(frozen);
        EntryPoints entries = EntryPoints.exposed(frozen);
        Propagation p = Propagation.from(g, entries);
        boolean[] brute = bruteControl(g, entries.nodes());
        // Bellman-Ford on -log(probability): the most likely cost of every node.
        double[] best = new double[g.nodeCount()];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int i = 0; i < entries.nodes().length; i++) {
            best[entries.nodes()[i]] = Math.min(best[entries.nodes()[i]], -Math.log(entries.probability()[i]));
        }
        for (int round = 0; round < g.nodeCount(); round++) {
            for (int e = 0; e < g.edgeCount(); e++) {
                if (g.passesControl(e) && best[g.from(e)] - Math.log(g.probability(e)) < best[g.to(e)] - 1e-12) {
                    best[g.to(e)] = best[g.from(e)] - Math.log(g.probability(e));
                }
            }
        }
        for (int v = 0; v < g.nodeCount(); v++) {
            assertThat(p.controlled(v)).as("node %s", g.name(v)).isEqualTo(brute[v]);
            if (brute[v]) {
                assertThat(-Math.log(p.probability(v))).isCloseTo(best[v], org.assertj.core.data.Offset.offset(1e-9));
                double product = 1;
                for (Hop hop : p.path(v)) {
                    product *= hop.probability();
                }
                // The path starts at its entry: where the attacker started, or the first thing
                // outsiders took (held with the chance of that exposure).
                assertThat(product * p.entryProbability(v))
                        .isCloseTo(p.probability(v), org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Property(tries = 400)
    void outageIsTheFixedPointOfNeeds(@ForAll long seed) {
        FrozenGraph g = RandomLandscapes.frozen(seed);
        Random random = new Random(seed);
        int[] failed = random.ints(1 + random.nextInt(3), 0, g.componentCount())
                .distinct()
                .toArray();
        Outage outage = Outage.of(g, failed);
        boolean[] down = new boolean[g.componentCount()];
        for (int c : failed) {
            down[c] = true;
        }
        // Brute force: a component is down when a required data flow into it is broken (its sender or
        // a network it travels over is down) or its declared needs no longer hold; data flows that are
        // not required and commands received never take it down.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int c = 0; c < g.componentCount(); c++) {
                if (down[c]) {
                    continue;
                }
                boolean requiredBroken = false;
                for (int f : g.flowsIn(c)) {
                    boolean broken = down[g.flowFrom(f)];
                    for (int net : g.networksOf(f)) {
                        broken |= down[net];
                    }
                    requiredBroken |=
                            broken && g.flow(f).required() && !g.flow(f).commands();
                }
                boolean needsLost = g.component(c)
                        .needs()
                        .map(n -> !NeedsCircuit.of(g, n).holds(x -> down[x]))
                        .orElse(false);
                if (requiredBroken || needsLost) {
                    down[c] = true;
                    changed = true;
                }
            }
        }
        for (int c = 0; c < g.componentCount(); c++) {
            assertThat(outage.down(c)).as(g.component(c).id()).isEqualTo(down[c]);
        }
    }

    @Property(tries = 300)
    void blastRadiusMatchesATraversalPerSystem(@ForAll long seed) {
        FrozenGraph frozen = RandomLandscapes.frozen(seed);
        PropagationGraph g = PropagationGraph.of(frozen);
        BlastRadius radius = BlastRadius.of(g);
        for (int s = 0; s < frozen.systemCount(); s++) {
            List<Integer> members = new ArrayList<>();
            for (int v = 0; v < g.componentCount(); v++) {
                if (systemOf(g, v) == s) {
                    members.add(v);
                }
            }
            boolean[] reached =
                    bruteControl(g, members.stream().mapToInt(Integer::intValue).toArray());
            for (int t = 0; t < frozen.systemCount(); t++) {
                boolean expected = false;
                for (int v = 0; v < g.componentCount(); v++) {
                    expected |= reached[v] && systemOf(g, v) == t;
                }
                assertThat(radius.reaches(s, t))
                        .as("system %d reaches %d", s, t)
                        .isEqualTo(expected);
            }
        }
    }

    private static int systemOf(PropagationGraph g, int v) {
        return g.isZone(v) ? -1 : g.systemOf(v);
    }

    @Property(tries = 300)
    void theCutIsMinimalAndSeparates(@ForAll long seed) {
        FrozenGraph frozen = RandomLandscapes.frozen(seed);
        PropagationGraph g = PropagationGraph.of(frozen);
        Random random = new Random(seed);
        int[] sources = {random.nextInt(frozen.componentCount())};
        int[] targets = {random.nextInt(frozen.componentCount())};
        long[] cost = new long[g.edgeCount()];
        for (int e = 0; e < cost.length; e++) {
            cost[e] = 1 + random.nextInt(5);
        }
        IsolationPlan plan = IsolationPlan.between(g, sources, targets, cost);
        if (sources[0] == targets[0]) {
            return;
        }
        // JGraphT oracle on the same capacities (parallel edges summed)
        SimpleDirectedWeightedGraph<Integer, DefaultWeightedEdge> oracle =
                new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (int v = 0; v < g.nodeCount(); v++) {
            oracle.addVertex(v);
        }
        for (int e = 0; e < g.edgeCount(); e++) {
            if (!g.passesControl(e) || g.from(e) == g.to(e)) {
                continue;
            }
            DefaultWeightedEdge edge = oracle.getEdge(g.from(e), g.to(e));
            if (edge == null) {
                edge = oracle.addEdge(g.from(e), g.to(e));
                oracle.setEdgeWeight(edge, cost[e]);
            } else {
                oracle.setEdgeWeight(edge, oracle.getEdgeWeight(edge) + cost[e]);
            }
        }
        double expected = new EdmondsKarpMFImpl<>(oracle).getMaximumFlowValue(sources[0], targets[0]);
        assertThat((double) plan.cost()).isEqualTo(expected);
        long cutCost = 0;
        for (int e : plan.cut()) {
            cutCost += cost[e];
        }
        assertThat(cutCost).isEqualTo(plan.cost());
        // without the cut, the target is out of reach
        boolean[] removed = new boolean[g.edgeCount()];
        for (int e : plan.cut()) {
            removed[e] = true;
        }
        assertThat(reachable(g, sources[0], targets[0], removed, -1)).isFalse();
    }

    @Property(tries = 300)
    void dominatorsAreExactlyTheNodesEveryPathCrosses(@ForAll long seed) {
        FrozenGraph frozen = RandomLandscapes.frozen(seed);
        PropagationGraph g = PropagationGraph.of(frozen);
        Random random = new Random(seed);
        int source = random.nextInt(frozen.componentCount());
        int target = random.nextInt(frozen.componentCount());
        int[] dominators = IsolationPlan.dominators(g, new int[] {source}, new int[] {target});
        boolean[] none = new boolean[g.edgeCount()];
        if (source == target || !reachable(g, source, target, none, -1)) {
            assertThat(dominators).isEmpty();
            return;
        }
        List<Integer> expected = new ArrayList<>();
        for (int v = 0; v < g.nodeCount(); v++) {
            if (v != source && v != target && !reachable(g, source, target, none, v)) {
                expected.add(v);
            }
        }
        assertThat(Arrays.stream(dominators).boxed().sorted().toList()).isEqualTo(expected);
    }

    private static boolean reachable(PropagationGraph g, int from, int to, boolean[] removedEdges, int removedNode) {
        boolean[] seen = new boolean[g.nodeCount()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        seen[from] = true;
        queue.add(from);
        while (!queue.isEmpty()) {
            int v = queue.poll();
            if (v == to) {
                return true;
            }
            for (int i = g.outStart(v); i < g.outEnd(v); i++) {
                int e = g.outEdge(i);
                int w = g.to(e);
                if (g.passesControl(e) && !removedEdges[e] && w != removedNode && !seen[w]) {
                    seen[w] = true;
                    queue.add(w);
                }
            }
        }
        return false;
    }
}
