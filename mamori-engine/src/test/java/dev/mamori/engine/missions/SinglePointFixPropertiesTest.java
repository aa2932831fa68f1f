package dev.mamori.engine.missions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.missions.MissionAnalysis.Critical;
import dev.mamori.engine.missions.MissionAnalysis.MissionCriticality;
import dev.mamori.engine.missions.MissionAnalysis.Status;
import dev.mamori.engine.systemic.RandomLandscapes;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.model.Landscape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;

/**
 * A mission's N-1 fix, applied to the model, removes the single point of failure it names: the fix
 * that `mamori missions` and the rule {@code mission-single-point-of-failure} give (a standby for the
 * component, named beside it in every needs expression that names it) is written into random
 * landscapes, and the missions are analysed again. The component no longer stops the mission alone,
 * nor does its standby, and no single point appears that was not there before.
 */
@Tag("slow")
class SinglePointFixPropertiesTest {

    private static final MissionAnalyzer.Options OPTIONS =
            new MissionAnalyzer.Options(List.of(), List.of(), List.of(), 0, 1, 40);

    @Property(tries = 400)
    void aStandbyNamedInTheNeedsRemovesTheSinglePointOfFailure(@ForAll long seed) {
        String yaml = RandomLandscapes.withMissionsYaml(seed);
        MissionAnalysis before = analyze(RandomLandscapes.load(yaml));
        List<String[]> stops = new ArrayList<>(); // mission, component
        for (MissionCriticality mission : before.missions()) {
            for (Critical critical : mission.single()) {
                if (critical.effect() == Status.STOPPED && fixable(yaml, critical.component())) {
                    stops.add(new String[] {mission.mission(), critical.component()});
                }
            }
        }
        Assume.that(!stops.isEmpty());
        String[] chosen = stops.get(new Random(seed).nextInt(stops.size()));
        String component = chosen[1];
        String standby = component + "s";

        MissionAnalysis after = analyze(RandomLandscapes.load(withStandby(yaml, component)));

        for (MissionCriticality mission : after.missions()) {
            List<String> stoppingNow = mission.single().stream()
                    .filter(c -> c.effect() == Status.STOPPED)
                    .map(Critical::component)
                    .toList();
            assertThat(stoppingNow)
                    .as("%s after a standby for %s", mission.mission(), component)
                    .doesNotContain(component, standby);
            List<String> stoppingBefore = before.missions().stream()
                    .filter(m -> m.mission().equals(mission.mission()))
                    .flatMap(m -> m.single().stream())
                    .filter(c -> c.effect() == Status.STOPPED)
                    .map(Critical::component)
                    .toList();
            assertThat(stoppingBefore).as("no new single point").containsAll(stoppingNow);
        }
    }

    private static MissionAnalysis analyze(Landscape landscape) {
        FrozenGraph graph = FrozenGraph.of(landscape);
        return new MissionAnalyzer(graph, new SystemicAnalyzer(graph)).analyze(OPTIONS);
    }

    /**
     * A standby in the needs expressions stands in for a component other components depend on by
     * need; one that sends a required flow or carries a flow as its network is depended on through
     * that flow, which a second unit does not replace (its fix is another route), so those are left out.
     */
    private static boolean fixable(String yaml, String component) {
        for (String line : yaml.split("\n")) {
            if (line.startsWith("  - { from: " + component + ",") && line.contains("required: true")) {
                return false;
            }
            if (line.startsWith("  - { from: ") && line.contains("network: " + component + ",")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The model with a standby for {@code component} (sS.cK): a copy of its line as sS.cKs, and every
     * needs expression that names it naming the standby beside it.
     */
    static String withStandby(String yaml, String component) {
        String system = component.substring(0, component.indexOf('.'));
        String local = component.substring(component.indexOf('.') + 1);
        Pattern named = Pattern.compile("(?<![\\w.])" + Pattern.quote(component) + "(?![\\w])");
        StringBuilder out = new StringBuilder();
        String currentSystem = null;
        for (String line : yaml.split("\n", -1)) {
            if (line.matches("  s\\d+:")) {
                currentSystem = line.trim().replace(":", "");
            }
            boolean componentLine = line.startsWith("      c");
            boolean missionLine = line.startsWith("  m") && line.contains("needs:");
            String rewritten = line;
            if ((componentLine || missionLine) && line.contains("needs:")) {
                int at = line.indexOf("needs:");
                int end = line.indexOf(", updates-from:", at); // the needs end where the update source begins
                end = end < 0 ? line.length() : end;
                String needs = named.matcher(line.substring(at, end))
                        .replaceAll(Matcher.quoteReplacement("{ any: [" + component + ", " + component + "s] }"));
                rewritten = line.substring(0, at) + needs + line.substring(end);
            }
            out.append(rewritten).append('\n');
            if (componentLine && system.equals(currentSystem) && line.startsWith("      " + local + ": ")) {
                // the standby is a copy of the component as written: the same needs, zone and exposure
                out.append("      ")
                        .append(local)
                        .append("s: ")
                        .append(line.substring(("      " + local + ": ").length()))
                        .append('\n');
            }
        }
        return out.substring(0, out.length() - 1);
    }
}
