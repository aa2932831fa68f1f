package dev.mamori.enforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.model.diagnostics.Diagnostic;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the nftables target writes for a model, read as text. */
class NftablesTargetTest {

    private static final String PLANT = Landscapes.plant();

    private static Generated plant() {
        return NftablesTarget.generate(Landscapes.load(PLANT), Optional.empty());
    }

    @Test
    void oneRulesetPerZoneWithOneCountedRulePerFlowNamingItsLine() {
        Generated g = plant();
        assertThat(g.problems()).isEmpty();
        assertThat(g.files()).containsOnlyKeys("plant.office.nft", "plant.ot.nft");
        String ot = g.files().get("plant.ot.nft");
        int telemetry = Landscapes.line(PLANT, "id: telemetry");
        int sync = Landscapes.line(PLANT, "id: sync");
        assertThat(ot)
                .contains("table inet mamori-plant.ot {")
                .contains("ip daddr { 127.0.0.8/29 } jump guard")
                .contains("ct state established,related accept")
                .contains("ip saddr 127.0.0.20 ip daddr 127.0.0.10 tcp dport 1883 counter accept comment \"flow"
                        + " plant.telemetry mqtt plant.yaml:" + telemetry + "\"")
                .contains("ip saddr 127.0.0.11 ip daddr 127.0.0.10 meta l4proto { tcp, udp } th dport 47808 counter"
                        + " accept comment \"flow plant.sync bacnet plant.yaml:" + sync + "\"")
                .contains("counter drop comment \"not in the model\"");
        // The office has no cidr: its members are its components' addresses, IPv4 and IPv6 apart.
        String office = g.files().get("plant.office.nft");
        assertThat(office)
                .contains("ip daddr { 127.0.0.20, 127.0.0.21 } jump guard")
                .contains("ip6 daddr { fd00:20::7 } jump guard")
                .contains("plant.telemetry")
                .doesNotContain("plant.sync");
        assertThat(g.notes()).singleElement().asString().contains("ble over radio");
    }

    @Test
    void theSameModelGivesTheSameBytes() {
        assertThat(plant().files()).isEqualTo(plant().files());
        assertThat(NftablesTarget.generate(Landscapes.load(PLANT), Optional.of("plant"))
                        .files())
                .isEqualTo(plant().files());
    }

    @Test
    void aFlowWhoseEndHasNoAddressIsRefusedWhereTheFlowIsWritten() {
        String text = PLANT.replace(
                        "      - { from: tag, to: hmi, protocol: ble }",
                        "      - { id: poll, from: hmi, to: tag, protocol: modbus-tcp }")
                .replace("cidr: 127.0.0.8/29 ", "");
        Generated g = NftablesTarget.generate(Landscapes.load(text), Optional.empty());
        assertThat(g.files()).as("nothing is written when anything is missing").isEmpty();
        Diagnostic d = g.problems().stream()
                .filter(p -> p.message().contains("plant.poll"))
                .findFirst()
                .orElseThrow();
        assertThat(d.at().line()).isEqualTo(Landscapes.line(text, "id: poll"));
        assertThat(d.at().file()).isEqualTo("plant.yaml");
        assertThat(d.message()).contains("plant.tag", "has no 'address'", "zone plant.ot a 'cidr'");
        assertThat(d.code()).isEqualTo("not-enforceable");
    }

    @Test
    void aFlowWithoutAPortIsRefused() {
        String text = PLANT.replace(
                "protocol: mqtt, authentication: password, topics: [plant/telemetry/#] }", "protocol: grpc }");
        Generated g = NftablesTarget.generate(Landscapes.load(text), Optional.empty());
        assertThat(g.files()).isEmpty();
        assertThat(g.problems()).singleElement().satisfies(d -> {
            assertThat(d.message()).contains("plant.telemetry", "no port", "'port'");
            assertThat(d.at().line()).isEqualTo(Landscapes.line(text, "id: telemetry"));
        });
        String fixed = text.replace("protocol: grpc }", "protocol: grpc, port: 50051 }");
        assertThat(NftablesTarget.generate(Landscapes.load(fixed), Optional.empty())
                        .files()
                        .get("plant.ot.nft"))
                .contains("tcp dport 50051");
    }

    @Test
    void aFlowBetweenIpv4AndIpv6IsRefused() {
        String text = PLANT.replace("from: hmi, to: broker", "from: tablet, to: broker");
        Generated g = NftablesTarget.generate(Landscapes.load(text), Optional.empty());
        assertThat(g.problems())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("IPv4 and an IPv6"));
    }

    @Test
    void aZoneWithoutCidrIsGuardedByItsComponentsAddressesWithoutNestedOnes() {
        String text = PLANT.replace(
                "app: { kind: server, zone: office, address: 127.0.0.21, mqtt-user: app }",
                "app: { kind: server, zone: office, address: 127.0.0.21, mqtt-user: app }\n"
                        + "      desks: { kind: workstation, zone: office, count: 40, address: 127.0.1.0/24 }\n"
                        + "      desk: { kind: workstation, zone: office, address: 127.0.1.9 }\n"
                        + "      twin: { kind: workstation, zone: office, address: 127.0.0.20 }");
        String office = NftablesTarget.generate(Landscapes.load(text), Optional.empty())
                .files()
                .get("plant.office.nft");
        assertThat(office).contains("ip daddr { 127.0.0.20, 127.0.0.21, 127.0.1.0/24 } jump guard");
    }

    @Test
    void anMqttSubscriberConnectsToItsBrokerThoughTheFlowComesFromIt() {
        int dashboard = Landscapes.line(PLANT, "id: dashboard");
        assertThat(plant().files().get("plant.ot.nft"))
                .contains("ip saddr 127.0.0.21 ip daddr 127.0.0.10 tcp dport 1883 counter accept comment \"flow"
                        + " plant.dashboard mqtt plant.yaml:" + dashboard + "\"");
    }

    @Test
    void withThePlanTheCutFlowIsDroppedBeforeAnythingAllowsIt() {
        var landscape = Landscapes.load(PLANT);
        PlanCuts plan = PlanCuts.isolating(landscape, Optional.of("plant.hmi"), "plant.historian");
        assertThat(plan.flows()).extracting(f -> f.id()).containsExactly("plant.setpoint");
        String ot = NftablesTarget.generate(landscape, Optional.empty(), plan)
                .files()
                .get("plant.ot.nft");
        int setpoint = Landscapes.line(PLANT, "id: setpoint");
        String drop = "ip saddr 127.0.0.20 ip daddr 127.0.0.11 tcp dport 502 counter drop comment \"plan: cut flow"
                + " plant.setpoint modbus-tcp plant.yaml:" + setpoint + "\"";
        assertThat(ot).contains(drop).doesNotContain("tcp dport 502 counter accept");
        assertThat(ot.indexOf(drop)).isLessThan(ot.indexOf("accept comment \"within zone"));
        assertThat(ot).contains("# With the isolation plan keeping plant.historian from plant.hmi");
        assertThat(plant().files().get("plant.ot.nft"))
                .as("without the plan the flow is allowed")
                .contains("tcp dport 502 counter accept comment \"flow plant.setpoint");
    }

    @Test
    void aSegmentOfThePlanKeepsTheComponentFromTheRestOfItsZone() {
        var landscape = Landscapes.load(PLANT);
        var zone = landscape.systems().get("plant").zones().get("ot");
        var historian = landscape.systems().get("plant").components().get("historian");
        PlanCuts plan = new PlanCuts(
                "test plan",
                java.util.List.of(),
                java.util.List.of(new PlanCuts.Segment(historian, zone, true, "test")),
                java.util.List.of());
        String ot = NftablesTarget.generate(landscape, Optional.empty(), plan)
                .files()
                .get("plant.ot.nft");
        String segment = "ip saddr 127.0.0.11 ip daddr { 127.0.0.8/29 } counter drop comment \"plan: segment"
                + " plant.historian in zone plant.ot";
        assertThat(ot).contains(segment);
        assertThat(ot.indexOf("flow plant.sync"))
                .as("its modelled flows still pass")
                .isLessThan(ot.indexOf(segment));
        assertThat(ot.indexOf(segment)).isLessThan(ot.indexOf("within zone"));
    }

    @Test
    void anUnknownSystemIsRefused() {
        assertThatThrownBy(() -> NftablesTarget.generate(Landscapes.load(PLANT), Optional.of("mall")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no system 'mall'")
                .hasMessageContaining("plant");
    }

    @Test
    void eachRulesKeyIsWhatDriftReadsFromItsText() {
        // The keys of flow rules are built from their parts, not read back: they must agree.
        var landscape = Landscapes.load(PLANT);
        for (PlanCuts plan : java.util.List.of(
                PlanCuts.NONE, PlanCuts.isolating(landscape, Optional.of("plant.hmi"), "plant.historian"))) {
            var tables =
                    NftablesTarget.expected(landscape, Optional.empty(), plan).tables();
            assertThat(tables).isNotEmpty();
            tables.forEach(t -> assertThat(t.rules())
                    .allSatisfy(
                            r -> assertThat(r.key()).as(r.text()).isEqualTo(NftablesDrift.canonicalText(r.text()))));
        }
    }
}
