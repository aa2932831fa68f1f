package dev.mamori.engine.missions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.systemic.RandomLandscapes;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.model.Component;
import dev.mamori.model.Flow;
import dev.mamori.model.Landscape;
import dev.mamori.model.Mission;
import dev.mamori.model.Needs;
import dev.mamori.model.Ref;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** N-1 and N-2 against a brute-force evaluator written from the semantics, on random landscapes with random missions. */
class MissionPropertiesTest {

    @Property(tries = 200)
    void singleAndPairFailuresMatchBruteForce(@ForAll long seed) {
        Landscape landscape = withMissions(seed);
        FrozenGraph graph = FrozenGraph.of(landscape);
        MissionAnalysis analysis = new MissionAnalyzer(graph, new SystemicAnalyzer(graph))
                .analyze(new MissionAnalyzer.Options(List.of(), List.of(), List.of(), 0, 1, 1_000));
        List<String> ids = landscape.components().stream().map(Component::id).toList();
        for (MissionAnalysis.MissionCriticality m : analysis.missions()) {
            Mission mission = landscape.missions().get(m.mission());
            Set<String> expectedSingle = new TreeSet<>();
            for (String c : ids) {
                if (!holds(mission.needs(), down(landscape, Set.of(c)))) {
                    expectedSingle.add(c);
                }
            }
            assertThat(new TreeSet<>(m.single().stream()
                            .map(MissionAnalysis.Critical::component)
                            .toList()))
                    .as("N-1 of %s", m.mission())
                    .isEqualTo(expectedSingle);
            assertThat(m.pairsComplete()).isTrue();
            Set<String> expectedPairs = new TreeSet<>();
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    String a = ids.get(i);
                    String b = ids.get(j);
                    if (!expectedSingle.contains(a)
                            && !expectedSingle.contains(b)
                            && !holds(mission.needs(), down(landscape, Set.of(a, b)))) {
                        expectedPairs.add(a + "+" + b);
                    }
                }
            }
            Set<String> actualPairs = new TreeSet<>();
            for (MissionAnalysis.CriticalPair p : m.pairs()) {
                actualPairs.add(
                        ids.indexOf(p.first()) < ids.indexOf(p.second())
                                ? p.first() + "+" + p.second()
                                : p.second() + "+" + p.first());
            }
            assertThat(actualPairs).as("N-2 of %s", m.mission()).isEqualTo(expectedPairs);
        }
    }

    /** A random landscape of the systemic tests with three random missions over its components. */
    static Landscape withMissions(long seed) {
        String yaml = RandomLandscapes.yaml(seed);
        List<String> ids = RandomLandscapes.load(yaml).components().stream()
                .map(Component::id)
                .toList();
        Random random = new Random(seed);
        StringBuilder missions = new StringBuilder("missions:\n");
        for (int m = 0; m < 3; m++) {
            missions.append("  m")
                    .append(m)
                    .append(": { needs: ")
                    .append(needs(random, ids, 2))
                    .append(" }\n");
        }
        return RandomLandscapes.load(yaml + missions);
    }

    private static String needs(Random random, List<String> ids, int depth) {
        if (depth == 0 || random.nextInt(3) == 0) {
            return ids.get(random.nextInt(ids.size()));
        }
        int n = 1 + random.nextInt(3);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(needs(random, ids, depth - 1));
        }
        String list = "[" + String.join(", ", parts) + "]";
        return switch (random.nextInt(3)) {
            case 0 -> "{ all: " + list + " }";
            case 1 -> "{ any: " + list + " }";
            default -> "{ at-least: " + (1 + random.nextInt(n)) + ", of: " + list + " }";
        };
    }

    /** The least fixed point, naively: a receiver goes down when every data flow into it is broken. */
    static Set<String> down(Landscape landscape, Set<String> failed) {
        Set<String> down = new HashSet<>(failed);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Component c : landscape.components()) {
                if (down.contains(c.id())) {
                    continue;
                }
                List<Flow> in = landscape.allFlows().stream()
                        .filter(f -> !f.commands() && id(f.to()).equals(c.id()))
                        .toList();
                boolean cut = !in.isEmpty()
                        && in.stream()
                                .allMatch(f -> down.contains(id(f.from()))
                                        || f.network().stream().anyMatch(n -> down.contains(id(n))));
                if (cut) {
                    down.add(c.id());
                    changed = true;
                }
            }
        }
        return down;
    }

    static boolean holds(Needs needs, Set<String> down) {
        if (needs instanceof Needs.One one) {
            return !down.contains(one.component().text());
        }
        long met = needs.parts().stream().filter(p -> holds(p, down)).count();
        int required = needs instanceof Needs.All
                ? needs.parts().size()
                : needs instanceof Needs.Any ? 1 : ((Needs.AtLeast) needs).k();
        return met >= required;
    }

    private static String id(Ref ref) {
        return ref.text().contains(".") ? ref.text() : ref.system() + "." + ref.text();
    }
}
