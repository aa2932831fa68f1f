package dev.mamori.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.systemic.EntryPoints;
import dev.mamori.engine.systemic.PropagationGraph;
import dev.mamori.engine.systemic.RandomLandscapes;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;

/**
 * A component's reach weighs the most likely path from outside (docs/scoring.md), checked against
 * Bellman-Ford over the stated control relations: a component that outsiders hold, or that receives
 * from one they hold, with a chance of 70 % or more is reached at 4 at least, 40 % or more at 3 at
 * least; and a reach that says it came over a path is exactly the level that chance gives.
 */
@Tag("slow")
class ReachOverPathsPropertiesTest {

    @Property(tries = 300)
    void reachIsAtLeastWhatTheMostLikelyStatedPathGives(@ForAll long seed) {
        FrozenGraph frozen = RandomLandscapes.frozen(seed);
        PropagationGraph g = frozen.derived(PropagationGraph.class, PropagationGraph::of);
        double[] held = bellmanFord(g, EntryPoints.exposed(frozen));
        Scoring scoring = new Scoring(frozen);
        for (int c = 0; c < frozen.componentCount(); c++) {
            double p = held[c];
            for (int f : frozen.flowsIn(c)) {
                p = Math.max(p, held[frozen.flowFrom(f)]);
            }
            int expected = p >= 0.7 - 1e-9 ? 4 : p >= 0.4 - 1e-9 ? 3 : 1;
            Factor reach = scoring.reach(c);
            assertThat(reach.level())
                    .as("%s held with %.3f: %s", frozen.component(c).id(), p, reach.reason())
                    .isGreaterThanOrEqualTo(expected);
            if (reach.reason().contains("with a chance of")) {
                assertThat(reach.level()).as(reach.reason()).isEqualTo(expected);
            }
        }
    }

    /** The chance that outsiders hold each node on its most likely path over stated control relations. */
    private static double[] bellmanFord(PropagationGraph g, EntryPoints entries) {
        double[] cost = new double[g.nodeCount()];
        Arrays.fill(cost, Double.POSITIVE_INFINITY);
        for (int i = 0; i < entries.nodes().length; i++) {
            cost[entries.nodes()[i]] = Math.min(cost[entries.nodes()[i]], -Math.log(entries.probability()[i]));
        }
        for (int round = 0; round < g.nodeCount(); round++) {
            for (int e = 0; e < g.edgeCount(); e++) {
                if (g.passesControl(e)
                        && !g.assumed(e)
                        && cost[g.from(e)] - Math.log(g.probability(e)) < cost[g.to(e)]) {
                    cost[g.to(e)] = cost[g.from(e)] - Math.log(g.probability(e));
                }
            }
        }
        double[] p = new double[g.nodeCount()];
        for (int v = 0; v < p.length; v++) {
            p[v] = Math.exp(-cost[v]);
        }
        return p;
    }
}
