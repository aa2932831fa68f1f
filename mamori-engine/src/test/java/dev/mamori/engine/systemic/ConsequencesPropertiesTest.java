package dev.mamori.engine.systemic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.Hazard;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;

/**
 * What holding a component leads to ({@link Consequences}, which scoring weighs) against brute
 * force: a breadth-first search over the control relations from every component in turn.
 */
@Tag("slow")
class ConsequencesPropertiesTest {

    private static final String[] SEVERITIES = {"negligible", "marginal", "critical", "catastrophic"};

    /** A random landscape with missions, and hazards (some interlocked) on about a third of its controllers. */
    private static FrozenGraph landscape(long seed) {
        Random random = new Random(seed * 31 + 7);
        String yaml = RandomLandscapes.yaml(seed);
        StringBuilder out = new StringBuilder();
        for (String line : yaml.split("\n", -1)) {
            if (line.contains("{ kind: controller") && random.nextInt(3) == 0) {
                String hazard = "h: { severity: " + SEVERITIES[random.nextInt(SEVERITIES.length)]
                        + (random.nextBoolean() ? ", interlock: relief valve" : "") + " }";
                line = line.substring(0, line.lastIndexOf('}')) + ", hazards: { " + hazard + " } }";
            }
            out.append(line).append('\n');
        }
        String withHazards = out.substring(0, out.length() - 1);
        java.util.List<String> ids = RandomLandscapes.load(withHazards).components().stream()
                .map(dev.mamori.model.Component::id)
                .toList();
        StringBuilder missions = new StringBuilder("missions:\n");
        for (int m = 0; m < 2; m++) {
            missions.append("  m").append(m).append(": { needs: ").append(RandomLandscapes.needs(random, ids, 1));
            missions.append(" }\n");
        }
        return FrozenGraph.of(RandomLandscapes.load(withHazards + missions));
    }

    /**
     * Control hops from {@code start} to every node, -1 where it does not lead; over stated facts
     * only, as a finding's consequences are claimed (not over an unknown login assumed weak).
     */
    private static int[] distances(PropagationGraph g, int start) {
        int[] d = new int[g.nodeCount()];
        Arrays.fill(d, -1);
        d[start] = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            int n = queue.poll();
            for (int i = g.outStart(n); i < g.outControlEnd(n); i++) {
                int next = g.to(g.outEdge(i));
                if (d[next] < 0 && !g.assumed(g.outEdge(i))) {
                    d[next] = d[n] + 1;
                    queue.add(next);
                }
            }
        }
        return d;
    }

    @Property(tries = 300)
    void theWorstHazardAndTheNearestNeedAreWhatHoldingAComponentReaches(@ForAll long seed) {
        FrozenGraph frozen = landscape(seed);
        PropagationGraph g = PropagationGraph.of(frozen);
        Consequences consequences = Consequences.of(frozen, g);
        boolean[] needed = new boolean[frozen.componentCount()];
        for (dev.mamori.model.Mission mission : frozen.missions()) {
            for (int c : frozen.neededBy(mission)) {
                needed[c] = true;
            }
        }
        for (int c = 0; c < frozen.componentCount(); c++) {
            int[] d = distances(g, c);
            int worst = Consequences.NONE;
            int hops = Integer.MAX_VALUE;
            int nearestNeed = Integer.MAX_VALUE;
            for (int x = 0; x < frozen.componentCount(); x++) {
                if (d[x] < 0) {
                    continue;
                }
                int own = Consequences.NONE;
                for (Hazard h : frozen.component(x).hazards()) {
                    own = Math.max(own, Consequences.hazardLevel(h));
                }
                if (own > worst || (own == worst && own != Consequences.NONE && d[x] < hops)) {
                    worst = own;
                    hops = d[x];
                }
                if (needed[x]) {
                    nearestNeed = Math.min(nearestNeed, d[x]);
                }
            }
            String id = frozen.component(c).id();
            assertThat(consequences.worstHazardLevel(c))
                    .as("worst hazard from %s", id)
                    .isEqualTo(worst);
            if (worst != Consequences.NONE) {
                assertThat(consequences.hops(c)).as("hops to it from %s", id).isEqualTo(hops);
                int at = consequences.hazardComponent(c);
                assertThat(d[at])
                        .as("%s leads to %s", id, frozen.component(at).id())
                        .isEqualTo(hops);
            }
            if (nearestNeed == Integer.MAX_VALUE) {
                assertThat(consequences.neededComponent(c))
                        .as("no need reached from %s", id)
                        .isEqualTo(-1);
            } else {
                assertThat(consequences.neededHops(c))
                        .as("nearest need from %s", id)
                        .isEqualTo(nearestNeed);
                assertThat(needed[consequences.neededComponent(c)]).isTrue();
            }
        }
    }
}
