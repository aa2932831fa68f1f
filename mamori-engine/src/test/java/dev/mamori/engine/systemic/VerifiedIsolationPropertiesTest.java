package dev.mamori.engine.systemic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.graph.NeedsCircuit;
import dev.mamori.model.Landscape;
import dev.mamori.model.Mission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;

/**
 * A printed isolation plan is one a person acts on: applying its cuts must leave the protected
 * target out of the attacker's reach, checked here by a naive fixed point independent of the
 * analyzer. A plan that says it cannot isolate must say so only for what the attacker holds
 * directly, where no relation of the model leads.
 */
@Tag("slow")
class VerifiedIsolationPropertiesTest {

    @Property(tries = 500)
    void aPrintedPlanIsolatesAComponent(@ForAll long seed) {
        Landscape landscape = RandomLandscapes.withMissions(seed);
        FrozenGraph frozen = FrozenGraph.of(landscape);
        String target = frozen.component(new Random(seed).nextInt(frozen.componentCount()))
                .id();
        check(frozen, target, Optional.empty());
    }

    @Property(tries = 500)
    void aPrintedPlanKeepsAMissionRunning(@ForAll long seed) {
        Landscape landscape = RandomLandscapes.withMissions(seed);
        FrozenGraph frozen = FrozenGraph.of(landscape);
        int m = new Random(seed).nextInt(frozen.missions().size());
        Mission mission = frozen.missions().get(m);
        check(frozen, mission.id(), Optional.of(NeedsCircuit.of(frozen, mission.needs())));
    }

    private static void check(FrozenGraph frozen, String target, Optional<NeedsCircuit> mission) {
        SystemicAnalyzer analyzer = new SystemicAnalyzer(frozen);
        SystemicAnalysis.Isolation plan = analyzer.analyze(
                        new SystemicAnalyzer.Options(Optional.empty(), Optional.of(target), List.of()))
                .isolation()
                .orElseThrow();
        PropagationGraph g = analyzer.graph();
        EntryPoints entries = EntryPoints.exposed(frozen);
        boolean[] removed = new boolean[g.edgeCount()];
        for (SystemicAnalysis.Cut cut : plan.cuts()) {
            int matched = 0;
            for (int e = 0; e < g.edgeCount(); e++) {
                if (g.name(g.from(e)).equals(cut.from())
                        && g.name(g.to(e)).equals(cut.to())
                        && g.relation(e) == cut.relation()
                        && analyzer.element(e).equals(cut.element())) {
                    removed[e] = true;
                    matched++;
                }
            }
            assertThat(matched)
                    .as("the cut %s names a relation of the model", cut)
                    .isPositive();
        }
        boolean[] held = bruteControl(g, entries.nodes(), removed);
        int[] protectedComponents = analyzer.components(target);
        List<String> heldTargets = new ArrayList<>();
        for (int c : protectedComponents) {
            if (held[c]) {
                heldTargets.add(g.name(c));
            }
        }
        List<Integer> heldComponents = new ArrayList<>();
        for (int c = 0; c < frozen.componentCount(); c++) {
            if (held[c]) {
                heldComponents.add(c);
            }
        }
        Outage outage = Outage.of(
                analyzer.cascade(),
                heldComponents.stream().mapToInt(Integer::intValue).toArray());
        boolean missionStopped = mission.isPresent() && !mission.get().holds(outage::down);
        if (plan.verified()) {
            assertThat(heldTargets)
                    .as("%s after the plan %s", target, plan.cuts())
                    .isEmpty();
            assertThat(missionStopped)
                    .as("%s stopped after the plan %s", target, plan.cuts())
                    .isFalse();
            assertThat(plan.stillReaching()).isEmpty();
        } else {
            assertThat(heldTargets.isEmpty() && !missionStopped)
                    .as("a plan said not to isolate %s does not in fact isolate it", target)
                    .isFalse();
            // What is left is held from the start: no relation of the model leads to it.
            assertThat(plan.stillReaching()).isNotEmpty().allMatch(s -> s.contains("held directly"));
        }
        if (plan.alreadyIsolated()) {
            assertThat(plan.cuts()).isEmpty();
        }
    }

    /** Naive fixed point over the control relations left after the cuts. */
    private static boolean[] bruteControl(PropagationGraph g, int[] entries, boolean[] removed) {
        boolean[] on = new boolean[g.nodeCount()];
        for (int e : entries) {
            on[e] = true;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int e = 0; e < g.edgeCount(); e++) {
                if (!removed[e] && g.passesControl(e) && on[g.from(e)] && !on[g.to(e)]) {
                    on[g.to(e)] = true;
                    changed = true;
                }
            }
        }
        return on;
    }
}
