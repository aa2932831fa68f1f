package dev.mamori.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.missions.MissionAnalysis;
import dev.mamori.engine.missions.MissionAnalyzer;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.model.Landscape;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.validate.Validator;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The record-built landscape of the mission benchmark is a valid model whose scenario behaves as described. */
class RecordLandscapeTest {

    private final Landscape landscape = RecordLandscape.of(20, 50);

    @Test
    void isValid() {
        Diagnostics diagnostics = new Diagnostics();
        new Validator(landscape, diagnostics, LocalDate.of(2026, 11, 22)).validate();
        assertThat(diagnostics.hasErrors()).as(diagnostics.toString()).isFalse();
        assertThat(landscape.components()).hasSize(1000);
        assertThat(landscape.missions()).hasSize(20);
    }

    @Test
    void theScenarioStopsTheTenSitesUntilTheirLanIsBackAndTheHeldBrokerUntilItsBackup() {
        FrozenGraph graph = FrozenGraph.of(landscape);
        MissionAnalysis.ScenarioResult result = new MissionAnalyzer(graph, new SystemicAnalyzer(graph))
                .scenario(landscape.scenarios().get("regional-outage"));
        for (MissionAnalysis.MissionOutcome o : result.missions()) {
            int site = Integer.parseInt(o.mission().substring("serve-sys".length()));
            if (site >= 1 && site <= 10) {
                // the LAN is back after 30m; gateways, broker, database and application follow at once
                assertThat(o.status()).as(o.mission()).isEqualTo(MissionAnalysis.Status.STOPPED);
                assertThat(o.backAfter()).as(o.mission()).isEqualTo(Optional.of(Duration.ofMinutes(30)));
                assertThat(o.meetsObjectives()).contains(true);
            } else if (site == 0) {
                // the held broker is restored from its offline backup in 1h: past the 30m RTO
                assertThat(o.backAfter()).isEqualTo(Optional.of(Duration.ofHours(1)));
                assertThat(o.meetsObjectives()).contains(false);
            } else {
                assertThat(o.status()).as(o.mission()).isEqualTo(MissionAnalysis.Status.UP);
            }
        }
    }
}
