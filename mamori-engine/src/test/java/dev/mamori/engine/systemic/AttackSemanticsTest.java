package dev.mamori.engine.systemic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.graph.FrozenGraph;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rules of propagation of issue 15, each on the smallest model that showed the old wrong answer.
 * docs/systemic.md describes them with the same examples.
 */
class AttackSemanticsTest {

    private static SystemicAnalyzer analyzer(String yaml) {
        return new SystemicAnalyzer(FrozenGraph.of(RandomLandscapes.load(yaml)));
    }

    private static SystemicAnalysis analyze(String yaml, String from, String protect) {
        return analyzer(yaml)
                .analyze(new SystemicAnalyzer.Options(Optional.of(from), Optional.ofNullable(protect), List.of()));
    }

    /**
     * An engineering workstation commands a PLC that checks every command against the sender's role.
     * Before: the PLC's authorization made it "already isolated" from the workstation's attacker. The
     * attacker who holds the workstation is the authorized sender, so the PLC is controlled.
     */
    private static final String AUTHORIZED = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator] }
            systems:
              plant:
                owner: ops
                operator: ops
                category: industrial
                components:
                  workstation: { kind: workstation, credentials: unique }
                  plc: { kind: controller, credentials: unique, hazards: { overpressure: { severity: catastrophic } } }
                flows:
                  - { id: program, from: workstation, to: plc, protocol: modbus-tcp, commands: true, authorization: per-command }
            """;

    @Test
    void aReceiversAuthorizationDoesNotStopItsAuthorizedSenderOnceTaken() {
        SystemicAnalysis a = analyze(AUTHORIZED, "plant.workstation", "plant.plc");
        assertThat(a.controlledComponents()).as("the workstation and the PLC").isEqualTo(2);
        assertThat(a.hazards())
                .extracting(SystemicAnalysis.HazardReach::hazard)
                .containsExactly("plant.plc.overpressure");
        SystemicAnalysis.Isolation plan = a.isolation().orElseThrow();
        assertThat(plan.alreadyIsolated()).isFalse();
        assertThat(plan.cuts()).singleElement().satisfies(cut -> {
            assertThat(cut.relation()).isEqualTo(Relation.COMMAND);
            assertThat(cut.why())
                    .as("authorization is in place and does not help: the remedy is an envelope or the cut")
                    .contains("safe envelope")
                    .doesNotContain("authorize");
        });
        assertThat(plan.verified()).isTrue();
    }

    /**
     * A fire panel releases the turnstiles over a relay contact; the panel's network card is the way
     * in. Cutting the contact would remove the fail-safe release, so the plan keeps the attacker off
     * the panel instead, and never lists the hardwired signal.
     */
    private static final String HARDWIRED = """
            mamori: 1
            vocabulary:
              protocols:
                relay-contact: { transport: wire, commands: true }
            stakeholders:
              ops: { roles: [operator] }
            systems:
              venue:
                owner: ops
                operator: ops
                category: enterprise
                components:
                  portal: { kind: web-app, exposure: internet, credentials: unique }
                  fire-panel: { kind: controller, credentials: unique }
                  turnstiles: { kind: controller, credentials: unique, hazards: { crush: { severity: catastrophic } } }
                flows:
                  - { id: panel-admin, from: portal, to: fire-panel, protocol: https, commands: true }
                  - { id: release, from: fire-panel, to: turnstiles, protocol: relay-contact, commands: true }
            """;

    @Test
    void aHardwiredSignalIsNeverOfferedAsACut() {
        SystemicAnalysis a = analyze(HARDWIRED, "venue.portal", "venue.turnstiles");
        SystemicAnalysis.Isolation plan = a.isolation().orElseThrow();
        assertThat(plan.cuts())
                .extracting(SystemicAnalysis.Cut::from, SystemicAnalysis.Cut::to)
                .containsExactly(org.assertj.core.api.Assertions.tuple("venue.portal", "venue.fire-panel"));
        assertThat(plan.verified()).isTrue();
    }

    /**
     * A VPN appliance with a known flaw that gives control whatever its login (the shape of the
     * FortiOS path traversal, CVE-2018-13379), and a historian in the plant zone with an exploitable
     * service. Before: the VPN's unique login made it an unlikely entry and the historian's login kept
     * the attacker out of it.
     */
    private static final String EXPLOITABLE = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator] }
            systems:
              plant:
                owner: ops
                operator: ops
                category: industrial
                zones: [plant-lan]
                components:
                  vpn: { kind: vpn, zone: plant-lan, exposure: internet, credentials: unique, exploitable: [{ flaw: CVE-2018-13379 }] }
                  historian: { kind: server, zone: plant-lan, credentials: unique, exploitable: [{ flaw: CVE-2099-1234 }] }
                  hmi: { kind: hmi, zone: plant-lan, credentials: unique, exploitable: [{ flaw: CVE-2099-9999, effect: crash }] }
            missions:
              watch: { needs: [plant.hmi] }
            """;

    @Test
    void aKnownFlawIsAWayInAndAcrossWhateverTheLogin() {
        SystemicAnalyzer analyzer = analyzer(EXPLOITABLE);
        SystemicAnalysis a = analyzer.analyze(SystemicAnalyzer.Options.defaults());
        assertThat(a.entries())
                .filteredOn(e -> e.component().equals("plant.vpn"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.probability()).isEqualTo(1.0);
                    assertThat(e.reason()).contains("exploitable (CVE-2018-13379)");
                });
        Propagation p = analyzer.fromExposed();
        FrozenGraph g = FrozenGraph.of(RandomLandscapes.load(EXPLOITABLE));
        int historian = g.componentId("plant.historian").orElseThrow();
        int hmi = g.componentId("plant.hmi").orElseThrow();
        assertThat(p.controlled(historian))
                .as("across the zone through its flaw")
                .isTrue();
        assertThat(p.path(historian))
                .extracting(Hop::weakness)
                .last()
                .asString()
                .contains("exploitable (CVE-2099-1234)");
        // A crash-only flaw is an outage, not a takeover: the HMI (reached from the foothold in its
        // zone) is not held, but the mission that needs it can be stopped.
        assertThat(p.controlled(hmi)).isFalse();
        assertThat(a.missions())
                .extracting(SystemicAnalysis.MissionEffect::mission)
                .contains("watch");
    }

    /** A person at an office workstation opens a malicious attachment: a way in that is not a login. */
    private static final String USER_ACTION = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator] }
            systems:
              office:
                owner: ops
                operator: ops
                category: enterprise
                components:
                  workstation: { kind: workstation, credentials: unique, user-action: likely }
                  file-server: { kind: server, credentials: unique }
                flows:
                  - { id: admin, from: workstation, to: file-server, protocol: ssh, commands: true }
            """;

    @Test
    void aPersonUsingAComponentIsAWayIn() {
        SystemicAnalyzer analyzer = analyzer(USER_ACTION);
        SystemicAnalysis a = analyzer.analyze(SystemicAnalyzer.Options.defaults());
        assertThat(a.entries()).singleElement().satisfies(e -> {
            assertThat(e.component()).isEqualTo("office.workstation");
            assertThat(e.reason()).contains("user-action: likely");
            assertThat(e.probability()).isEqualTo(0.6);
        });
        assertThat(a.controlledComponents())
                .as("the workstation and the file server it administers")
                .isEqualTo(2);
    }
}
