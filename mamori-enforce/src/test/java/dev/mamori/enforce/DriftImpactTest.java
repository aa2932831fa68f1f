package dev.mamori.enforce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.model.Landscape;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployed rule the model lacks, put back into the model as an assumed flow (or exposure) and
 * the systemic analysis run again: what it opens. The rules are loaded with the real nft in a
 * network namespace and read back with {@code nft -j list ruleset}, as in {@link DriftLiveTest}.
 * In line.yaml the internet-exposed laptop has no flow to the controller whose hazard is
 * overpressure: without a rule from one to the other, neither the hazard nor the mission that
 * needs the controller is within an attacker's reach.
 */
class DriftImpactTest {

    private static final String LINE = Landscapes.resource("line.yaml");
    private static final Landscape LANDSCAPE = Landscapes.load(LINE);

    private static NftablesDrift.Result drift(Path dir, String then) throws Exception {
        String json = DriftLiveTest.deployed(
                dir, NftablesTarget.generate(LANDSCAPE, Optional.empty()).files(), then);
        return NftablesDrift.compareAll(
                NftablesTarget.expected(LANDSCAPE, Optional.empty(), PlanCuts.NONE),
                LANDSCAPE,
                NftablesDrift.read(new StringReader(json), "live.json"),
                "live.json");
    }

    private static DriftImpact.Impact only(Path dir, String rule) throws Exception {
        NftablesDrift.Result result = drift(dir, rule);
        assertThat(result.differences()).hasSize(1);
        assertThat(result.openings()).hasSize(1);
        List<DriftImpact.Impact> impacts = DriftImpact.of(LANDSCAPE, result.openings(), 10);
        assertThat(impacts).hasSize(1);
        assertThat(impacts.get(0).source().difference())
                .isSameAs(result.differences().get(0));
        return impacts.get(0);
    }

    @Test
    void withoutDriftNothingIsOpened(@TempDir Path dir) throws Exception {
        NftablesDrift.Result result = drift(dir, "");
        assertThat(result.differences()).isEmpty();
        assertThat(result.openings()).isEmpty();
        assertThat(DriftImpact.of(LANDSCAPE, result.openings(), 10)).isEmpty();
    }

    @Test
    void aRuleFromTheExposedLaptopToTheControllerOpensItsHazardAndStopsTheMission(@TempDir Path dir) throws Exception {
        DriftImpact.Impact impact = only(
                dir,
                "nft insert rule inet mamori-line.ot guard ip saddr 127.0.2.5 ip daddr 127.0.1.5 tcp dport 502"
                        + " accept comment vendor");
        assertThat(impact.skipped()).isEmpty();
        assertThat(impact.assumed()).containsExactly("line.laptop -> line.plc modbus-tcp/502 (commands)");
        assertThat(impact.hazards())
                .singleElement()
                .asString()
                .startsWith("line.plc.overpressure (catastrophic")
                .endsWith("not reachable without the rule");
        assertThat(impact.missions()).containsExactly("production can be stopped (it needs line.plc)");
        assertThat(impact.paths())
                .anySatisfy(p -> assertThat(p)
                        .startsWith("to line.plc from line.laptop")
                        .contains("not reached without the rule")
                        .endsWith(": line.laptop -> line.plc"));
        assertThat(impact.moreControlled()).isPositive();
        assertThat(impact.lines()).contains("traffic: 127.0.2.5 -> 127.0.1.5 tcp/502");
    }

    @Test
    void aRuleTheModelAlreadyImpliesOpensNothingNew(@TempDir Path dir) throws Exception {
        // The controller already sends to the historian (opc-ua); a second port between them adds no reach.
        DriftImpact.Impact impact = only(
                dir,
                "nft insert rule inet mamori-line.ot guard ip saddr 127.0.1.5 ip daddr 127.0.1.6 tcp dport 22 accept");
        assertThat(impact.assumed()).containsExactly("line.plc -> line.historian ssh/22 (commands)");
        assertThat(impact.opensSomething()).isFalse();
        assertThat(impact.lines()).contains("opens: nothing the analysis of the model does not already find");
    }

    @Test
    void aRuleFromAnySourceExposesItsDestination(@TempDir Path dir) throws Exception {
        DriftImpact.Impact impact =
                only(dir, "nft insert rule inet mamori-line.ot guard ip daddr 127.0.1.5 tcp dport 502 accept");
        assertThat(impact.assumed()).isEmpty();
        assertThat(impact.exposed()).containsExactly("line.plc to the internet (the rule allows any source)");
        assertThat(impact.hazards()).singleElement().asString().startsWith("line.plc.overpressure");
        // The controller is now an entry: from it, its zone's historian (whose login is unknown).
        assertThat(impact.paths()).anySatisfy(p -> assertThat(p).startsWith("to line.historian from line.plc"));
    }

    @Test
    void aRuleFromEveryAddressIsAnyAddress(@TempDir Path dir) throws Exception {
        DriftImpact.Impact impact = only(
                dir,
                "nft insert rule inet mamori-line.ot guard ip saddr 0.0.0.0/0 ip daddr 127.0.1.5 tcp dport 502 accept");
        assertThat(impact.assumed()).isEmpty();
        assertThat(impact.exposed()).containsExactly("line.plc to the internet (the rule allows any source)");
    }

    @Test
    void anAddressNoComponentHasIsNamedNotGuessed(@TempDir Path dir) throws Exception {
        DriftImpact.Impact impact = only(
                dir,
                "nft insert rule inet mamori-line.ot guard ip saddr 127.0.1.9 ip daddr 127.0.1.5 tcp dport 502 accept");
        assertThat(impact.assumed()).isEmpty();
        assertThat(impact.unplaced())
                .containsExactly("127.0.1.9 is in zone line.ot but no component of the model has it: add the host to"
                        + " the model to analyse what it reaches");
        assertThat(impact.opensSomething()).isFalse();
    }

    @Test
    void aDropTheModelLacksOpensNothingAndIsNotAnalysed(@TempDir Path dir) throws Exception {
        NftablesDrift.Result result =
                drift(dir, "nft insert rule inet mamori-line.ot guard ip saddr 127.0.2.5 tcp dport 23 drop");
        assertThat(result.differences()).hasSize(1);
        assertThat(result.openings()).isEmpty();
    }

    @Test
    void beyondTheLimitARuleIsNamedButNotAnalysed(@TempDir Path dir) throws Exception {
        NftablesDrift.Result result = drift(
                dir,
                "nft insert rule inet mamori-line.ot guard ip saddr 127.0.2.5 ip daddr 127.0.1.5 tcp dport 502 accept"
                        + " && nft insert rule inet mamori-line.ot guard ip saddr 127.0.2.5 ip daddr 127.0.1.6"
                        + " tcp dport 5432 accept");
        List<DriftImpact.Impact> impacts = DriftImpact.of(LANDSCAPE, result.openings(), 1);
        assertThat(impacts).hasSize(2);
        assertThat(impacts.get(0).skipped()).isEmpty();
        assertThat(impacts.get(1).skipped())
                .hasValueSatisfying(s -> assertThat(s).contains("--impact-limit"));
    }

    /** broker-plan.yaml with the SCADA host not exposed, and an exposed kiosk that only shows telemetry. */
    private static final String KIOSK = Landscapes.resource("broker-plan.yaml")
            .replace(", mqtt-user: scada, exposure: [internet] }", ", mqtt-user: scada }")
            .replace(
                    "      panel:",
                    "      kiosk: { kind: display, zone: ot, address: 127.0.3.14, credentials: certificate, mqtt-user:"
                            + " kiosk, exposure: [internet] }\n      panel:")
            .replace(
                    "    flows:\n",
                    "    flows:\n      - { id: wall, from: broker, to: kiosk, protocol: mqtt, authentication: password,"
                            + " topics: [line/tele/#] }\n");

    @Test
    void aBrokerGrantTheModelLacksJoinsItsClientToTheTopicsSubscribers() throws Exception {
        Landscape kiosk = Landscapes.load(KIOSK);
        var problems = new java.util.ArrayList<dev.mamori.model.diagnostics.Diagnostic>();
        MosquittoTarget.Broker broker =
                MosquittoTarget.grants(kiosk, Optional.empty(), problems).get("line.broker");
        assertThat(problems).isEmpty();
        String acl = MosquittoTarget.generate(kiosk, Optional.empty(), "/etc/mosquitto/mamori")
                .files()
                .get("line.broker.acl")
                .replace("user kiosk\n", "user kiosk\ntopic write line/cmd/valve\n");
        MosquittoDrift.Result result = MosquittoDrift.compareAll(broker, acl, "line.broker.acl");
        assertThat(result.grants()).singleElement().satisfies(g -> {
            assertThat(g.user()).contains("kiosk");
            assertThat(g.difference()).isSameAs(result.differences().get(0));
        });
        DriftImpact.Impact impact = DriftImpact.of(kiosk, result.grants(), 10).get(0);
        // The valve subscribes to line/cmd/#, the panel to line/#: both would receive what the kiosk publishes.
        assertThat(impact.assumed())
                .containsExactly(
                        "line.kiosk -> line.valve mqtt through line.broker (line/cmd/valve, commands as flow"
                                + " line.actuate)",
                        "line.kiosk -> line.panel mqtt through line.broker (line/cmd/valve, data as flow line.view)");
        assertThat(impact.hazards()).singleElement().asString().startsWith("line.valve.overflow (critical");
        assertThat(impact.paths()).anySatisfy(p -> assertThat(p).startsWith("to line.valve from line.kiosk"));
        assertThat(impact.lines()).contains("grant: user kiosk may publish to line/cmd/valve at line.broker");
    }

    /** The grants of {@code acl} the model of {@code text} lacks, each analysed. */
    private static List<DriftImpact.Impact> grantImpacts(String text, java.util.function.UnaryOperator<String> acl)
            throws Exception {
        Landscape landscape = Landscapes.load(text);
        var problems = new java.util.ArrayList<dev.mamori.model.diagnostics.Diagnostic>();
        MosquittoTarget.Broker broker =
                MosquittoTarget.grants(landscape, Optional.empty(), problems).get("line.broker");
        assertThat(problems).isEmpty();
        String generated = MosquittoTarget.generate(landscape, Optional.empty(), "/etc/mosquitto/mamori")
                .files()
                .get("line.broker.acl");
        MosquittoDrift.Result result = MosquittoDrift.compareAll(broker, acl.apply(generated), "line.broker.acl");
        assertThat(result.grants()).hasSameSizeAs(result.differences());
        return DriftImpact.of(landscape, result.grants(), 10);
    }

    /** An anonymous section, as Mosquitto reads it: the lines before the first user line. */
    private static java.util.function.UnaryOperator<String> anonymously(String line) {
        return acl -> acl.replaceFirst("\nuser ", "\n" + line + "\n\nuser ");
    }

    /**
     * broker-plan.yaml with the SCADA host not exposed, and a kiosk in an office zone, exposed to
     * the internet, that subscribes to the telemetry: it connects to the broker but sends nothing.
     */
    private static final String OFFICE_KIOSK = Landscapes.resource("broker-plan.yaml")
            .replace(", mqtt-user: scada, exposure: [internet] }", ", mqtt-user: scada }")
            .replace(
                    "      ot: { kind: ot, trust: high, cidr: 127.0.3.0/28 }\n",
                    "      ot: { kind: ot, trust: high, cidr: 127.0.3.0/28 }\n"
                            + "      office: { kind: it, cidr: 127.0.4.0/28 }\n")
            .replace(
                    "      panel:",
                    "      kiosk: { kind: display, zone: office, address: 127.0.4.14, credentials: user-defined,"
                            + " mqtt-user: kiosk, exposure: [internet] }\n      panel:")
            .replace(
                    "    flows:\n",
                    "    flows:\n      - { id: wall, from: broker, to: kiosk, protocol: mqtt, authentication: password,"
                            + " topics: [line/tele/#] }\n");

    @Test
    void anAnonymousPublishGrantIsWhoeverReachesTheBroker() throws Exception {
        DriftImpact.Impact impact = grantImpacts(OFFICE_KIOSK, anonymously("topic write line/cmd/#"))
                .get(0);
        assertThat(impact.lines()).contains("grant: anonymous clients may publish to line/cmd/# at line.broker");
        // The kiosk outside the broker's zone connects to it, so it can connect without a name; the
        // members of the broker's zone reach it through the zone; the broker is not exposed.
        assertThat(impact.client())
                .contains("line.anonymous-at-broker, an anonymous client at line.broker, standing for whoever reaches"
                        + " it (the members of zone line.ot; its modelled clients)");
        assertThat(impact.assumed())
                .containsExactly(
                        "line.kiosk -> line.anonymous-at-broker (it connects to line.broker, so it can connect"
                                + " without a name)",
                        "line.anonymous-at-broker -> line.valve mqtt through line.broker (line/cmd/#, commands as flow"
                                + " line.actuate)",
                        "line.anonymous-at-broker -> line.panel mqtt through line.broker (line/cmd/#, data as flow"
                                + " line.view)");
        assertThat(impact.unplaced()).isEmpty();
        // Without the grant, the exposed kiosk only receives telemetry: the valve is out of reach.
        assertThat(impact.hazards())
                .singleElement()
                .asString()
                .startsWith("line.valve.overflow (critical")
                .endsWith("not reachable without the rule");
        assertThat(impact.paths())
                .anySatisfy(p -> assertThat(p)
                        .startsWith("to line.valve from line.kiosk")
                        .contains("not reached without the rule")
                        .endsWith(": line.kiosk -> line.anonymous-at-broker -> line.valve"));
        assertThat(impact.paths())
                .as("the client standing for anonymous ones is no news of its own")
                .noneMatch(p -> p.startsWith("to line.anonymous-at-broker"));
        // The valve; the component standing for anonymous clients is not counted.
        assertThat(impact.moreControlled()).isEqualTo(1);
    }

    @Test
    void anAnonymousGrantAtAnExposedBrokerIsOutsidersPublishingWithoutALogin() throws Exception {
        // The broker itself is reachable from the internet, behind a certificate login: holding it is
        // unlikely (0.2), so the valve's hazard is within reach, but far less likely than through an
        // anonymous publish, which needs no login.
        String exposedBroker = KIOSK.replace(
                "broker: { kind: broker, zone: ot, address: 127.0.3.10, credentials: certificate }",
                "broker: { kind: broker, zone: ot, address: 127.0.3.10, credentials: certificate, exposure:"
                        + " [internet] }");
        DriftImpact.Impact impact = grantImpacts(exposedBroker, anonymously("topic write line/cmd/valve"))
                .get(0);
        assertThat(impact.lines())
                .contains("assumed client: line.anonymous-at-broker, an anonymous client at line.broker, standing for"
                        + " whoever reaches it (the members of zone line.ot; outsiders, as line.broker is exposed (internet);"
                        + " its modelled clients)");
        assertThat(impact.hazards())
                .singleElement()
                .asString()
                .startsWith("line.valve.overflow (critical, p=0.90, p=0.18 without the rule");
        assertThat(impact.paths())
                .anySatisfy(p -> assertThat(p)
                        .startsWith("to line.valve from line.anonymous-at-broker (reachable from the internet)")
                        .endsWith(": line.anonymous-at-broker -> line.valve"));
    }

    @Test
    void anAnonymousSubscribeGrantReceivesWhatThePublishersSend() throws Exception {
        DriftImpact.Impact impact = grantImpacts(OFFICE_KIOSK, anonymously("topic read line/tele/#"))
                .get(0);
        assertThat(impact.lines()).contains("grant: anonymous clients may subscribe to line/tele/# at line.broker");
        assertThat(impact.assumed())
                .contains("line.valve -> line.anonymous-at-broker mqtt through line.broker (line/tele/#, data as"
                        + " flow line.telemetry)");
        // Reading telemetry gives no control: the valve's hazard stays out of reach.
        assertThat(impact.hazards()).isEmpty();
        assertThat(impact.missions()).isEmpty();
    }

    @Test
    void anAnonymousGrantOfTopicsNobodyUsesIsNamedNotAnalysed() throws Exception {
        DriftImpact.Impact impact = grantImpacts(OFFICE_KIOSK, anonymously("topic write site/other/#"))
                .get(0);
        assertThat(impact.unplaced())
                .containsExactly("no modelled flow subscribes to topics that site/other/# matches at line.broker:"
                        + " nothing to join it to");
        assertThat(impact.assumed()).isEmpty();
        assertThat(impact.opensSomething()).isFalse();
    }

    @Test
    void topicFiltersOverlapLevelByLevel() {
        assertThat(AclGrant.overlap("line/cmd/#", "line/cmd/valve")).isTrue();
        assertThat(AclGrant.overlap("line/+/valve", "line/cmd/#")).isTrue();
        assertThat(AclGrant.overlap("line/#", "line")).isTrue();
        assertThat(AclGrant.overlap("#", "anything/at/all")).isTrue();
        assertThat(AclGrant.overlap("line/tele/#", "line/cmd/valve")).isFalse();
        assertThat(AclGrant.overlap("line/+", "line/cmd/valve")).isFalse();
        assertThat(AclGrant.overlap("line/cmd", "line/cmd/valve")).isFalse();
    }
}
