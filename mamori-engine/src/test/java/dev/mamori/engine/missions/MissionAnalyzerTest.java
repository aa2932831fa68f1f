package dev.mamori.engine.missions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.missions.MissionAnalysis.Status;
import dev.mamori.engine.systemic.RandomLandscapes;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A small plant whose answers are worked out by hand: two sensors feed a gateway, which feeds a
 * server over a switch; the operator's screen reads the server. The screen shows nothing without the
 * server's data and the server nothing without the gateway's, so those two flows are required; the
 * gateway keeps running when a sensor stops (the missions name the sensors they need).
 */
class MissionAnalyzerTest {

    private static final String PLANT = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator] }
              vendor: { roles: [maintainer] }
            systems:
              plant:
                owner: ops
                operator: ops
                category: industrial
                components:
                  sensor-a: { kind: sensor }
                  sensor-b: { kind: sensor }
                  gateway: { kind: gateway, restore: { time: 1h, spares: 1, swap-time: 10m } }
                  switch: { kind: lan, restore: { time: 30m } }
                  server: { kind: server, maintainer: vendor, restore: { time: 3h, backup: offline, rebuild-time: 2d, after: [switch] } }
                  hmi: { kind: hmi }
                flows:
                  - { from: sensor-a, to: gateway, protocol: mqtt, encryption: tls }
                  - { from: sensor-b, to: gateway, protocol: mqtt, encryption: tls }
                  - { from: gateway, to: server, protocol: mqtt, encryption: tls, network: switch, required: true }
                  - { from: server, to: hmi, protocol: https, required: true }
            missions:
              monitor:
                needs: { all: [plant.hmi, { any: [plant.sensor-a, plant.sensor-b] }] }
                rto: 2h
                max-downtime: 4h
              watch:
                needs: plant.hmi
                rto: 1h
                degraded-modes:
                  local-panel: { needs: plant.sensor-a, tolerable-for: 1h30m }
            scenarios:
              switch-failure: { fails: [plant.switch] }
              server-ransomware: { compromised: [plant.server] }
              switch-and-server: { fails: [plant.switch, plant.server] }
              gateway-failure: { fails: [plant.gateway] }
            """;

    private final MissionAnalysis analysis = analyze(PLANT);

    private static MissionAnalysis analyze(String yaml) {
        FrozenGraph graph = FrozenGraph.of(RandomLandscapes.load(yaml));
        return new MissionAnalyzer(graph, new SystemicAnalyzer(graph))
                .analyze(new MissionAnalyzer.Options(List.of(), List.of(), List.of(), 20, 1, 40));
    }

    private MissionAnalysis.MissionCriticality mission(String id) {
        return analysis.missions().stream()
                .filter(m -> m.mission().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private MissionAnalysis.MissionOutcome outcome(String scenario, String mission) {
        return analysis.scenarios().stream()
                .filter(s -> s.scenario().equals(scenario))
                .flatMap(s -> s.missions().stream())
                .filter(o -> o.mission().equals(mission))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void singleFailuresThatStopTheMonitorAreTheChainToTheScreen() {
        assertThat(mission("monitor").single())
                .extracting(MissionAnalysis.Critical::component, MissionAnalysis.Critical::effect)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("plant.gateway", Status.STOPPED),
                        org.assertj.core.groups.Tuple.tuple("plant.switch", Status.STOPPED),
                        org.assertj.core.groups.Tuple.tuple("plant.server", Status.STOPPED),
                        org.assertj.core.groups.Tuple.tuple("plant.hmi", Status.STOPPED));
    }

    @Test
    void bothSensorsTogetherAreTheOnlyPair() {
        assertThat(mission("monitor").pairs())
                .extracting(p -> p.first() + "+" + p.second())
                .containsExactly("plant.sensor-a+plant.sensor-b");
        assertThat(mission("monitor").pairsComplete()).isTrue();
    }

    @Test
    void aDegradedModeTurnsAStopIntoADegradation() {
        // sensor-a keeps the local panel going when the screen's chain breaks
        assertThat(mission("watch").single())
                .extracting(MissionAnalysis.Critical::component, MissionAnalysis.Critical::effect)
                .contains(org.assertj.core.groups.Tuple.tuple("plant.server", Status.DEGRADED));
    }

    @Test
    void singlePointsAreRankedByTheMissionsTheyStop() {
        // each of the chain to the screen stops the monitor and degrades the watch; a sensor alone does neither
        assertThat(analysis.singlePoints())
                .extracting(MissionAnalysis.SinglePoint::component)
                .containsExactlyInAnyOrder("plant.gateway", "plant.switch", "plant.server", "plant.hmi");
        for (MissionAnalysis.SinglePoint p : analysis.singlePoints()) {
            assertThat(p.stops()).containsExactly("monitor");
            assertThat(p.degrades()).containsExactly("watch");
        }
    }

    @Test
    void theServerComesBackByItselfWhenTheSwitchIsRepaired() {
        MissionAnalysis.MissionOutcome o = outcome("switch-failure", "monitor");
        assertThat(o.status()).isEqualTo(Status.STOPPED);
        assertThat(o.backAfter()).contains(Duration.ofMinutes(30));
        assertThat(o.meetsObjectives()).contains(true);
        assertThat(o.waitsFor()).containsExactly("plant.hmi", "plant.switch");
    }

    @Test
    void ransomwareNeedsTheOfflineBackupAndMissesTheRto() {
        MissionAnalysis.MissionOutcome o = outcome("server-ransomware", "monitor");
        assertThat(o.backAfter()).contains(Duration.ofHours(3));
        assertThat(o.meetsObjectives()).contains(false); // RTO 2h
        assertThat(o.fixes().get(0)).startsWith("bring plant.server back in 2h instead of 3h");
        MissionAnalysis.Step step = analysis.scenarios().stream()
                .filter(s -> s.scenario().equals("server-ransomware"))
                .findFirst()
                .orElseThrow()
                .restoration()
                .get(0);
        assertThat(step.component()).isEqualTo("plant.server");
        assertThat(step.cause()).isEqualTo("compromised");
        assertThat(step.how()).isEqualTo("restore from the offline backup");
        assertThat(step.by()).isEqualTo("vendor");
    }

    @Test
    void theDegradedModeCountsOnlyBeyondItsTolerance() {
        MissionAnalysis.MissionOutcome o = outcome("server-ransomware", "watch");
        assertThat(o.status()).isEqualTo(Status.DEGRADED);
        assertThat(o.degradedMode()).contains("local-panel");
        // back after 3h; degraded for 1h30m is tolerable, then stopped for 1h30m > RTO 1h
        assertThat(o.meetsObjectives()).contains(false);
    }

    @Test
    void aRestorationWaitsForWhatItComesAfter() {
        MissionAnalysis.ScenarioResult s = analysis.scenarios().stream()
                .filter(x -> x.scenario().equals("switch-and-server"))
                .findFirst()
                .orElseThrow();
        assertThat(s.restoration())
                .extracting(MissionAnalysis.Step::component, MissionAnalysis.Step::start, MissionAnalysis.Step::done)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "plant.switch", Optional.of(Duration.ZERO), Optional.of(Duration.ofMinutes(30))),
                        org.assertj.core.groups.Tuple.tuple(
                                "plant.server",
                                Optional.of(Duration.ofMinutes(30)),
                                Optional.of(Duration.ofMinutes(210))));
        assertThat(outcome("switch-and-server", "monitor").waitsFor())
                .containsExactly("plant.hmi", "plant.server", "plant.switch");
    }

    @Test
    void aSpareIsSwappedIn() {
        assertThat(outcome("gateway-failure", "monitor").backAfter()).contains(Duration.ofMinutes(10));
    }

    @Test
    void withoutARestoreTimeTheAnswerSaysWhatIsMissing() {
        MissionAnalysis a = analyze(PLANT.replace("hmi: { kind: hmi }", "hmi: { kind: hmi }\n")
                .replace("switch-failure: { fails: [plant.switch] }", "switch-failure: { fails: [plant.hmi] }"));
        MissionAnalysis.MissionOutcome o = a.scenarios().get(0).missions().get(0);
        assertThat(o.backAfter()).isEmpty();
        assertThat(o.explanation()).contains("no restore time for plant.hmi");
        assertThat(o.fixes()).containsExactly("say how long restoring plant.hmi takes ('restore: time')");
    }

    @Test
    void theRobustnessCurveStartsFullAndNeverRises() {
        List<MissionAnalysis.Point> points = analysis.robustness().points();
        assertThat(points).hasSize(11);
        assertThat(points.get(0).missionsUp()).isEqualTo(1.0);
        assertThat(points.get(10).failedFraction()).isEqualTo(0.5);
        assertThat(points.get(10).missionsUp()).isLessThan(1.0);
        for (MissionAnalysis.Point p : points) {
            assertThat(p.worstMissionsUp()).isLessThanOrEqualTo(p.missionsUp());
        }
    }

    @Test
    void anUnknownScenarioNameIsRefusedWithASuggestion() {
        FrozenGraph graph = FrozenGraph.of(RandomLandscapes.load(PLANT));
        MissionAnalyzer analyzer = new MissionAnalyzer(graph, new SystemicAnalyzer(graph));
        assertThatThrownBy(() -> analyzer.analyze(
                        new MissionAnalyzer.Options(List.of("switch-falure"), List.of(), List.of(), 0, 1, 40)))
                .isInstanceOf(MissionAnalyzer.UnknownScenario.class)
                .hasMessageContaining("did you mean 'switch-failure'");
    }
}
