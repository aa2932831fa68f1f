package dev.mamori.engine.missions;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.graph.NeedsCircuit;
import dev.mamori.engine.missions.MissionAnalysis.Status;
import dev.mamori.model.Mission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The missions' needs and degraded modes compiled into circuits, with the missions that name each component. */
final class CompiledMissions {

    final List<Mission> missions;
    final NeedsCircuit[] needs;
    final NeedsCircuit[][]
            degraded; // per mission, per degraded mode with needs; null where a mode needs nothing modelled
    private final int[] missionsOfStart;
    private final int[] missionsOf;

    CompiledMissions(FrozenGraph graph) {
        missions = graph.missions();
        int m = missions.size();
        needs = new NeedsCircuit[m];
        degraded = new NeedsCircuit[m][];
        int n = graph.componentCount();
        missionsOfStart = new int[n + 1];
        for (int i = 0; i < m; i++) {
            Mission mission = missions.get(i);
            needs[i] = NeedsCircuit.of(graph, mission.needs());
            degraded[i] = mission.degradedModes().stream()
                    .map(d -> d.needs().map(x -> NeedsCircuit.of(graph, x)).orElse(null))
                    .toArray(NeedsCircuit[]::new);
            for (int c : needs[i].leaves()) {
                missionsOfStart[c + 1]++;
            }
        }
        for (int c = 0; c < n; c++) {
            missionsOfStart[c + 1] += missionsOfStart[c];
        }
        missionsOf = new int[missionsOfStart[n]];
        int[] next = Arrays.copyOf(missionsOfStart, n);
        for (int i = 0; i < m; i++) {
            for (int c : needs[i].leaves()) {
                missionsOf[next[c]++] = i;
            }
        }
    }

    int count() {
        return missions.size();
    }

    /** The missions whose needs name the component. */
    int[] missionsNaming(int component) {
        return Arrays.copyOfRange(missionsOf, missionsOfStart[component], missionsOfStart[component + 1]);
    }

    /** How the mission fares with the marked components down, and the degraded mode that carries it, if any. */
    Status status(int mission, boolean[] down) {
        if (needs[mission].holds(c -> down[c])) {
            return Status.UP;
        }
        return degradedMode(mission, down).isPresent() ? Status.DEGRADED : Status.STOPPED;
    }

    /** The first degraded mode whose needs still hold; a mode that needs nothing modelled always holds. */
    Optional<Integer> degradedMode(int mission, boolean[] down) {
        NeedsCircuit[] modes = degraded[mission];
        for (int d = 0; d < modes.length; d++) {
            if (modes[d] == null || modes[d].holds(c -> down[c])) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The components the mission names that are marked down. */
    List<Integer> needsLost(int mission, boolean[] down) {
        List<Integer> lost = new ArrayList<>();
        for (int c : needs[mission].leaves()) {
            if (down[c]) {
                lost.add(c);
            }
        }
        return lost;
    }
}
