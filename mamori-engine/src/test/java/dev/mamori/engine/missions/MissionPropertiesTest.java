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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;

/** N-1 and N-2 against a brute-force evaluator written from the semantics, on random landscapes with random missions. */
@Tag("slow")
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

    /**
     * The restoration schedule is consistent with its definition: a step starts when the last of
     * the components it waits for is back, ends its restore time later, and a component or mission
     * is back at the first moment it holds given the steps not yet done, computed by brute force.
     */
    @Property(tries = 200)
    void restorationFollowsItsDefinition(@ForAll long seed) {
        Random random = new Random(seed);
        String yaml = RandomLandscapes.yaml(seed);
        // every component gets a restore time (sometimes unknown) and may wait for a lower-numbered one
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(      c(\\d+): \\{ kind: [^}]*?) }\n")
                .matcher(yaml);
        StringBuilder withRestore = new StringBuilder();
        while (m.find()) {
            int index = Integer.parseInt(m.group(2));
            String restore = random.nextInt(8) == 0
                    ? ""
                    : ", restore: { time: " + (1 + random.nextInt(90)) + "m"
                            + (index > 0 && random.nextBoolean() ? ", after: [c" + random.nextInt(index) + "]" : "")
                            + " }";
            m.appendReplacement(withRestore, java.util.regex.Matcher.quoteReplacement(m.group(1) + restore + " }\n"));
        }
        m.appendTail(withRestore);
        Landscape plain = RandomLandscapes.load(withRestore.toString());
        List<String> ids = plain.components().stream().map(Component::id).toList();
        Set<String> failed = new TreeSet<>();
        for (String id : ids) {
            if (random.nextInt(3) == 0) {
                failed.add(id);
            }
        }
        String scenario = "scenarios:\n  s: { fails: [" + String.join(", ", failed) + "] }\n";
        StringBuilder missions = new StringBuilder("missions:\n");
        for (int i = 0; i < 3; i++) {
            missions.append("  m")
                    .append(i)
                    .append(": { needs: ")
                    .append(RandomLandscapes.needs(random, ids, 2))
                    .append(" }\n");
        }
        Landscape landscape = RandomLandscapes.load(withRestore + missions.toString() + scenario);
        FrozenGraph graph = FrozenGraph.of(landscape);
        MissionAnalysis.ScenarioResult result = new MissionAnalyzer(graph, new SystemicAnalyzer(graph))
                .analyze(new MissionAnalyzer.Options(List.of("s"), List.of(), List.of(), 0, 1, 2))
                .scenarios()
                .get(0);
        // a step's restoration ends at start + restore time; it runs again when nothing it needs is still broken
        java.util.Map<String, Component> byId = new java.util.HashMap<>();
        landscape.components().forEach(c -> byId.put(c.id(), c));
        java.util.Map<String, Long> done = new java.util.HashMap<>();
        for (MissionAnalysis.Step step : result.restoration()) {
            Optional<java.time.Duration> time =
                    byId.get(step.component()).restore().flatMap(dev.mamori.model.Restoration::time);
            done.put(
                    step.component(),
                    step.start().isPresent() && time.isPresent()
                            ? step.start().get().getSeconds() + time.get().getSeconds()
                            : Long.MAX_VALUE);
        }
        assertThat(done.keySet()).isEqualTo(failed);
        TreeSet<Long> events = new TreeSet<>(done.values());
        events.add(0L);
        events.remove(Long.MAX_VALUE);
        for (MissionAnalysis.Step step : result.restoration()) {
            long back = backAt(landscape, done, events, step.component());
            assertThat(step.done().map(java.time.Duration::getSeconds).orElse(Long.MAX_VALUE))
                    .as("%s back", step.component())
                    .isEqualTo(back);
            if (step.start().isEmpty()) {
                continue; // waits for something that never comes back
            }
            long expectedStart = 0;
            for (Ref after : byId.get(step.component())
                    .restore()
                    .map(dev.mamori.model.Restoration::after)
                    .orElse(List.of())) {
                expectedStart = Math.max(expectedStart, backAt(landscape, done, events, id(after)));
            }
            assertThat(step.start().get().getSeconds())
                    .as("start of %s", step.component())
                    .isEqualTo(expectedStart);
        }
        for (MissionAnalysis.MissionOutcome o : result.missions()) {
            Mission mission = landscape.missions().get(o.mission());
            Long expected = null;
            for (long t : events) {
                if (holds(mission.needs(), downAt(landscape, done, t))) {
                    expected = t;
                    break;
                }
            }
            assertThat(o.backAfter().map(java.time.Duration::getSeconds).orElse(null))
                    .as("%s back", o.mission())
                    .isEqualTo(expected);
        }
    }

    private static Set<String> downAt(Landscape landscape, java.util.Map<String, Long> done, long t) {
        Set<String> still = new HashSet<>();
        done.forEach((c, d) -> {
            if (d > t) {
                still.add(c);
            }
        });
        return down(landscape, still);
    }

    private static long backAt(Landscape landscape, java.util.Map<String, Long> done, TreeSet<Long> events, String c) {
        for (long t : events) {
            if (!downAt(landscape, done, t).contains(c)) {
                return t;
            }
        }
        return Long.MAX_VALUE;
    }

    /** A random landscape of the systemic tests with three random missions over its components. */
    static Landscape withMissions(long seed) {
        return RandomLandscapes.withMissions(seed);
    }

    /**
     * The least fixed point, naively: a component goes down when a required data flow into it is
     * broken (its sender or a network it crosses is down) or its declared needs no longer hold.
     */
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
                java.util.function.Predicate<Flow> broken =
                        f -> down.contains(id(f.from())) || f.network().stream().anyMatch(n -> down.contains(id(n)));
                boolean cut = in.stream().anyMatch(f -> f.required() && broken.test(f))
                        || c.needs().map(n -> !holds(n, down)).orElse(false);
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
