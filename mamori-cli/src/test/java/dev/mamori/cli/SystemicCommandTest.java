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

class SystemicCommandTest {

    @TempDir
    Path dir;

    /**
     * A contractor's portal password into a retailer's flat zone, where the tills share one login; the
     * contractor reaches the portal over the web, the route the password needs.
     */
    private static final String MODEL = """
            mamori: 1
            landscape: Retail
            stakeholders:
              shop: { roles: [operator] }
              hvac: { roles: [maintainer] }
            systems:
              contractor:
                owner: hvac
                operator: hvac
                category: enterprise
                components:
                  laptop: { kind: workstation, exposure: internet }
              store:
                owner: shop
                operator: shop
                category: enterprise
                zones: [corp]
                components:
                  portal: { kind: web-app, zone: corp }
                  till: { kind: payment-terminal, zone: corp, credentials: fleet-shared, count: 40, needs: payments }
                  payments: { kind: server, zone: corp, credentials: unique }
                flows:
                  - { from: till, to: payments, protocol: https }
            flows:
              - { from: contractor.laptop, to: store.portal, protocol: https }
            credentials:
              - { id: vendor-login, holder: contractor.laptop, accepted-by: store.portal, mfa: false }
            missions:
              sales: { owner: shop, needs: [store.till, store.payments], rto: 1h }
            """;

    private void write() throws IOException {
        Files.writeString(dir.resolve("m.yaml"), MODEL, StandardCharsets.UTF_8);
    }

    @Test
    void pathsAreExplainedHopByHop() throws IOException {
        write();
        Cli cli = Cli.run(dir, "systemic", "--today", "2026-11-22", "m.yaml");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("Retail — systemic risk")
                .contains("Paths into other systems, most likely first:")
                .contains("store.till (system store)")
                .contains(
                        "contractor.laptop -> store.portal [credential] holds a password that store.portal accepts, without MFA")
                .contains("store.portal -> zone store.corp [zone-member]")
                .contains("zone store.corp -> store.till [lateral] reaches store.till, whose login is fleet-shared")
                .contains("sales: store.till")
                .contains("contractor           score   1  a compromise of contractor reaches 1 other system");
    }

    @Test
    void theIsolationPlanNamesTheCheapestCutAndItsCost() throws IOException {
        write();
        Cli cli = Cli.run(
                dir, "systemic", "--today", "2026-11-22", "--from", "contractor", "--protect", "store.till", "m.yaml");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out())
                .contains("Isolation plan: keep contractor away from store.till")
                .contains("cut or harden these 1 relation (total cost 1):")
                .contains("credential vendor-login: contractor.laptop -> store.portal")
                .contains(
                        "single points every path crosses (hardening one alone isolates): store.portal, zone store.corp");
    }

    /**
     * Issue 15: `--protect` names a data asset, and the plan keeps it in. A till is assumed held (the
     * shape of a skimming intrusion); the zone says nothing of what may leave it, so the card data
     * the till sends leaves from there. No cut keeps the attacker off a till it holds from the
     * start: an egress rule on the zone does (2). Text and JSON say so, and with the rule written
     * into the model nothing is left to do.
     */
    @Test
    void aDataAssetIsKeptInByAnEgressRuleWhereThatIsCheapest() throws IOException {
        String model = MODEL.replace(
                        "      - { from: till, to: payments, protocol: https }",
                        "      - { from: till, to: payments, protocol: https, data: [cards] }")
                + "data:\n  cards: { owner: shop, confidentiality: critical }\n";
        Files.writeString(dir.resolve("m.yaml"), model, StandardCharsets.UTF_8);
        Cli cli = Cli.run(
                dir, "systemic", "--today", "2026-11-22", "--from", "store.till", "--protect", "cards", "m.yaml");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out())
                .contains("Isolation plan: keep store.till away from cards")
                .contains("make these changes (total cost 2):")
                .contains("egress-rule: let only the modelled flows of zone store.corp leave it (egress: deny),"
                        + " so that cards read there cannot be taken out (cost 2)")
                .contains("checked: with these changes applied, cards is read nowhere it can be taken out from");
        Cli json = Cli.run(
                dir,
                "systemic",
                "--today",
                "2026-11-22",
                "--from",
                "store.till",
                "--protect",
                "cards",
                "--format",
                "json",
                "m.yaml");
        JsonNode isolation = new ObjectMapper().readTree(json.out()).at("/systemic/isolation");
        assertThat(isolation.get("protectKind").asText()).isEqualTo("data asset");
        assertThat(isolation.at("/changes/0/kind").asText()).isEqualTo("egress-rule");
        assertThat(isolation.at("/changes/0/zone").asText()).isEqualTo("store.corp");
        assertThat(isolation.get("verified").asBoolean()).isTrue();

        Files.writeString(
                dir.resolve("m.yaml"),
                model.replace("zones: [corp]", "zones: { corp: { kind: it, egress: deny } }"),
                StandardCharsets.UTF_8);
        Cli applied = Cli.run(
                dir, "systemic", "--today", "2026-11-22", "--from", "store.till", "--protect", "cards", "m.yaml");
        assertThat(applied.out())
                .contains("nothing to change: cards is read nowhere it could be taken out from, checked");
    }

    @Test
    void anOutageSaysWhatElseGoesDown() throws IOException {
        write();
        // The tills need the payment server (they take no card without it); the server does not need
        // its tills: a server does not go down because its clients do.
        Cli cli = Cli.run(dir, "systemic", "--today", "2026-11-22", "--fail", "store.payments", "m.yaml");
        assertThat(cli.out())
                .contains("Outage of store.payments:")
                .contains("also down: store.till")
                .contains("missions stopped: sales");
        Cli tills = Cli.run(dir, "systemic", "--today", "2026-11-22", "--fail", "store.till", "m.yaml");
        assertThat(tills.out()).contains("Outage of store.till:").doesNotContain("also down: store.payments");
    }

    @Test
    void unknownElementsAreUsageErrors() throws IOException {
        write();
        Cli cli = Cli.run(dir, "systemic", "--from", "contractr", "m.yaml");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err())
                .contains("no system, component, hazard or mission 'contractr'; did you mean 'contractor'?");
    }

    @Test
    void theJsonAssessmentHasASystemicSection() throws IOException {
        write();
        Cli cli = Cli.run(
                dir,
                "systemic",
                "--today",
                "2026-11-22",
                "--from",
                "contractor",
                "--protect",
                "store",
                "--format",
                "json",
                "m.yaml");
        JsonNode json = new ObjectMapper().readTree(cli.out());
        JsonNode systemic = json.get("systemic");
        assertThat(systemic.at("/entries/0/component").asText()).isEqualTo("contractor.laptop");
        assertThat(systemic.at("/paths/0/hops/0/relation").asText()).isEqualTo("credential");
        assertThat(systemic.at("/paths/0/hops/0/weakness").asText()).contains("without MFA");
        assertThat(systemic.at("/isolation/cuts/0/element").asText()).isEqualTo("credential vendor-login");
        assertThat(systemic.at("/isolation/cost").asInt()).isEqualTo(1);
        assertThat(systemic.at("/isolation/verified").asBoolean())
                .as("the plan was applied and checked")
                .isTrue();
        assertThat(systemic.at("/isolation/rounds").asInt()).isEqualTo(1);
        assertThat(systemic.at("/isolation/stillReaching").isArray()).isTrue();
        assertThat(systemic.at("/blastRadius/0/system").asText()).isEqualTo("contractor");
        assertThat(json.get("findings").size()).isPositive();
    }

    /**
     * Issue 14: on the bundled venue the plan for spectator-entry cut the vendor's paths but left the
     * LTE router's (router -> gate zone -> turnstiles), and printed itself as if it isolated. Then it
     * said the turnstiles anyone at a plaza can reach were beyond any change. Issue 15: what
     * outsiders reach is a relation too, with a remedy that fits how it is reached; the plan takes
     * the router off the internet and locks the turnstiles' service ports away, and is checked.
     */
    @Test
    void theVenuePlanIsCheckedAndTakesTheEntriesOutOfReach() {
        Cli cli = Cli.run(dir, "systemic", "--today", "2026-11-22", "--protect", "spectator-entry");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        String plan = cli.out().substring(cli.out().indexOf("Isolation plan"));
        assertThat(plan)
                .contains("exposure of access.lte-router: outsiders -> access.lte-router, reachable from the internet")
                .contains("allow only known peers, or put it behind the VPN; give it a unique login")
                .contains("exposure of access.turnstiles-north")
                .contains("lock access.turnstiles-north's enclosure and service ports away from the public")
                .doesNotContain("turnstiles-north out of outsiders' reach: allow only known peers")
                .contains("checked: with these cuts applied, the attacker reaches nothing of spectator-entry");
    }
}
