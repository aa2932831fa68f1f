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

    /**
     * A plan for a data asset keeps it in: with its cuts applied and its egress rules in place, the
     * asset is read on no held component from which it gets out, checked by a naive fixed point and a
     * direct scan of the model (where it is got at, and each held component's way out, relayed over
     * flows between held components to a fixpoint). A plan that says it cannot do so names only
     * places the attacker holds from the start that reach the internet.
     */
    @Property(tries = 500)
    void aPrintedPlanKeepsADataAssetIn(@ForAll long seed) {
        FrozenGraph frozen = RandomLandscapes.frozen(seed);
        if (frozen.dataCount() == 0) {
            return;
        }
        String asset = frozen.data(new Random(seed).nextInt(frozen.dataCount())).id();
        int d = frozen.dataId(asset).orElseThrow();
        SystemicAnalyzer analyzer = new SystemicAnalyzer(frozen);
        SystemicAnalysis.Isolation plan = analyzer.analyze(
                        new SystemicAnalyzer.Options(Optional.empty(), Optional.of(asset), List.of()))
                .isolation()
                .orElseThrow();
        PropagationGraph g = analyzer.graph();
        boolean[] removed = removedBy(plan, analyzer);
        boolean[] protectedFlow = new boolean[frozen.flowCount()];
        boolean[] deniedZone = new boolean[frozen.zoneCount()];
        java.util.Set<String> deniedAlone = new java.util.HashSet<>();
        for (SystemicAnalysis.Change change : plan.changes()) {
            if (change instanceof SystemicAnalysis.EgressRule rule && rule.zone()) {
                for (int z = 0; z < frozen.zoneCount(); z++) {
                    deniedZone[z] |= frozen.zone(z).id().equals(rule.place());
                }
            } else if (change instanceof SystemicAnalysis.EgressRule rule) {
                deniedAlone.add(rule.place());
            } else if (change instanceof SystemicAnalysis.ProtectedLink link) {
                for (int f = 0; f < frozen.flowCount(); f++) {
                    protectedFlow[f] |= frozen.flowName(f).equals(link.flow());
                }
            }
        }
        for (int e = 0; e < g.edgeCount(); e++) {
            removed[e] |= g.relation(e) == Relation.INTERCEPT && protectedFlow[g.source(e)];
        }
        boolean[] held = bruteControl(g, EntryPoints.exposed(frozen).nodes(), removed);
        int n = frozen.componentCount();
        boolean[] readAt = new boolean[n];
        boolean heard = false;
        for (int f = 0; f < frozen.flowCount(); f++) {
            boolean carries = false;
            for (int x : frozen.dataOf(f)) {
                carries |= x == d;
            }
            if (!carries) {
                continue;
            }
            readAt[frozen.flowFrom(f)] = readAt[frozen.flowTo(f)] = true;
            boolean clear = frozen.flow(f).encryption().equals("none");
            if (clear && !protectedFlow[f]) {
                for (int net : frozen.networksOf(f)) {
                    readAt[net] = true;
                }
            }
            boolean overTheAir = frozen.flow(f).protocol().equals("ble")
                    && !frozen.flow(f).encryption().equals("ble-secure");
            heard |= overTheAir && !protectedFlow[f];
        }
        for (int c = 0; c < n; c++) {
            for (int stored : frozen.storedData(c)) {
                readAt[c] |= stored == d;
            }
        }
        boolean[] out = BruteWaysOut.of(frozen, held, deniedZone, deniedAlone);
        List<String> leaking = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (readAt[c] && out[c]) {
                leaking.add(g.name(c));
            }
        }
        if (plan.verified()) {
            assertThat(leaking)
                    .as("%s leaves after the plan %s %s", asset, plan.cuts(), plan.changes())
                    .isEmpty();
            assertThat(heard).as("%s is still heard after the plan", asset).isFalse();
        } else {
            assertThat(leaking)
                    .as("a plan said not to keep %s in does not in fact keep it in", asset)
                    .isNotEmpty();
            assertThat(plan.stillReaching())
                    .isNotEmpty()
                    .allMatch(s ->
                            s.contains("held directly") && (s.contains("faces the internet") || s.contains("relayed")));
        }
        if (plan.alreadyIsolated()) {
            assertThat(plan.cuts()).isEmpty();
            assertThat(plan.changes()).isEmpty();
        }
        long total = plan.cuts().stream().mapToLong(SystemicAnalysis.Cut::cost).sum()
                + plan.changes().stream()
                        .mapToLong(SystemicAnalysis.Change::cost)
                        .sum();
        assertThat(plan.cost()).isEqualTo(total);
    }

    /** The graph's edges a plan's cuts name, each matched to a relation of the model. */
    private static boolean[] removedBy(SystemicAnalysis.Isolation plan, SystemicAnalyzer analyzer) {
        PropagationGraph g = analyzer.graph();
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
        return removed;
    }

    private static void check(FrozenGraph frozen, String target, Optional<NeedsCircuit> mission) {
        SystemicAnalyzer analyzer = new SystemicAnalyzer(frozen);
        SystemicAnalysis.Isolation plan = analyzer.analyze(
                        new SystemicAnalyzer.Options(Optional.empty(), Optional.of(target), List.of()))
                .isolation()
                .orElseThrow();
        PropagationGraph g = analyzer.graph();
        EntryPoints entries = EntryPoints.exposed(frozen);
        boolean[] removed = removedBy(plan, analyzer);
        boolean[] held = bruteControl(g, entries.nodes(), removed);
        int[] protectedComponents = analyzer.components(target);
        List<String> heldTargets = new ArrayList<>();
        for (int c : protectedComponents) {
            if (held[c]) {
                heldTargets.add(g.name(c));
            }
        }
        // Down under attack: what the attacker holds, and what it crashes — a known flaw that crashes
        // a component it reaches (exposed, unless the plan filtered the exposure, or from a foothold
        // in its zone) that the plan neither patched nor covered by a spare.
        java.util.Set<String> relieved = new java.util.HashSet<>();
        for (SystemicAnalysis.Change change : plan.changes()) {
            if (change instanceof SystemicAnalysis.Patch patch) {
                relieved.add(patch.component());
            } else if (change instanceof SystemicAnalysis.Spare spare) {
                relieved.add(spare.component());
            }
        }
        List<Integer> heldComponents = new ArrayList<>();
        for (int c = 0; c < frozen.componentCount(); c++) {
            dev.mamori.model.Component component = frozen.component(c);
            boolean crashFlaw = component.exploitable().stream()
                    .anyMatch(x -> x.effect() == dev.mamori.model.Scales.ExploitEffect.CRASH);
            boolean exposureFiltered = false;
            for (int e = 0; e < g.edgeCount(); e++) {
                exposureFiltered |= removed[e] && g.to(e) == c && g.relation(e) == Relation.EXPOSURE;
            }
            int zone = frozen.zoneOf(c);
            boolean reached =
                    (frozen.facts().internetFacing(c) || !component.exposure().isEmpty()) && !exposureFiltered
                            || zone >= 0 && held[frozen.componentCount() + zone];
            if (held[c] || crashFlaw && reached && !relieved.contains(component.id())) {
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
