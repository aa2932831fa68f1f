package dev.mamori.engine.missions;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.missions.MissionAnalysis.Status;
import dev.mamori.engine.systemic.Cascade;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which single components (N-1) and which pairs (N-2) stop each mission when they fail. Every
 * component is failed once through the cascade, which touches only what goes down, and only the
 * missions naming something that went down are evaluated again. Pairs are drawn, per mission, from
 * the components nearest upstream of its needs (over the data flows and networks they depend on),
 * at most {@code pairLimit} of them, leaving out those that stop it alone.
 */
final class Criticality {

    /** What one component's failure does to each mission it affects. */
    record Effect(int component, int mission, Status status, int[] needsLost) {}

    /** A pair whose joint failure stops or degrades a mission that neither stops alone. */
    record PairEffect(int first, int second, int mission, Status status, int[] needsLost) {}

    private final FrozenGraph graph;
    private final Cascade cascade;
    private final CompiledMissions missions;
    private final boolean[] down;
    private final int[] seen;
    private final int[] queue;

    Criticality(FrozenGraph graph, Cascade cascade, CompiledMissions missions) {
        this.graph = graph;
        this.cascade = cascade;
        this.missions = missions;
        this.down = new boolean[graph.componentCount()];
        this.seen = new int[graph.componentCount()];
        this.queue = new int[graph.componentCount()];
    }

    /** N-1: for every component, the missions its failure stops or degrades. */
    List<Effect> single() {
        List<Effect> out = new ArrayList<>();
        int[] seen = new int[missions.count()];
        Arrays.fill(seen, -1);
        for (int c = 0; c < graph.componentCount(); c++) {
            int[] lost = cascade.run(new int[] {c}, null);
            for (int x : lost) {
                down[x] = true;
            }
            for (int x : lost) {
                for (int m : missions.missionsNaming(x)) {
                    if (seen[m] == c) {
                        continue;
                    }
                    seen[m] = c;
                    Status status = missions.status(m, down);
                    if (status != Status.UP) {
                        out.add(new Effect(c, m, status, ints(missions.needsLost(m, down))));
                    }
                }
            }
            for (int x : lost) {
                down[x] = false;
            }
        }
        return out;
    }

    /**
     * N-2 for one mission: pairs among its nearest upstream components that stop or degrade it when
     * they fail together, though neither does alone.
     *
     * @param candidates components whose failure alone does not affect the mission
     */
    List<PairEffect> pairs(int mission, int[] candidates) {
        List<PairEffect> out = new ArrayList<>();
        for (int i = 0; i < candidates.length; i++) {
            for (int j = i + 1; j < candidates.length; j++) {
                int[] lost = cascade.run(new int[] {candidates[i], candidates[j]}, null);
                for (int x : lost) {
                    down[x] = true;
                }
                Status status = missions.status(mission, down);
                if (status != Status.UP) {
                    out.add(new PairEffect(
                            candidates[i], candidates[j], mission, status, ints(missions.needsLost(mission, down))));
                }
                for (int x : lost) {
                    down[x] = false;
                }
            }
        }
        return out;
    }

    /**
     * The components upstream of a mission's needs, nearest first (breadth first against the required
     * data flows, the networks they travel over and the components' declared needs), leaving out
     * {@code skip}; at most {@code limit}.
     * Returns one more than the limit when there are more, so the caller can tell.
     */
    int[] upstream(int mission, boolean[] skip, int limit) {
        // one search per mission: marks are stamped with the mission, so nothing is cleared between them
        int stamp = mission + 1;
        int tail = 0;
        for (int c : missions.needs[mission].leaves()) {
            tail = visit(c, stamp, tail);
        }
        List<Integer> out = new ArrayList<>();
        for (int head = 0; head < tail && out.size() <= limit; head++) {
            int c = queue[head];
            if (!skip[c]) {
                out.add(c);
            }
            for (int needed : cascade.dependsOn(c)) {
                tail = visit(needed, stamp, tail);
            }
        }
        return ints(out);
    }

    private int visit(int c, int stamp, int tail) {
        if (seen[c] != stamp) {
            seen[c] = stamp;
            queue[tail++] = c;
        }
        return tail;
    }

    static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
