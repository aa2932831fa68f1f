package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissionsCommandTest {

    @TempDir
    Path dir;

    /** A shop whose tills report to a payment server over the store LAN. */
    private static final String MODEL = """
            mamori: 1
            landscape: Shop
            stakeholders:
              shop: { roles: [operator] }
              psp: { roles: [maintainer] }
            systems:
              store:
                owner: shop
                operator: shop
                category: enterprise
                components:
                  till: { kind: payment-terminal, count: 8, restore: { time: 2h, spares: 2, swap-time: 15m } }
                  lan: { kind: lan, restore: { time: 1h } }
                  payments: { kind: server, maintainer: psp, restore: { time: 4h, backup: online, rebuild-time: 1d, after: [lan] } }
                flows:
                  - { id: card-payments, from: till, to: payments, protocol: https, network: lan }
            missions:
              sales: { owner: shop, needs: [store.till, store.card-payments], rto: 2h, max-downtime: 8h }
            scenarios:
              lan-down: { name: The store LAN is down, fails: [store.lan] }
              payment-ransomware: { compromised: [store.payments] }
            """;

    private void write() throws IOException {
        Files.writeString(dir.resolve("m.yaml"), MODEL, StandardCharsets.UTF_8);
    }

    @Test
    void showsWhatStopsEachMissionAndEachScenario() throws IOException {
        write();
        Cli cli = Cli.run(dir, "missions", "--today", "2026-11-22", "--samples", "5", "m.yaml");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("Shop — missions")
                .contains("sales needs all of: store.till, flow store.card-payments")
                .contains("N-1: store.lan failing stops it\n")
                .contains("Single points of failure, by the missions they stop:")
                .contains("Scenario lan-down (The store LAN is down)")
                .contains(
                        "runs fully again after 1h, waiting for store.lan (back at 1h); RTO 2h, maximum tolerable downtime 8h: met")
                .contains("Scenario payment-ransomware")
                .contains("runs fully again after 1d")
                .contains(
                        "0s → 1d  store.payments (compromised): rebuild: an online backup is assumed lost with it, by psp")
                .contains("fix: bring store.payments back in 2h instead of 1d")
                .contains("Robustness (5 random samples per point");
    }

    @Test
    void runsOneScenarioOrOneGivenOnTheCommandLine() throws IOException {
        write();
        Cli one =
                Cli.run(dir, "missions", "--today", "2026-11-22", "--samples", "0", "--scenario", "lan-down", "m.yaml");
        assertThat(one.out()).contains("Scenario lan-down").doesNotContain("payment-ransomware");
        Cli adHoc = Cli.run(
                dir,
                "missions",
                "--today",
                "2026-11-22",
                "--samples",
                "0",
                "--scenario",
                "lan-down",
                "--fail",
                "store.till",
                "m.yaml");
        assertThat(adHoc.exitCode()).as(adHoc.err()).isZero();
        assertThat(adHoc.out())
                .contains("Scenario command-line (Given on the command line): store.till fail")
                .contains("0s → 15m  store.till (failed): swap in a spare, by shop");
    }

    @Test
    void anUnknownScenarioIsAUsageError() throws IOException {
        write();
        Cli cli = Cli.run(dir, "missions", "--today", "2026-11-22", "--scenario", "lan-dwn", "m.yaml");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err())
                .contains("no scenario 'lan-dwn'; did you mean 'lan-down'?")
                .doesNotContain("Exception");
    }

    @Test
    void theJsonAssessmentCarriesTheMissionsSection() throws IOException {
        write();
        Cli cli = Cli.run(dir, "missions", "--today", "2026-11-22", "--samples", "3", "--format", "json", "m.yaml");
        JsonNode missions = new ObjectMapper().readTree(cli.out()).get("missions");
        assertThat(missions.get("missions").get(0).get("mission").asText()).isEqualTo("sales");
        assertThat(missions.get("singlePointsOfFailure")
                        .get(0)
                        .get("stops")
                        .get(0)
                        .asText())
                .isEqualTo("sales");
        JsonNode lan = missions.get("scenarios").get(0);
        assertThat(lan.get("scenario").asText()).isEqualTo("lan-down");
        assertThat(lan.get("missions").get(0).get("status").asText()).isEqualTo("stopped");
        assertThat(lan.get("missions").get(0).get("backAfter").asText()).isEqualTo("1h");
        assertThat(lan.get("missions").get(0).get("meetsObjectives").asBoolean())
                .isTrue();
        assertThat(lan.get("restoration").get(0).get("by").asText()).isEqualTo("shop");
        assertThat(missions.get("robustness").get("points")).hasSize(11);
    }

    @Test
    void aRestorationCycleIsALocatedError() throws IOException {
        Files.writeString(
                dir.resolve("m.yaml"),
                MODEL.replace("restore: { time: 1h }", "restore: { time: 1h, after: [payments] }"),
                StandardCharsets.UTF_8);
        Cli cli = Cli.run(dir, "missions", "--today", "2026-11-22", "m.yaml");
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out())
                .containsPattern("m\\.yaml:\\d+:\\d+: error: restoration order goes round in a circle: ")
                .contains("store.lan -> store.payments -> store.lan");
    }

    /** Issue 14: "any" and "at least N of" are kept in the output, so no reader takes every need as required. */
    @Test
    void needsArePrintedAsWritten() {
        Cli cli = Cli.run(dir, "missions", "--today", "2026-11-22", "--samples", "0");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("spectator-entry (Spectators enter the venue safely) needs all of: access.gate-controllers,"
                        + " access.gate-management, at least 2 of (access.turnstiles-north, access.turnstiles-south,"
                        + " access.turnstiles-east, access.turnstiles-west), any of (flow ticket-validation,"
                        + " access.offline-validation-list), access.emergency-release\n");
    }
}
