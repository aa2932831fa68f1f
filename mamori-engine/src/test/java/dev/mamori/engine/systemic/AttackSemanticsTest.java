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
        // The plan to keep the historian names the remedy for a flaw: a patch, not a new password.
        SystemicAnalysis.Isolation plan = analyzer.analyze(new SystemicAnalyzer.Options(
                        Optional.of("plant.vpn"), Optional.of("plant.historian"), List.of()))
                .isolation()
                .orElseThrow();
        assertThat(plan.verified()).isTrue();
        assertThat(plan.cuts())
                .extracting(SystemicAnalysis.Cut::why)
                .anySatisfy(why -> assertThat(why)
                        .contains("patch CVE-2099-1234 on plant.historian")
                        .doesNotContain("unique credentials"));

        // A crash-only flaw is an outage, not a takeover: the HMI (reached from the foothold in its
        // zone) is not held, but the mission that needs it can be stopped.
        assertThat(p.controlled(hmi)).isFalse();
        assertThat(a.missions())
                .extracting(SystemicAnalysis.MissionEffect::mission)
                .contains("watch");
    }

    /**
     * Issue 15, item 13: redundancy against an outage. In a water utility's control zone, an HMI
     * the attacker is assumed to hold and a SCADA server with a known flaw that crashes it (no
     * takeover); the pumps need the SCADA server. Before: the plan found nothing to cut (no relation
     * leads to a crash) and said "not isolated, the HMI held directly" with nothing to do. Now it
     * patches the flaw (cost 1), or keeps a spare out of the attacker's reach (cost 5), or segments
     * the HMI from the zone the crash is reached from (cost 3), whichever costs least by the owner's
     * prices; each is checked with the crash taken away.
     */
    private static final String CRASH = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator] }
            systems:
              water:
                owner: ops
                operator: ops
                category: industrial
                zones: [control]
                components:
                  hmi: { kind: hmi, zone: control, credentials: unique }
                  scada: { kind: scada, zone: control, credentials: unique, exploitable: [{ flaw: CVE-2099-4242, effect: crash }] }
                  pumps: { kind: controller, credentials: unique, needs: [scada] }
            missions:
              monitoring: { needs: [water.pumps] }
            """;

    private static SystemicAnalysis.Isolation monitoringFromTheHmi(String yaml) {
        SystemicAnalysis analysis = analyzer(yaml)
                .analyze(new SystemicAnalyzer.Options(Optional.of("water.hmi"), Optional.of("monitoring"), List.of()));
        assertThat(analysis.missions())
                .extracting(SystemicAnalysis.MissionEffect::mission)
                .containsExactly("monitoring");
        return analysis.isolation().orElseThrow();
    }

    @Test
    void aCrashNoCutKeepsAwayIsAnsweredByAPatchOrASpare() {
        SystemicAnalysis.Isolation plan = monitoringFromTheHmi(CRASH);
        assertThat(plan.alreadyIsolated())
                .as("the mission is stoppable: never already isolated")
                .isFalse();
        assertThat(plan.verified()).isTrue();
        assertThat(plan.cuts()).isEmpty();
        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(dev.mamori.model.PlanChange.HARDEN_LOGIN);
            assertThat(c.why()).isEqualTo("patch CVE-2099-4242 on water.scada, which crashes it (cost 1)");
        });
        assertThat(plan.cost()).isEqualTo(1);

        SystemicAnalysis.Isolation spare =
                monitoringFromTheHmi(CRASH + "assumptions: { plan-costs: { harden-login: 8, segment: 9 } }\n");
        assertThat(spare.verified()).isTrue();
        assertThat(spare.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(dev.mamori.model.PlanChange.ADD_SPARE);
            assertThat(c.why())
                    .isEqualTo("keep a spare of water.scada that takes over when it is lost, out of the attacker's"
                            + " reach (not exposed, its own zone and login), needing what it needs (cost 5)");
        });
        assertThat(spare.cost()).isEqualTo(5);

        // The crash is reached from the foothold in the zone: segmenting the HMI from it (3) is
        // dearer than the patch (1), and cheaper than a spare or a patch the owner prices at 9 and 8.
        SystemicAnalysis.Isolation segment =
                monitoringFromTheHmi(CRASH + "assumptions: { plan-costs: { harden-login: 8, add-spare: 9 } }\n");
        assertThat(segment.verified()).isTrue();
        assertThat(segment.changes()).isEmpty();
        assertThat(segment.cuts()).extracting(SystemicAnalysis.Cut::relation).containsExactly(Relation.ZONE_MEMBER);
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

    /**
     * A SCADA server commands a pump controller over a field router, MQTT in clear with a
     * password. Before: holding the router gave nothing, since no flow left it. A man in the middle
     * reads the password and forges the commands, so the controller is held; the plan protects the
     * flow end to end. The same flow under TLS stays out of reach.
     */
    private static final String IN_CLEAR = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator] }
            systems:
              water:
                owner: ops
                operator: ops
                category: industrial
                components:
                  router: { kind: router, exposure: internet, credentials: default-shared }
                  scada: { kind: server, credentials: unique }
                  pump-plc: { kind: controller, credentials: unique, hazards: { dry-run: { severity: critical } } }
                flows:
                  - { id: setpoints, from: scada, to: pump-plc, protocol: mqtt, commands: true, encryption: ENCRYPTION, authentication: password, network: [router] }
            """;

    @Test
    void aHeldNetworkOnThePathOfCommandsInClearForgesThem() {
        String clear = IN_CLEAR.replace("ENCRYPTION", "none");
        SystemicAnalysis a = analyze(clear, "water.router", "water.pump-plc");
        assertThat(a.hazards())
                .singleElement()
                .satisfies(
                        h -> assertThat(hops(h.hops())).containsExactly("water.router -> water.pump-plc [INTERCEPT]"));
        assertThat(a.hazards().get(0).hops().get(0).weakness())
                .contains("carries water.setpoints, commands over mqtt in clear with only password authentication");
        SystemicAnalysis.Isolation plan = a.isolation().orElseThrow();
        assertThat(plan.cuts()).anySatisfy(cut -> {
            assertThat(cut.relation()).isEqualTo(Relation.INTERCEPT);
            assertThat(cut.why()).contains("protect water.setpoints end to end (encryption: tls");
        });
        assertThat(plan.verified()).isTrue();

        SystemicAnalysis encrypted = analyze(IN_CLEAR.replace("ENCRYPTION", "tls"), "water.router", "water.pump-plc");
        assertThat(encrypted.hazards())
                .as("TLS ends at the PLC, not at the router")
                .isEmpty();
    }

    /**
     * Issue 15, item 6: what the attacker reads. Before: the systemic analysis said nothing of data.
     * Holding the router, the attacker reads the customer records in the flow that crosses it in
     * clear, and not once the flow is encrypted end to end; the billing archive, stored on a server
     * nobody takes, is never read.
     */
    private static final String READ = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator, data-owner] }
            systems:
              utility:
                owner: ops
                operator: ops
                category: enterprise
                components:
                  router: { kind: router, exposure: internet, credentials: default-shared }
                  meter-head: { kind: server, credentials: unique }
                  billing: { kind: server, credentials: unique, stores: [archive] }
                flows:
                  - { id: readings, from: meter-head, to: billing, protocol: mqtt, encryption: ENCRYPTION, authentication: certificate, network: [router], data: [customers] }
            data:
              customers: { owner: ops, personal: true, confidentiality: high }
              archive: { owner: ops, confidentiality: critical }
            """;

    @Test
    void aHeldNetworkReadsWhatCrossesItInClearAndNothingItDoesNotHold() {
        SystemicAnalysis clear = analyze(READ.replace("ENCRYPTION", "none"), "utility.router", null);
        assertThat(clear.dataRead()).singleElement().satisfies(r -> {
            assertThat(r.data()).isEqualTo("customers");
            assertThat(r.personal()).isTrue();
            assertThat(r.holder()).isEqualTo("utility.router");
            assertThat(r.where()).isEqualTo("in utility.readings, in clear over utility.router");
            assertThat(r.probability()).isEqualTo(1.0);
        });
        SystemicAnalysis tls = analyze(READ.replace("ENCRYPTION", "tls"), "utility.router", null);
        assertThat(tls.dataRead())
                .as("encrypted end to end: the router carries it unread")
                .isEmpty();
        SystemicAnalysis billing = analyze(READ.replace("ENCRYPTION", "tls"), "utility.billing", null);
        assertThat(billing.dataRead())
                .as("holding billing: the archive stored there, most confidential first, and the readings it receives")
                .extracting(SystemicAnalysis.DataRead::data, SystemicAnalysis.DataRead::where)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple("archive", "stored on utility.billing"),
                        org.assertj.core.api.Assertions.tuple("customers", "in utility.readings, at utility.billing"));
    }

    /**
     * Issue 15, item 6: what the attacker can change. Holding the router on the path of the readings
     * in clear, the attacker reads them but cannot change them while each is signed with the meter
     * head's certificate; with only a password they are changed on the way. Holding the meter head,
     * it sends them false.
     */
    @Test
    void aHeldNetworkChangesWhatCrossesItOnlyWhereItCouldForgeIt() {
        String clear = READ.replace("ENCRYPTION", "none");
        SystemicAnalysis signed = analyze(clear, "utility.router", null);
        assertThat(signed.dataRead())
                .extracting(SystemicAnalysis.DataRead::data)
                .containsExactly("customers");
        assertThat(signed.dataTampered())
                .as("read in clear, but not forged: certificates")
                .isEmpty();
        SystemicAnalysis password = analyze(
                clear.replace("authentication: certificate", "authentication: password"), "utility.router", null);
        assertThat(password.dataTampered()).singleElement().satisfies(t -> {
            assertThat(t.data()).isEqualTo("customers");
            assertThat(t.where())
                    .isEqualTo("changed in utility.readings on its way over utility.router (in clear, not strongly"
                            + " authenticated)");
        });
        SystemicAnalysis sender = analyze(READ.replace("ENCRYPTION", "tls"), "utility.meter-head", null);
        assertThat(sender.dataTampered())
                .extracting(SystemicAnalysis.DataTampered::where)
                .containsExactly("sent false in utility.readings by utility.meter-head");
    }

    /**
     * Issue 15, item 6: whether what is read can leave. The archive is read on the billing server;
     * its zone lets only its modelled flows out, and none leads anywhere, so it cannot leave. Holding
     * the reporting box too, which billing sends to and whose zone lets anything out, it is relayed
     * out; with the core zone's egress open it leaves directly.
     */
    private static final String EGRESS = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator, data-owner] }
            systems:
              utility:
                owner: ops
                operator: ops
                category: enterprise
                zones:
                  core: { kind: it, egress: EGRESS }
                  edge: { kind: it, egress: open }
                components:
                  billing: { kind: server, zone: core, credentials: unique, stores: [archive] }
                  reporter: { kind: server, zone: edge, credentials: unique }
                flows:
                  - { id: monthly, from: billing, to: reporter, protocol: mqtt, encryption: tls, authentication: certificate }
            data:
              archive: { owner: ops, confidentiality: critical }
            """;

    @Test
    void whatIsReadLeavesOnlyOverAWayOutTheAttackerHolds() {
        SystemicAnalysis.DataRead denied = analyze(EGRESS.replace("EGRESS", "deny"), "utility.billing", null)
                .dataRead()
                .get(0);
        assertThat(denied.data()).isEqualTo("archive");
        assertThat(denied.leaves()).isFalse();
        assertThat(denied.egress()).startsWith("cannot leave: utility.billing lets only its modelled flows out");
        SystemicAnalysis.DataRead relayed = analyze(EGRESS.replace("EGRESS", "deny"), "utility", null)
                .dataRead()
                .get(0);
        assertThat(relayed.leaves()).isTrue();
        assertThat(relayed.egress()).startsWith("can leave: relayed over utility.monthly to utility.reporter");
        SystemicAnalysis.DataRead open = analyze(EGRESS.replace("EGRESS", "open"), "utility.billing", null)
                .dataRead()
                .get(0);
        assertThat(open.leaves()).isTrue();
        assertThat(open.egress()).isEqualTo("can leave: zone utility.core of utility.billing lets anything out");

        // Read on two held places, one shut in and one with a way out, it leaves: before, only the
        // place named (the first of equals) was asked, and it said "cannot leave".
        // (The monthly flow turned round, so that billing relays nothing to the reporter.)
        String twoCopies = EGRESS.replace("EGRESS", "deny")
                .replace(
                        "reporter: { kind: server, zone: edge, credentials: unique }",
                        "reporter: { kind: server, zone: edge, credentials: unique, stores: [archive] }")
                .replace("from: billing, to: reporter", "from: reporter, to: billing");
        SystemicAnalysis.DataRead both =
                analyze(twoCopies, "utility", null).dataRead().get(0);
        assertThat(both.holder()).isEqualTo("utility.billing");
        assertThat(both.leaves()).isTrue();
        assertThat(both.egress())
                .isEqualTo("can leave: it is read also on utility.reporter, and from there zone utility.edge of"
                        + " utility.reporter lets anything out");
    }

    /**
     * Issue 15, item 13: an egress rule as a change the plan offers. Patient files are stored on a
     * records server that two internet-facing portals command; the records zone's egress is not
     * stated, so the files leave from it. Before: `--protect` named no data asset, and the plan only
     * cut control relations. Now the cheapest plan denies the zone's egress (2) rather than cutting
     * both portals off (4); set in the model, the files are read but cannot leave, and the plan has
     * nothing left to do. Where they also travel to an internet-facing portal, no egress rule keeps
     * them in, and the plan cuts the attacker off that portal.
     */
    private static final String EXFILTRATION = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator, data-owner] }
            systems:
              clinic:
                owner: ops
                operator: ops
                category: enterprise
                zones:
                  dmz: { kind: it, egress: deny }
                  records: { kind: it EGRESS}
                components:
                  portal-a: { kind: web-app, zone: dmz, exposure: internet, credentials: default-shared }
                  portal-b: { kind: web-app, zone: dmz, exposure: internet, credentials: default-shared }
                  ehr: { kind: server, zone: records, credentials: unique, stores: [patient-files] }
                flows:
                  - { id: lookups-a, from: portal-a, to: ehr, protocol: https, commands: true }
                  - { id: lookups-b, from: portal-b, to: ehr, protocol: https, commands: true }RESULTS
            data:
              patient-files: { owner: ops, personal: true, confidentiality: critical }
            """;

    private static SystemicAnalysis.Isolation protectFromOutsiders(String yaml, String protect) {
        return analyzer(yaml)
                .analyze(new SystemicAnalyzer.Options(Optional.empty(), Optional.of(protect), List.of()))
                .isolation()
                .orElseThrow();
    }

    @Test
    void anEgressRuleKeepsDataInWhereItIsCheaperThanCuttingTheAttackerOff() {
        String stated = EXFILTRATION.replace(" EGRESS", "").replace("RESULTS", "");
        assertThat(analyzer(stated).analyze(SystemicAnalyzer.Options.defaults()).dataRead())
                .singleElement()
                .satisfies(r -> assertThat(r.leaves()).isTrue());
        SystemicAnalysis.Isolation plan = protectFromOutsiders(stated, "patient-files");
        assertThat(plan.cuts()).isEmpty();
        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c).isInstanceOf(SystemicAnalysis.EgressRule.class);
            assertThat(((SystemicAnalysis.EgressRule) c).place()).isEqualTo("clinic.records");
            assertThat(c.why())
                    .isEqualTo("let only the modelled flows of zone clinic.records leave it (egress: deny), so that"
                            + " patient-files read there cannot be taken out (cost 2)");
        });
        assertThat(plan.cost()).isEqualTo(2);
        assertThat(plan.verified()).isTrue();
        assertThat(plan.alreadyIsolated()).isFalse();

        // The plan applied to the model: the files are still read, and cannot leave.
        String applied = EXFILTRATION.replace(" EGRESS", ", egress: deny ").replace("RESULTS", "");
        assertThat(analyzer(applied)
                        .analyze(SystemicAnalyzer.Options.defaults())
                        .dataRead())
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.holder()).isEqualTo("clinic.ehr");
                    assertThat(r.leaves()).isFalse();
                });
        SystemicAnalysis.Isolation none = protectFromOutsiders(applied, "patient-files");
        assertThat(none.alreadyIsolated()).isTrue();
        assertThat(none.cuts()).isEmpty();
        assertThat(none.changes()).isEmpty();

        // Dearer egress rules (the owner's own price): cutting both portals off is cheaper.
        SystemicAnalysis.Isolation dear =
                protectFromOutsiders(stated + "assumptions: { plan-costs: { egress-rule: 9 } }\n", "patient-files");
        assertThat(dear.changes()).isEmpty();
        assertThat(dear.cost()).isEqualTo(4);
        assertThat(dear.cuts()).hasSize(2);
        assertThat(dear.verified()).isTrue();

        // Sent to an internet-facing portal, the files leave whatever a zone lets out.
        String sentOut = EXFILTRATION
                .replace(" EGRESS", "")
                .replace(
                        "RESULTS",
                        "\n      - { id: results, from: ehr, to: portal-a, protocol: https, data: [patient-files] }");
        SystemicAnalysis.Isolation cut = protectFromOutsiders(sentOut, "patient-files");
        assertThat(cut.verified()).isTrue();
        assertThat(cut.cuts())
                .extracting(SystemicAnalysis.Cut::to)
                .as("portal-a is where the files get out: the attacker is kept off it")
                .contains("clinic.portal-a");
    }

    @Test
    void dataHeardOverTheAirIsProtectedOnItsLinkAndAnUnknownNameSaysDataAssetsToo() {
        SystemicAnalysis.Isolation plan =
                overTheAir("none", "none", "doses").isolation().orElseThrow();
        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(dev.mamori.model.PlanChange.PROTECT_FLOW);
            assertThat(c.why())
                    .isEqualTo("protect therapy.dosing end to end (encryption: ble-secure), so that nobody within"
                            + " radio range reads doses (cost 2)");
        });
        assertThat(plan.cuts())
                .as("protecting the link also ends the forging of its commands: nothing else to cut")
                .isEmpty();
        assertThat(plan.cost()).isEqualTo(2);
        assertThat(plan.verified()).isTrue();
        assertThat(overTheAir("ble-secure", "none", "doses")
                        .isolation()
                        .orElseThrow()
                        .alreadyIsolated())
                .isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> overTheAir("none", "none", "dozes"))
                .isInstanceOf(SystemicAnalyzer.UnknownElement.class)
                .hasMessage("no system, component, hazard, mission or data asset 'dozes'; did you mean 'doses'?");
    }

    /**
     * A vendor's update service, on the internet with a published default login, ships the software
     * a customer's tills install by themselves. Before: nothing followed from the vendor's server,
     * since no flow or login leads from it. The attacker who holds it ships the tills their code; the
     * plan verifies what the tills install against a key the service does not hold.
     */
    private static final String UPDATE_CHANNEL = """
            mamori: 1
            stakeholders:
              vendor: { roles: [manufacturer] }
              shop: { roles: [operator] }
            systems:
              vendor:
                owner: vendor
                operator: vendor
                category: enterprise
                components:
                  update-service: { kind: server, exposure: internet, credentials: default-shared }
              shop:
                owner: shop
                operator: shop
                category: enterprise
                components:
                  tills: { kind: workstation, count: 40, credentials: unique, update: signed-automatic, updates-from: vendor.update-service }
            """;

    @Test
    void aVendorsUpdateServiceTakenOverControlsEveryFleetThatInstallsFromIt() {
        SystemicAnalysis a = analyze(UPDATE_CHANNEL, "vendor.update-service", "shop.tills");
        assertThat(a.paths()).singleElement().satisfies(p -> {
            assertThat(hops(p.hops())).containsExactly("vendor.update-service -> shop.tills [UPDATE]");
            assertThat(p.hops().get(0).weakness())
                    .isEqualTo("ships its code to shop.tills, which installs updates from it by itself, signed"
                            + " where the updates are made, on all 40 units");
        });
        SystemicAnalysis.Isolation plan = a.isolation().orElseThrow();
        assertThat(plan.cuts()).singleElement().satisfies(cut -> {
            assertThat(cut.relation()).isEqualTo(Relation.UPDATE);
            assertThat(cut.why())
                    .contains("install only what is verified against a key vendor.update-service does not hold");
        });
        assertThat(plan.verified()).isTrue();
        SystemicAnalysis none = analyze(
                UPDATE_CHANNEL.replace("update: signed-automatic", "update: none"),
                "vendor.update-service",
                "shop.tills");
        assertThat(none.paths())
                .as("a till that takes no updates takes none of the attacker's")
                .isEmpty();
    }

    private static List<String> hops(List<Hop> path) {
        return path.stream()
                .map(h -> h.from() + " -> " + h.to() + " [" + h.relation() + "]")
                .toList();
    }

    private static int id(String yaml, String component) {
        return FrozenGraph.of(RandomLandscapes.load(yaml))
                .componentId(component)
                .orElseThrow();
    }

    /**
     * An engineer's directory account logs in to an office workstation and to the plant's historian,
     * which answers the workstation's requests; the historian commands the PLC. Every login is unique.
     * Before: unique logins were never crossed and accounts did not exist, so the workstation's
     * attacker stopped there. Now the account's secret is taken on the workstation and used on the
     * historian over the route the historian's flow opens; the harvest rests on the landscape's
     * assumption, and says so.
     */
    private static final String HARVESTED = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator] }
            systems:
              plant:
                owner: ops
                operator: ops
                category: industrial
                zones:
                  office: { kind: it }
                  control: { kind: ot, trust: high }
                components:
                  workstation: { kind: workstation, zone: office, credentials: unique, user-action: likely }
                  historian: { kind: server, zone: control, credentials: unique }
                  plc: { kind: controller, zone: control, credentials: unique, hazards: { overpressure: { severity: catastrophic } } }
                flows:
                  - { from: historian, to: workstation, protocol: https }
                  - { from: historian, to: plc, protocol: modbus-tcp, commands: true }
                accounts:
                  engineer: { kind: domain, logs-in-to: [workstation, historian] }
            """;

    @Test
    void anAccountTakenOnAHeldHostLogsInWhereverItDoesOverARoute() {
        SystemicAnalyzer analyzer = analyzer(HARVESTED);
        Propagation p = analyzer.fromExposed();
        int plc = id(HARVESTED, "plant.plc");
        assertThat(p.controlled(plc)).isTrue();
        List<Hop> path = p.path(plc);
        assertThat(hops(path))
                .containsExactly(
                        "plant.workstation -> account plant.engineer [HARVEST]",
                        "account plant.engineer -> plant.historian [LOGIN]",
                        "plant.historian -> plant.plc [COMMAND]");
        assertThat(path.get(0).assumptions())
                .as("the harvest rests on the landscape's assumption, with its value")
                .singleElement()
                .asString()
                .contains("harvest: 50 %");
        assertThat(path.get(0).described()).contains("[assumed: ");
        assertThat(path.get(1).weakness()).contains("with a single factor");
        assertThat(path.get(2).assumptions()).isEmpty();

        // The plan to keep the PLC: one change on the account's way, checked.
        SystemicAnalysis.Isolation plan = analyzer.analyze(
                        new SystemicAnalyzer.Options(Optional.empty(), Optional.of("plant.plc"), List.of()))
                .isolation()
                .orElseThrow();
        assertThat(plan.verified()).isTrue();
        assertThat(plan.cuts()).extracting(SystemicAnalysis.Cut::element).containsExactly("account plant.engineer");
    }

    @Test
    void anAccountNeedsANetworkRouteToTheLoginItOpens() {
        // The same plant without the historian's flow to the office: nothing routes from the
        // office to the control zone, so the secret taken on the workstation opens nothing there.
        String unrouted = HARVESTED.replace("      - { from: historian, to: workstation, protocol: https }\n", "");
        assertThat(unrouted).isNotEqualTo(HARVESTED);
        Propagation p = analyzer(unrouted).fromExposed();
        assertThat(p.controlled(id(unrouted, "plant.historian"))).isFalse();
        assertThat(p.controlled(id(unrouted, "plant.plc"))).isFalse();
    }

    /**
     * A vendor's support account logs in to the plant's VPN and to its PLC, from the vendor's laptop;
     * the laptop reaches only the VPN, which lands in the control zone. Before: the credential went
     * from the laptop straight to the PLC, over a route that does not exist. Now the path passes the
     * VPN's login, the chokepoint it is.
     */
    private static final String THROUGH_VPN = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator] }
              vendor: { roles: [maintainer] }
            systems:
              plant:
                owner: ops
                operator: ops
                category: industrial
                zones:
                  control: { kind: ot, trust: high }
                components:
                  vpn: { kind: vpn, zone: control, credentials: unique }
                  plc: { kind: controller, zone: control, credentials: unique }
                accounts:
                  support: { kind: vendor-support, logs-in-to: [vpn, plc], used-from: [support.laptop] }
              support:
                owner: vendor
                operator: vendor
                category: enterprise
                components:
                  laptop: { kind: workstation, credentials: unique }
            flows:
              - { from: support.laptop, to: plant.vpn, protocol: https }
            """;

    @Test
    void aSecretCannotJumpOverTheOnlyRouteToItsLogin() {
        SystemicAnalyzer analyzer = analyzer(THROUGH_VPN);
        SystemicAnalysis a = analyzer.analyze(
                new SystemicAnalyzer.Options(Optional.of("support.laptop"), Optional.empty(), List.of()));
        SystemicAnalysis.Path intoPlc = a.paths().stream()
                .filter(path -> path.target().equals("plant.plc"))
                .findFirst()
                .orElseThrow();
        assertThat(hops(intoPlc.hops()))
                .containsExactly(
                        "support.laptop -> account plant.support [HARVEST]",
                        "account plant.support -> plant.vpn [LOGIN]",
                        "plant.vpn -> account plant.support [HARVEST]",
                        "account plant.support -> plant.plc [LOGIN]");
    }

    /**
     * A legacy VPN account nobody uses any more, whose password has leaked, without a second factor
     * (the shape of the Colonial Pipeline entry, 2021). It is an entry of its own, and the plan to
     * keep the VPN offers to disable it beside taking the VPN out of outsiders' reach.
     */
    private static final String LEAKED = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator] }
            systems:
              corp:
                owner: ops
                operator: ops
                category: enterprise
                zones: [it]
                components:
                  vpn: { kind: vpn, zone: it, exposure: internet, credentials: certificate }
                  files: { kind: server, zone: it, credentials: unique }
                flows:
                  - { from: vpn, to: files, protocol: ssh, commands: true }
                accounts:
                  legacy-vpn: { kind: domain, logs-in-to: vpn, state: [leaked, dormant] }
            """;

    @Test
    void aLeakedAccountIsAnEntryAndThePlanDisablesIt() {
        SystemicAnalyzer analyzer = analyzer(LEAKED);
        SystemicAnalysis a =
                analyzer.analyze(new SystemicAnalyzer.Options(Optional.empty(), Optional.of("corp.vpn"), List.of()));
        assertThat(a.entries())
                .filteredOn(e -> e.component().equals("account corp.legacy-vpn (outside)"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.probability()).isEqualTo(1.0);
                    assertThat(e.reason()).contains("has leaked");
                });
        List<Hop> path = analyzer.fromExposed().path(id(LEAKED, "corp.files"));
        assertThat(hops(path))
                .containsExactly(
                        "account corp.legacy-vpn (outside) -> corp.vpn [LOGIN]", "corp.vpn -> corp.files [COMMAND]");
        assertThat(path.get(0).weakness()).contains("from the internet").contains("leaked, dormant");
        SystemicAnalysis.Isolation plan = a.isolation().orElseThrow();
        assertThat(plan.verified()).isTrue();
        assertThat(plan.cuts())
                .extracting(SystemicAnalysis.Cut::element)
                .containsExactlyInAnyOrder("exposure of corp.vpn", "account corp.legacy-vpn");
        assertThat(plan.cuts())
                .filteredOn(cut -> cut.element().equals("account corp.legacy-vpn"))
                .singleElement()
                .satisfies(cut -> assertThat(cut.why()).contains("disable corp.legacy-vpn"));
    }

    /**
     * A camera whose login nobody has described sits beside an exposed router with no login. Before:
     * an unknown login counted as strong and was never crossed. Now it is crossed with the chance the
     * landscape assumes, and the hop says it rests on that assumption; assuming 0 % restores the old
     * answer.
     */
    private static final String UNKNOWN_LOGIN = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator] }
            systems:
              shop:
                owner: ops
                operator: ops
                category: enterprise
                zones: [lan]
                components:
                  router: { kind: router, zone: lan, exposure: internet, credentials: none }
                  camera: { kind: camera, zone: lan }
            """;

    @Test
    void anUnknownLoginIsCrossedWithTheLandscapesStatedPrior() {
        Propagation p = analyzer(UNKNOWN_LOGIN).fromExposed();
        int camera = id(UNKNOWN_LOGIN, "shop.camera");
        assertThat(p.controlled(camera)).isTrue();
        assertThat(p.probability(camera)).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(p.path(camera))
                .last()
                .satisfies(h ->
                        assertThat(h.assumptions()).singleElement().asString().contains("unknown-login-weak: 20 %"));

        String none = UNKNOWN_LOGIN + "assumptions: { unknown-login-weak: 0 }\n";
        assertThat(analyzer(none).fromExposed().controlled(id(none, "shop.camera")))
                .isFalse();
        String likely = UNKNOWN_LOGIN + "assumptions: { unknown-login-weak: 60 }\n";
        assertThat(analyzer(likely).fromExposed().probability(id(likely, "shop.camera")))
                .isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-6));
    }

    /**
     * A vendor's internet-facing portal is said to command a customer's controller. Before: every fact
     * counted as established. Now the model marks what a source only alleges; each step says so, and
     * a path made only of alleged steps is reported as alleged, not as a finding of the analysis.
     */
    private static final String ALLEGED = """
            mamori: 1
            stakeholders:
              vendor: { roles: [maintainer] }
              ops: { roles: [operator] }
            systems:
              cloud:
                owner: vendor
                operator: vendor
                category: enterprise
                components:
                  portal: { kind: remote-access, exposure: internet, credentials: none }
              plant:
                owner: ops
                operator: ops
                category: industrial
                components:
                  plc: { kind: controller, credentials: unique }
            flows:
              - { id: remote-commands, from: cloud.portal, to: plant.plc, protocol: https, commands: true }
            """;

    @Test
    void aPathMadeOnlyOfAllegedFactsIsReportedAsAlleged() {
        String alleged = ALLEGED + """
                marks:
                  - { on: cloud.portal, as: alleged, source: a forum post }
                  - { on: remote-commands, as: alleged, source: the same post }
                """;
        SystemicAnalysis a = analyzer(alleged).analyze(SystemicAnalyzer.Options.defaults());
        SystemicAnalysis.Path path = a.paths().stream()
                .filter(p -> p.target().equals("plant.plc"))
                .findFirst()
                .orElseThrow();
        assertThat(path.basis()).isEqualTo("alleged");
        assertThat(path.hops())
                .singleElement()
                .satisfies(
                        h -> assertThat(h.assumptions()).containsExactly("alleged (remote-commands: the same post)"));

        // One established step makes it a path that rests on what is marked, not an alleged one.
        String mixed = ALLEGED + """
                marks:
                  - { on: remote-commands, as: unknown-method }
                """;
        SystemicAnalysis.Path partly = analyzer(mixed).analyze(SystemicAnalyzer.Options.defaults()).paths().stream()
                .filter(p -> p.target().equals("plant.plc"))
                .findFirst()
                .orElseThrow();
        assertThat(partly.basis()).isEqualTo("assumed");
        assertThat(partly.hops().get(0).assumptions()).containsExactly("unknown-method (remote-commands)");

        SystemicAnalysis.Path stated = analyzer(ALLEGED).analyze(SystemicAnalyzer.Options.defaults()).paths().stream()
                .filter(p -> p.target().equals("plant.plc"))
                .findFirst()
                .orElseThrow();
        assertThat(stated.basis()).isEqualTo("stated");
        assertThat(stated.hops().get(0).assumptions()).isEmpty();
    }

    /**
     * A botnet of held cameras floods a DNS provider that a web shop's names depend on. Before: no
     * denial of service existed, and a flood written as a data flow made the victim depend on its
     * attackers. Now the held devices that can send to the internet flood together, and a target
     * that absorbs fewer falls; a second provider that absorbs more keeps the names resolving.
     */
    private static final String FLOOD = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator] }
            systems:
              homes:
                owner: ops
                operator: ops
                category: consumer
                components:
                  cameras: { kind: camera, count: 5000, exposure: internet, credentials: default-shared }
              dns:
                owner: ops
                operator: ops
                category: enterprise
                components:
                  provider-a: { kind: dns, exposure: internet, credentials: unique, flood-capacity: 1000 }
                  provider-b: { kind: dns, exposure: internet, credentials: unique, flood-capacity: 1000000 }
              shop:
                owner: ops
                operator: ops
                category: enterprise
                components:
                  site: { kind: web-app, exposure: internet, credentials: unique, needs: NEEDS }
            flows:
              - { from: homes.cameras, to: dns.provider-a, protocol: dns }
            missions:
              sales: { needs: [shop.site] }
            """;

    /** The cameras held (the botnet), so that what else an outsider might hold does not blur the flood. */
    private static final SystemicAnalyzer.Options BOTNET =
            new SystemicAnalyzer.Options(Optional.of("homes.cameras"), Optional.empty(), List.of());

    @Test
    void heldFleetsFloodWhatAbsorbsLessAndASecondProviderThatAbsorbsMoreHolds() {
        SystemicAnalysis single =
                analyzer(FLOOD.replace("NEEDS", "dns.provider-a")).analyze(BOTNET);
        assertThat(single.floods()).singleElement().satisfies(f -> {
            assertThat(f.target()).isEqualTo("dns.provider-a");
            assertThat(f.devices()).isEqualTo(5000);
            assertThat(f.capacity()).isEqualTo(1000);
            assertThat(f.from()).containsExactly("homes.cameras (5000)");
        });
        assertThat(single.missions())
                .extracting(SystemicAnalysis.MissionEffect::mission)
                .as("the shop's names stop resolving: sales stop")
                .containsExactly("sales");

        SystemicAnalysis both = analyzer(FLOOD.replace("NEEDS", "{ any: [dns.provider-a, dns.provider-b] }"))
                .analyze(BOTNET);
        assertThat(both.floods()).extracting(SystemicAnalysis.Flood::target).containsExactly("dns.provider-a");
        assertThat(both.missions()).as("the second provider absorbs the flood").isEmpty();

        // Issue 15, item 13: the cameras are held from the start, so no cut keeps the flood away;
        // before, the plan for sales was "not isolated" with nothing to do. Now it gives the
        // provider capacity, and its check runs with the flood absorbed.
        SystemicAnalysis.Isolation plan = analyzer(FLOOD.replace("NEEDS", "dns.provider-a"))
                .analyze(new SystemicAnalyzer.Options(Optional.of("homes.cameras"), Optional.of("sales"), List.of()))
                .isolation()
                .orElseThrow();
        assertThat(plan.verified()).isTrue();
        assertThat(plan.cuts()).isEmpty();
        assertThat(plan.changes()).singleElement().satisfies(change -> {
            SystemicAnalysis.Capacity c = (SystemicAnalysis.Capacity) change;
            assertThat(c.component()).isEqualTo("dns.provider-a");
            assertThat(c.devices()).isEqualTo(5000);
            assertThat(c.why())
                    .isEqualTo("give dns.provider-a a second provider or a scrubbing service that absorbs more than"
                            + " 5000 devices (it absorbs 1000; cost 5)");
        });
        assertThat(plan.cost()).isEqualTo(5);

        // From outsiders, the flooders (the cameras, and the other provider they may hold) can be
        // cut off (their exposures filtered, 3 each) or the flood absorbed (5); the site's and the
        // provider's own exposures are cut in both (3 each). Both plans are made and checked, and
        // the cheaper printed: absorbing (5 + 6) before cutting off (12); cutting off once the owner
        // prices capacity at 9. Before: capacity came only where no cut helped.
        SystemicAnalyzer.Options fromOutsiders =
                new SystemicAnalyzer.Options(Optional.empty(), Optional.of("sales"), List.of());
        SystemicAnalysis.Isolation absorbed = analyzer(FLOOD.replace("NEEDS", "dns.provider-a"))
                .analyze(fromOutsiders)
                .isolation()
                .orElseThrow();
        assertThat(absorbed.verified()).isTrue();
        assertThat(absorbed.changes()).singleElement().isInstanceOf(SystemicAnalysis.Capacity.class);
        assertThat(absorbed.cuts())
                .extracting(SystemicAnalysis.Cut::to)
                .containsExactlyInAnyOrder("shop.site", "dns.provider-a");
        assertThat(absorbed.cost()).isEqualTo(11);
        SystemicAnalysis.Isolation cutOff = analyzer(
                        FLOOD.replace("NEEDS", "dns.provider-a") + "assumptions: { plan-costs: { add-capacity: 9 } }\n")
                .analyze(fromOutsiders)
                .isolation()
                .orElseThrow();
        assertThat(cutOff.verified()).isTrue();
        assertThat(cutOff.changes()).isEmpty();
        assertThat(cutOff.cuts())
                .extracting(SystemicAnalysis.Cut::to)
                .containsExactlyInAnyOrder("shop.site", "dns.provider-a", "homes.cameras", "dns.provider-b");
        assertThat(cutOff.cost()).isEqualTo(12);

        // The flow the cameras send is data, not a need: with no flood it takes nothing down.
        SystemicAnalysis small = analyzer(
                        FLOOD.replace("NEEDS", "dns.provider-a").replace("count: 5000", "count: 10"))
                .analyze(BOTNET);
        assertThat(small.floods()).isEmpty();
        assertThat(small.missions()).isEmpty();
    }
    /**
     * Issue 15, item 7: a cleartext radio link is reached without holding anything. Before: only a
     * held network component read or forged a flow, so a remote control's commands to an insulin
     * pump over BLE in clear gave an attacker within range nothing. Now anyone within range reads the
     * dose log it carries and forges its commands; BLE legacy pairing (a key sniffed as it is agreed)
     * is no better, LE Secure Connections is; a certificate on each command stops the forging but not
     * the reading of a link in clear.
     */
    private static final String RADIO = """
            mamori: 1
            stakeholders:
              patient: { roles: [user, data-owner] }
            systems:
              therapy:
                owner: patient
                operator: patient
                category: medical
                components:
                  remote: { kind: medical-device, credentials: unique }
                  pump: { kind: medical-device, credentials: unique, hazards: { wrong-dose: { severity: critical } } }
                flows:
                  - { id: dosing, from: remote, to: pump, protocol: ble, commands: true, encryption: ENCRYPTION, authentication: AUTHENTICATION, data: [doses] }
            data:
              doses: { owner: patient, personal: true, confidentiality: high, integrity: critical }
            """;

    private static SystemicAnalysis overTheAir(String encryption, String authentication, String protect) {
        return analyzer(RADIO.replace("ENCRYPTION", encryption).replace("AUTHENTICATION", authentication))
                .analyze(new SystemicAnalyzer.Options(Optional.empty(), Optional.ofNullable(protect), List.of()));
    }

    @Test
    void aRadioLinkInClearIsReadAndForgedFromWithinRangeHoldingNothing() {
        SystemicAnalysis clear = overTheAir("none", "none", "therapy.pump");
        assertThat(clear.entries()).singleElement().satisfies(e -> {
            assertThat(e.component()).isEqualTo("therapy.pump");
            assertThat(e.reason())
                    .isEqualTo("its commands are forged over the air: outsiders hear therapy.dosing from within"
                            + " radio range (commands over ble, in clear, no authentication) and forge them to"
                            + " therapy.pump");
            assertThat(e.probability()).isEqualTo(0.45);
        });
        assertThat(clear.hazards())
                .extracting(SystemicAnalysis.HazardReach::hazard)
                .containsExactly("therapy.pump.wrong-dose");
        assertThat(clear.dataRead()).singleElement().satisfies(r -> {
            assertThat(r.where()).isEqualTo("in therapy.dosing, heard from within radio range (in clear)");
            assertThat(r.holder()).isEqualTo("outsiders");
            assertThat(r.hops()).isEmpty();
            assertThat(r.probability()).isEqualTo(0.5);
            assertThat(r.leaves()).isTrue();
        });
        assertThat(clear.dataTampered())
                .singleElement()
                .satisfies(t -> assertThat(t.where())
                        .isEqualTo("sent false in therapy.dosing from within radio range (in clear, not strongly"
                                + " authenticated)"));
        SystemicAnalysis.Isolation plan = clear.isolation().orElseThrow();
        assertThat(plan.verified()).isTrue();
        assertThat(plan.cuts()).singleElement().satisfies(cut -> {
            assertThat(cut.relation()).isEqualTo(Relation.INTERCEPT);
            assertThat(cut.why())
                    .contains("protect therapy.dosing end to end (encryption: ble-secure")
                    .contains("nobody within radio range can read or forge it");
        });

        SystemicAnalysis legacy = overTheAir("ble-legacy", "pairing", null);
        assertThat(legacy.hazards()).as("legacy pairing's key is sniffed").hasSize(1);
        assertThat(legacy.dataRead()).hasSize(1);

        SystemicAnalysis secure = overTheAir("ble-secure", "pairing", null);
        assertThat(secure.entries())
                .as("LE Secure Connections: nothing is heard")
                .isEmpty();
        assertThat(secure.hazards()).isEmpty();
        assertThat(secure.dataRead()).isEmpty();
        assertThat(secure.dataTampered()).isEmpty();

        SystemicAnalysis signed = overTheAir("none", "certificate", null);
        assertThat(signed.hazards())
                .as("each command signed: heard, not forged")
                .isEmpty();
        assertThat(signed.dataRead()).hasSize(1);
        assertThat(signed.dataTampered()).isEmpty();

        SystemicAnalysis fromRemote = analyze(
                RADIO.replace("ENCRYPTION", "ble-secure").replace("AUTHENTICATION", "pairing"), "therapy.remote", null);
        assertThat(fromRemote.hazards())
                .as("the remote itself held still commands the pump: the radio's protection does not help")
                .hasSize(1);
    }
    /**
     * Issue 15, item 9: spread inside a fleet. Before: a fleet was taken whole, so someone next to one
     * of 5,000 cameras flooded with all 5,000. Now one unit is taken in person, and it spreads to the
     * units it reaches over the network (all of them on a shared segment, the share {@code peer-reach}
     * says otherwise) only where their login is weak; over the internet every unit is reached alike.
     */
    private static final String FLEET = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator] }
            systems:
              homes:
                owner: ops
                operator: ops
                category: consumer
                zones: [home-lan]
                components:
                  cameras: { kind: camera, count: 5000, exposure: EXPOSURE, credentials: CREDENTIALS, hazards: { blinded: { severity: marginal } } PLACE }
              dns:
                owner: ops
                operator: ops
                category: enterprise
                components:
                  provider: { kind: dns, exposure: internet, credentials: unique, flood-capacity: 1000 }
                  internet: { kind: internet }
            flows:
              - { from: homes.cameras, to: dns.provider, protocol: dns, network: [dns.internet] }
            """;

    private static SystemicAnalysis fleet(String exposure, String credentials, String place) {
        return analyzer(FLEET.replace("EXPOSURE", exposure)
                        .replace("CREDENTIALS", credentials)
                        .replace(" PLACE", place.isEmpty() ? "" : ", " + place))
                .analyze(SystemicAnalyzer.Options.defaults());
    }

    private static String camerasHazard(SystemicAnalysis a) {
        return a.hazards().stream()
                .filter(h -> h.hazard().equals("homes.cameras.blinded"))
                .map(h -> h.unitsHeld() + " of " + h.units() + h.onUnits())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aFleetTakenInPersonIsHeldOneUnitAtATimeUntilItSpreads() {
        SystemicAnalysis internet = fleet("internet", "default-shared", "");
        assertThat(camerasHazard(internet)).isEqualTo("5000 of 5000, on all 5000 units");
        // The provider, which outsiders may hold too, does not flood itself.
        assertThat(internet.floods()).singleElement().satisfies(f -> {
            assertThat(f.devices()).isEqualTo(5000);
            assertThat(f.from()).containsExactly("homes.cameras (5000)");
        });

        SystemicAnalysis inPerson = fleet("physical", "unique", "");
        assertThat(camerasHazard(inPerson)).isEqualTo("1 of 5000, on 1 of 5000 units");
        assertThat(inPerson.floods()).as("one camera floods nobody").isEmpty();

        assertThat(camerasHazard(fleet("physical", "default-shared", "")))
                .as("a weak login, but no unit reaches another")
                .isEqualTo("1 of 5000, on 1 of 5000 units");
        SystemicAnalysis half = fleet("physical", "default-shared", "peer-reach: 50");
        assertThat(camerasHazard(half)).isEqualTo("2500 of 5000, on 2500 of 5000 units");
        assertThat(half.floods()).singleElement().satisfies(f -> {
            assertThat(f.devices()).isEqualTo(2500);
            assertThat(f.from()).containsExactly("homes.cameras (2500 of 5000)");
        });
        assertThat(camerasHazard(fleet("physical", "default-shared", "zone: home-lan")))
                .as("a shared segment: every unit reaches every other")
                .isEqualTo("5000 of 5000, on all 5000 units");
        assertThat(camerasHazard(fleet("physical", "unique", "zone: home-lan")))
                .as("a shared segment, but each unit's own login holds")
                .isEqualTo("1 of 5000, on 1 of 5000 units");
        assertThat(camerasHazard(fleet("physical", "unique", "zone: home-lan, exploitable: [{ flaw: CVE-2017-0144 }]")))
                .as("a worm's flaw crosses every login")
                .isEqualTo("5000 of 5000, on all 5000 units");
    }
}
