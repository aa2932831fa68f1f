package dev.mamori.engine.systemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.ModelLoader;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.syntax.ReadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The systemic analysis against the shape of public incident post-mortems: one small model per
 * incident (in {@code scenarios/}), asserting the path an attacker takes hop by hop, the cut that
 * isolates what the victim should have protected, and what an outage takes down.
 *
 * <p>Where the analysis gives a result that does not match the incident, the assertion records the
 * current behaviour and is marked {@code DISCREPANCY}, with the behaviour we believe is right.
 */
class IncidentScenariosTest {

    // ---- 1. Retail POS breach through an HVAC contractor (2013) ---------------------------------

    @Test
    void hvacContractorPasswordReachesTheRegistersOverTheFlatCorporateNetwork() {
        Scenario s = Scenario.load("target-2013.yaml");
        SystemicAnalysis a = s.analyze(Optional.of("contractor-office"), Optional.of("pos"), List.of());

        // The analysis keeps one path per system reached; registers and store servers are equally
        // likely (the sources do not say how their logins were set: both are left unknown), and the
        // first declared, the registers, is the one kept.
        SystemicAnalysis.Path intoPos = s.pathInto(a, "pos.registers");
        assertThat(hops(intoPos.hops()))
                .as("the contractor's stolen portal password, then the flat zone, then the shared register login")
                .containsExactly(
                        "contractor-office.office-pc -> retail-corp.vendor-portal [CREDENTIAL]",
                        "retail-corp.vendor-portal -> zone retail-corp.corp-flat [ZONE_MEMBER]",
                        "zone retail-corp.corp-flat -> pos.registers [LATERAL]");
        assertThat(intoPos.targetSystem()).as("the path ends in the POS system").isEqualTo("pos");
        assertThat(intoPos.hops().get(2).assumptions())
                .as("the step onto the registers rests on the assumption about unknown logins, and says so")
                .singleElement()
                .asString()
                .contains("unknown-login-weak");

        // Every path from the contractor to the POS estate crosses the portal password. Of the
        // relations that separate them, it is the cheapest to cut: revoking the password or putting
        // it behind MFA costs 1; segmenting the portal from the corporate zone (ZONE_MEMBER) costs 3;
        // giving unique logins to the registers and to the store servers (two LATERAL edges, one
        // per member taken) costs 2. So the minimum cut is the credential relation alone, which is
        // also what the post-mortems put first (vendor access without a second factor). The zone
        // and the portal are still named as single points every path crosses, for defence in depth.
        SystemicAnalysis.Isolation isolation = a.isolation().orElseThrow();
        assertThat(isolation.alreadyIsolated())
                .as("the POS system is reachable before the cut")
                .isFalse();
        assertThat(isolation.cuts())
                .as("the cheapest cut is the contractor's portal password")
                .extracting(SystemicAnalysis.Cut::element, SystemicAnalysis.Cut::relation, SystemicAnalysis.Cut::cost)
                .containsExactly(tuple("credential contractor-portal-password", Relation.CREDENTIAL, 1L));
        assertThat(isolation.cost()).as("total cost of the cut").isEqualTo(1L);
        assertThat(isolation.dominators())
                .as("the portal and the flat zone are on every path")
                .containsExactlyInAnyOrder("retail-corp.vendor-portal", "zone retail-corp.corp-flat");

        // The sources do not say how the staging servers' logins were set: from the POS system they
        // are reached only over the assumption about unknown logins, and the path says so (the
        // registers' data did end up on internal staging servers [1]).
        SystemicAnalysis fromPos = s.analyze(Optional.of("pos"), Optional.empty(), List.of());
        assertThat(fromPos.paths())
                .as("every path from the POS system into retail-corp rests on the assumption")
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.basis()).isEqualTo("assumed"));

        // The card data was sent out [1]: the analysis says it can leave (the corporate zone states
        // no egress), and the plan to keep it in is the same cheapest cut, the contractor's portal
        // password (1), cheaper than an egress rule on the flat corporate zone (2); checked.
        assertThat(a.dataRead())
                .filteredOn(r -> r.data().equals("retail-corp.card-data"))
                .singleElement()
                .satisfies(r -> assertThat(r.leaves()).isTrue());
        SystemicAnalysis.Isolation keepIn = s.analyze(
                        Optional.of("contractor-office"), Optional.of("retail-corp.card-data"), List.of())
                .isolation()
                .orElseThrow();
        assertThat(keepIn.protectKind()).isEqualTo("data asset");
        assertThat(keepIn.verified()).isTrue();
        assertThat(keepIn.cuts())
                .extracting(SystemicAnalysis.Cut::element)
                .containsExactly("credential contractor-portal-password");
        assertThat(keepIn.changes()).isEmpty();
        assertThat(keepIn.cost()).isEqualTo(1L);
    }

    // ---- 2. Camera botnet and a managed-DNS provider (2016) ---------------------------------------

    @Test
    void defaultLoginCamerasAreHeldAndTheDnsOutageTakesSingleHomedSitesDown() {
        Scenario s = Scenario.load("mirai-dyn-2016.yaml");
        SystemicAnalysis a = s.analyze(Optional.empty(), Optional.empty(), List.of("managed-dns.name-servers"));

        assertThat(a.entries())
                .as("the devices whose telnet the internet reaches are entry points [1]")
                .extracting(SystemicAnalysis.Entry::component, SystemicAnalysis.Entry::reason)
                .contains(tuple("home-cctv.devices", "reachable from the internet"));
        Propagation exposed = s.propagation(Optional.empty());
        assertThat(s.controlled(exposed, "home-cctv.devices"))
                .as("held with their factory-default login [1]")
                .isTrue();
        assertThat(a.missions())
                .as("the households' own devices are in the attacker's hands")
                .anySatisfy(m -> {
                    assertThat(m.mission()).isEqualTo("home-surveillance");
                    assertThat(m.compromisedNeeds()).contains("home-cctv.devices");
                });

        // Dyn's capacity is not public, so no flood-capacity is stated and the flood is not derived:
        // the name servers' outage is rehearsed with --fail.
        SystemicAnalysis.OutageEffect outage = a.outage().orElseThrow();
        assertThat(outage.down())
                .as("a site whose only name servers are at the provider goes down")
                .contains("code-hosting.web");
        assertThat(outage.down())
                .as("a site with a second, independent DNS provider stays up")
                .doesNotContain("news.site");
        assertThat(outage.missionsStopped())
                .as("pushing code stops; reading the dual-homed news site does not")
                .contains("push-code")
                .doesNotContain("read-news");

        // The streaming front end also reads its own catalogue database, which is no alternative to
        // its name service: the DNS flow is marked required, so losing it takes the front end down
        // although the database flow still arrives.
        assertThat(outage.down())
                .as("a front end whose required name service is gone is down, its database notwithstanding")
                .contains("streaming.web-front");
        assertThat(outage.missionsStopped()).contains("watch-video");

        // Exposure is reach, not possession: the provider's name servers (unique credentials) are entry
        // points held with a low probability, far below the default-password cameras. (The analysis
        // still lists read-news among the missions an attacker can stop, since an entry point counts
        // as held; the flood that really hit the name servers is a denial of service, which the
        // analysis does not derive from a controlled fleet.)
        assertThat(a.entries()).as("exposure alone does not mean held").anySatisfy(e -> {
            assertThat(e.component()).isEqualTo("managed-dns.name-servers");
            assertThat(e.probability()).isLessThan(0.5);
            assertThat(e.reason()).contains("login unique");
        });
    }

    // ---- 3. Connected SUV over the cellular network (2015) ----------------------------------------

    @Test
    void headUnitReachesTheBrakesThroughTheCanGateway() {
        Scenario s = Scenario.load("jeep-2015.yaml");
        SystemicAnalysis a = s.analyze(Optional.empty(), Optional.of("vehicle.brake-ecu"), List.of());

        assertThat(a.entries())
                .as("the head unit, reachable by anyone on the carrier network, is the only entry point")
                .extracting(SystemicAnalysis.Entry::component)
                .containsExactly("vehicle.head-unit");

        SystemicAnalysis.HazardReach brakes = a.hazards().stream()
                .filter(h -> h.hazard().equals("vehicle.brake-ecu.brakes-disabled"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("brakes-disabled is not among the hazards: " + a.hazards()));
        assertThat(brakes.severity()).as("severity").isEqualTo("catastrophic");
        assertThat(brakes.interlocked())
                .as("no independent interlock on the brakes")
                .isFalse();
        assertThat(hops(brakes.hops()))
                .as("head unit -> CAN gateway -> brake ECU, over commands nobody authorizes")
                .containsExactly(
                        "vehicle.head-unit -> vehicle.can-gateway [COMMAND]",
                        "vehicle.can-gateway -> vehicle.brake-ecu [COMMAND]");
        assertThat(a.hazards().get(0).hazard())
                .as("the un-interlocked catastrophic hazard is listed first")
                .isEqualTo("vehicle.brake-ecu.brakes-disabled");
        assertThat(a.hazards())
                .filteredOn(h -> h.hazard().equals("vehicle.engine-ecu.engine-kill"))
                .singleElement()
                .as("the engine stall is reachable but held back by an interlock")
                .satisfies(h -> assertThat(h.interlocked()).isTrue());

        // Between the head unit and the brake ECU every path crosses the head-unit -> bridge link and
        // the bridge itself: cutting (or authenticating) that one command flow costs 2, while cutting
        // after the bridge would need a flow per ECU. The bridge is the dominator: the fix that
        // matters most is a bridge that refuses unsigned firmware and unexpected frames.
        SystemicAnalysis.Isolation isolation = a.isolation().orElseThrow();
        assertThat(isolation.cuts())
                .as("the cut is the head-unit -> CAN gateway command flow")
                .extracting(SystemicAnalysis.Cut::element, SystemicAnalysis.Cut::relation)
                .containsExactly(tuple("vehicle.head-unit-to-bridge", Relation.COMMAND));
        assertThat(isolation.dominators())
                .as("the CAN gateway is on every path to the brakes")
                .contains("vehicle.can-gateway");
    }

    // ---- 4. Cloud camera vendor and its customers (2021) ------------------------------------------

    @Test
    void cameraVendorCloudReachesEveryCustomersCameras() {
        Scenario s = Scenario.load("verkada-2021.yaml");
        SystemicAnalysis a = s.analyze(Optional.of("vendor-cloud"), Optional.empty(), List.of());

        assertThat(a.paths())
                .as("one path into each customer")
                .extracting(SystemicAnalysis.Path::targetSystem)
                .containsExactlyInAnyOrder("hospital", "factory");
        assertThat(hops(s.pathInto(a, "hospital.cameras").hops()))
                .as("the platform's device-management key opens the hospital's cameras")
                .containsExactly("vendor-cloud.command-platform -> hospital.cameras [CREDENTIAL]");
        assertThat(hops(s.pathInto(a, "factory.cameras").hops()))
                .as("the same key opens the factory's cameras")
                .containsExactly("vendor-cloud.command-platform -> factory.cameras [CREDENTIAL]");

        SystemicAnalysis.SystemRadius vendor = radius(a, "vendor-cloud");
        assertThat(vendor.systemsReached())
                .as("the vendor's compromise reaches both customers")
                .containsExactlyInAnyOrder("hospital", "factory");
        assertThat(vendor.score()).as("medical weighs 3, industrial 2").isEqualTo(5);
        assertThat(radius(a, "hospital").systemsReached())
                .as("the customers do not reach each other")
                .isEmpty();
        assertThat(radius(a, "factory").systemsReached()).isEmpty();

        // Without --from, the attack starts where it did: the internet-facing build server that held
        // the privileged account.
        SystemicAnalysis exposed = s.analyze(Optional.empty(), Optional.empty(), List.of());
        assertThat(hops(s.pathInto(exposed, "hospital.cameras").hops()))
                .as("build server -> platform -> customer cameras")
                .containsExactly(
                        "vendor-cloud.build-server -> vendor-cloud.command-platform [CREDENTIAL]",
                        "vendor-cloud.command-platform -> hospital.cameras [CREDENTIAL]");
    }

    // ---- 5. Satellite modems wiped through the management plane (2022) ----------------------------

    @Test
    void vpnIntoTheManagementPlaneHoldsTheModemsAndTheirLossBlindsTheWindFarms() {
        Scenario s = Scenario.load("viasat-2022.yaml");
        SystemicAnalysis a = s.analyze(Optional.of("satcom.vpn-appliance"), Optional.empty(), List.of());

        Propagation fromVpn = s.propagation(Optional.of("satcom.vpn-appliance"));
        assertThat(s.controlled(fromVpn, "satcom.modems"))
                .as("the modems are held")
                .isTrue();
        assertThat(hops(s.path(fromVpn, "satcom.modems")))
                .as("VPN into the management segment, the shared admin login, then management commands")
                .containsExactly(
                        "satcom.vpn-appliance -> zone satcom.mgmt [ZONE_MEMBER]",
                        "zone satcom.mgmt -> satcom.modem-manager [LATERAL]",
                        "satcom.modem-manager -> satcom.modems [COMMAND]");
        assertThat(s.controlled(fromVpn, "wind-monitoring.turbine-controllers"))
                .as("the turbines themselves are not controlled (their remote control checks roles)")
                .isFalse();
        assertThat(a.missions())
                .extracting(SystemicAnalysis.MissionEffect::mission)
                .as("the operator's broadband service is in the attacker's hands")
                .contains("broadband-service");

        // What the attacker did with the modems was wipe them: components an attacker controls can also
        // be made to go dark, so turbine monitoring, which needs data that only flows through the held
        // modems, is at risk from the VPN.
        assertThat(a.missions())
                .extracting(SystemicAnalysis.MissionEffect::mission)
                .as("the modems can be wiped, which blinds the wind farms' monitoring")
                .contains("turbine-monitoring");

        SystemicAnalysis.OutageEffect modemsDown = s.analyze(
                        Optional.empty(), Optional.empty(), List.of("satcom.modems"))
                .outage()
                .orElseThrow();
        assertThat(modemsDown.down())
                .as("without the modems, the remote monitoring centre gets nothing")
                .contains("wind-monitoring.remote-scada");
        assertThat(modemsDown.missionsStopped()).as("turbine monitoring stops").contains("turbine-monitoring");

        // The turbines kept generating on their own; only the remote view was lost. Receiving commands
        // is not needing them, so losing remote control does not take the turbine controllers down.
        assertThat(modemsDown.down())
                .as("the turbines run without remote control")
                .doesNotContain("wind-monitoring.turbine-controllers");
        assertThat(modemsDown.missionsStopped())
                .as("power generation keeps running")
                .doesNotContain("power-generation");

        SystemicAnalysis.OutageEffect satelliteDown = s.analyze(
                        Optional.empty(), Optional.empty(), List.of("satcom.ka-sat"))
                .outage()
                .orElseThrow();
        assertThat(satelliteDown.down())
                .as("the satellite network failing has the same effect on the monitoring centre")
                .contains("wind-monitoring.remote-scada");
        assertThat(satelliteDown.missionsStopped()).contains("turbine-monitoring");
    }

    // ---- 6. Ransomware in corporate IT stops a pipeline (2021) ------------------------------------

    @Test
    void aLeakedDormantVpnPasswordIsTheWayInAndItsAccountTheIsolationPoint() {
        Scenario s = Scenario.load("colonial-2021.yaml");
        SystemicAnalysis a = s.analyze(Optional.empty(), Optional.of("corp-it"), List.of());

        assertThat(a.entries())
                .as("outsiders hold the leaked password of the legacy VPN profile [2]")
                .filteredOn(e -> e.component().equals("account corp-it.legacy-vpn-profile (outside)"))
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("has leaked"));
        Propagation p = s.propagation(Optional.empty());
        List<Hop> intoVpn = s.path(p, "corp-it.vpn");
        assertThat(hops(intoVpn))
                .as("the first hop of the documented chain: a login with the leaked password")
                .containsExactly("account corp-it.legacy-vpn-profile (outside) -> corp-it.vpn [LOGIN]");
        assertThat(intoVpn.get(0).weakness()).contains("from the internet", "single factor", "leaked, dormant");

        // How the intruders reached the encrypted systems is not public: the model does not say, and
        // the analysis says the step rests on its assumption about logins nobody described.
        List<Hop> intoServers = s.path(p, "corp-it.it-servers");
        assertThat(intoServers).isNotEmpty();
        assertThat(intoServers.get(intoServers.size() - 1).assumptions())
                .singleElement()
                .asString()
                .contains("unknown-login-weak");

        for (String ot : List.of("pipeline-ot.scada", "pipeline-ot.pump-stations")) {
            assertThat(s.controlled(p, ot)).as(ot + " is not reached [1]").isFalse();
        }
        assertThat(a.missions())
                .as("the pipeline stop was the company's precaution [1], not the attacker's doing")
                .isEmpty();

        // The post-mortems' isolation point, the legacy profile without a second factor, is among
        // the plan's first three changes, and the plan is checked.
        SystemicAnalysis.Isolation plan = a.isolation().orElseThrow();
        assertThat(plan.verified()).isTrue();
        assertThat(plan.cuts().subList(0, Math.min(3, plan.cuts().size())))
                .extracting(SystemicAnalysis.Cut::element)
                .contains("account corp-it.legacy-vpn-profile");
        assertThat(plan.cuts())
                .filteredOn(c -> c.element().equals("account corp-it.legacy-vpn-profile"))
                .singleElement()
                .satisfies(c -> assertThat(c.why()).contains("disable corp-it.legacy-vpn-profile"));
    }

    /**
     * Colonial's pipeline stopped by the company's own decision [1]: rehearsed as a shutdown, it stops
     * the mission while the attacker holds nothing of the pipeline, and the pipeline restarts, as the
     * company decides, once the encrypted IT systems are back.
     */
    @Test
    void colonialsPrecautionaryShutdownStopsTheMissionWithoutTheAttackerReachingIt() {
        Scenario s = Scenario.load("colonial-2021.yaml");
        dev.mamori.engine.missions.MissionAnalysis.ScenarioResult r = new dev.mamori.engine.missions.MissionAnalyzer(
                        s.frozen(), s.analyzer())
                .scenario(s.frozen().landscape().scenarios().get("may-2021"));
        assertThat(r.compromised()).containsExactly("corp-it.it-servers");
        assertThat(r.missions())
                .filteredOn(o -> o.mission().equals("fuel-delivery"))
                .singleElement()
                .satisfies(o ->
                        assertThat(o.status()).isEqualTo(dev.mamori.engine.missions.MissionAnalysis.Status.STOPPED));
        for (String ot : List.of("pipeline-ot.scada", "pipeline-ot.pump-stations")) {
            assertThat(r.restoration())
                    .filteredOn(step -> step.component().equals(ot))
                    .singleElement()
                    .satisfies(step -> {
                        assertThat(step.cause()).isEqualTo("shut down");
                        assertThat(step.by()).isEqualTo("pipeco");
                        assertThat(step.after()).containsExactly("corp-it.it-servers");
                        assertThat(step.how()).contains("restart once what was compromised is back");
                    });
        }
    }

    // ---- 7. Breakers opened from the control room's own workstations (Ukraine, 2015) --------------

    @Test
    void phishingThenHarvestedVpnCredentialsThenTheHmiOpensTheBreakers() {
        Scenario s = Scenario.load("ukraine-2015.yaml");
        SystemicAnalysis a = s.analyze(Optional.empty(), Optional.of("power-distribution"), List.of());
        Propagation p = s.propagation(Optional.empty());

        assertThat(a.entries())
                .as("the phishing documents opened on the business network [1]")
                .extracting(SystemicAnalysis.Entry::component)
                .contains("business.workstations");
        assertThat(hops(s.path(p, "control.substation-rtus")))
                .as("the documented chain hop by hop: harvest, VPN, HMI, breakers [1][2]")
                .containsExactly(
                        "business.workstations -> account control.remote-access [HARVEST]",
                        "account control.remote-access -> control.vpn [LOGIN]",
                        "control.vpn -> account control.remote-access [HARVEST]",
                        "account control.remote-access -> control.dms-workstations [LOGIN]",
                        "control.dms-workstations -> control.substation-rtus [COMMAND]");
        assertThat(a.hazards())
                .extracting(SystemicAnalysis.HazardReach::hazard)
                .as("S: the breakers can be opened")
                .contains("control.substation-rtus.breakers-opened");
        assertThat(a.missions())
                .extracting(SystemicAnalysis.MissionEffect::mission)
                .as("A: distribution stops")
                .containsExactly("power-distribution");

        // The isolation point both post-mortems name, a second factor on the VPN, is among the
        // plan's first three changes.
        SystemicAnalysis.Isolation plan = a.isolation().orElseThrow();
        assertThat(plan.verified()).isTrue();
        assertThat(plan.cuts().subList(0, Math.min(3, plan.cuts().size()))).anySatisfy(c -> {
            assertThat(c.element()).isEqualTo("account control.remote-access");
            assertThat(c.to()).isEqualTo("control.vpn");
            assertThat(c.why()).contains("require a second factor for control.remote-access on control.vpn");
        });
    }

    // ---- 8. An internet-exposed controller with its default password (water, 2023) ---------------

    @Test
    void anInternetExposedControllerWithItsDefaultPasswordIsHeldAndTakenOffTheInternet() {
        Scenario s = Scenario.load("unitronics-2023.yaml");
        SystemicAnalysis a = s.analyze(Optional.empty(), Optional.of("booster-station.plc-hmi"), List.of());
        assertThat(a.entries()).singleElement().satisfies(e -> {
            assertThat(e.component()).isEqualTo("booster-station.plc-hmi");
            assertThat(e.probability()).as("held for certain [1][2]").isEqualTo(1.0);
        });
        assertThat(a.missions())
                .extracting(SystemicAnalysis.MissionEffect::mission)
                .as("I and A: the station's control is the attacker's")
                .containsExactly("water-pressure");
        SystemicAnalysis.Isolation plan = a.isolation().orElseThrow();
        assertThat(plan.verified()).isTrue();
        assertThat(plan.cuts()).singleElement().satisfies(c -> {
            assertThat(c.relation()).isEqualTo(Relation.EXPOSURE);
            assertThat(c.why())
                    .as("the advisories' remedies [1][2]")
                    .contains("allow only known peers")
                    .contains("give it a unique login");
        });
    }

    // ---- 10. A medical device whose radio takes anyone's commands (insulin pumps, 2019) ----------

    @Test
    void anUnauthenticatedPumpRadioIsAWayInFromNearbyAndItsRemedyIsTheRadio() {
        Scenario s = Scenario.load("minimed-2019.yaml");
        SystemicAnalysis a = s.analyze(Optional.empty(), Optional.of("insulin-therapy.pump"), List.of());
        assertThat(a.entries()).singleElement().satisfies(e -> {
            assertThat(e.component()).isEqualTo("insulin-therapy.pump");
            assertThat(e.reason()).as("within radio range [1]").isEqualTo("reachable by radio from nearby");
            assertThat(e.probability()).isEqualTo(0.5);
        });
        assertThat(a.hazards())
                .extracting(SystemicAnalysis.HazardReach::hazard)
                .as("S: the dose can be changed [1][2]")
                .containsExactly("insulin-therapy.pump.wrong-dose");
        assertThat(a.missions())
                .extracting(SystemicAnalysis.MissionEffect::mission)
                .as("A and I: delivery is the attacker's")
                .containsExactly("insulin-delivery");
        SystemicAnalysis.Isolation plan = a.isolation().orElseThrow();
        assertThat(plan.verified()).isTrue();
        assertThat(plan.cuts()).singleElement().satisfies(c -> {
            assertThat(c.relation()).isEqualTo(Relation.EXPOSURE);
            assertThat(c.why())
                    .as("the remedy is the radio, not a network filter")
                    .contains("close insulin-therapy.pump's radio to strangers")
                    .doesNotContain("behind the VPN");
        });
    }

    // ---- 9. Negative control: a plant behind a one-way gateway -----------------------------------

    @Test
    void nothingReachesAPlantWhoseDataLeavesOnlyThroughADiode() {
        Scenario s = Scenario.load("diode-control.yaml");
        SystemicAnalysis a = s.analyze(Optional.empty(), Optional.of("treatment"), List.of());
        Propagation p = s.propagation(Optional.empty());
        assertThat(s.controlled(p, "office.replica"))
                .as("the office side is held")
                .isTrue();
        for (String plant : List.of("plant.historian", "plant.plc")) {
            assertThat(s.controlled(p, plant)).as(plant).isFalse();
        }
        assertThat(a.paths()).as("no path into another system").isEmpty();
        assertThat(a.hazards()).isEmpty();
        assertThat(a.missions()).isEmpty();
        SystemicAnalysis.Isolation plan = a.isolation().orElseThrow();
        assertThat(plan.alreadyIsolated()).isTrue();
        assertThat(plan.cuts()).isEmpty();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** Hops as "from -> to [RELATION]", for readable assertions. */
    // ---- 11. A worm through a supplier's update (NotPetya through M.E.Doc, 2017) -------------------

    @Test
    void theSuppliersUpdateServiceShipsTheWormAndItsTakenCredentialsCarryItAcrossTheNetwork() {
        Scenario s = Scenario.load("notpetya-medoc-2017.yaml");
        SystemicAnalysis a =
                s.analyze(Optional.of("medoc.update-service"), Optional.of("business-operations"), List.of());
        Propagation p = s.propagation(Optional.of("medoc.update-service"));

        assertThat(hops(s.path(p, "customer.servers")))
                .as("the update, then the credentials taken from memory and used with PsExec and WMI [1][2][3]")
                .containsExactly(
                        "medoc.update-service -> customer.accounting-pc [UPDATE]",
                        "customer.accounting-pc -> account customer.admin [HARVEST]",
                        "account customer.admin -> customer.servers [LOGIN]");
        assertThat(s.path(p, "customer.servers").get(1).assumptions())
                .as("whether an administrator's secret was on that computer is not stated")
                .singleElement()
                .satisfies(x -> assertThat(x).contains("harvest"));
        assertThat(s.controlled(p, "customer.workstations"))
                .as("the worm reaches the other computers")
                .isTrue();
        // A: what the attacker holds is wiped; the mission stops. (What follows from an assumed
        // step is not claimed as a consequence, so the analysis claims the update's part.)
        assertThat(a.paths()).extracting(SystemicAnalysis.Path::target).contains("customer.accounting-pc");

        // Keeping the company running: the isolation point US-CERT names, restricting where
        // administrative credentials are used [3], is among the plan's first three changes.
        SystemicAnalysis.Isolation plan = a.isolation().orElseThrow();
        assertThat(plan.verified()).isTrue();
        assertThat(plan.cuts().subList(0, Math.min(3, plan.cuts().size()))).anySatisfy(c -> {
            assertThat(c.relation()).isEqualTo(Relation.HARVEST);
            assertThat(c.element()).isEqualTo("account customer.admin");
        });
        // Keeping the accounting computer itself: the supplier's update channel [1][2] is the cut.
        SystemicAnalysis.Isolation atTheSource = s.analyze(
                        Optional.of("medoc.update-service"), Optional.of("customer.accounting-pc"), List.of())
                .isolation()
                .orElseThrow();
        assertThat(atTheSource.verified()).isTrue();
        assertThat(atTheSource.cuts()).singleElement().satisfies(c -> {
            assertThat(c.relation()).isEqualTo(Relation.UPDATE);
            assertThat(c.why())
                    .contains("install only what is verified against a key medoc.update-service does not hold");
        });
    }

    // ---- 12. A safety system reprogrammed (TRITON, 2017) -------------------------------------------

    @Test
    void theEngineeringWorkstationReprogramsTheSafetyControllers() {
        Scenario s = Scenario.load("triton-2017.yaml");
        SystemicAnalysis a = s.analyze(Optional.of("plant.sis-workstation"), Optional.of("production"), List.of());
        Propagation p = s.propagation(Optional.of("plant.sis-workstation"));

        assertThat(hops(s.path(p, "plant.sis-controllers")))
                .as("TRITON's program download over TriStation [1][2]")
                .containsExactly("plant.sis-workstation -> plant.sis-controllers [COMMAND]");
        assertThat(a.hazards())
                .extracting(SystemicAnalysis.HazardReach::hazard)
                .as("S: the protection can be lost [1][2]")
                .containsExactly("plant.sis-controllers.protection-lost");
        assertThat(a.missions())
                .extracting(SystemicAnalysis.MissionEffect::mission)
                .as("A: the controllers tripped and the process stopped [1]")
                .containsExactly("production");
        // The isolation point both sources name: the controllers accept no program change in
        // operation (the key switch out of PROGRAM), i.e. what they accept over TriStation.
        SystemicAnalysis.Isolation plan = a.isolation().orElseThrow();
        assertThat(plan.verified()).isTrue();
        assertThat(plan.cuts().subList(0, Math.min(3, plan.cuts().size()))).anySatisfy(c -> {
            assertThat(c.element()).isEqualTo("plant.tristation");
            assertThat(c.why()).contains("limit what plant.sis-controllers accepts over this flow");
        });
    }

    private static List<String> hops(List<Hop> hops) {
        return hops.stream()
                .map(h -> h.from() + " -> " + h.to() + " [" + h.relation() + "]")
                .toList();
    }

    private static SystemicAnalysis.SystemRadius radius(SystemicAnalysis a, String system) {
        return a.blastRadius().stream()
                .filter(r -> r.system().equals(system))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no blast radius for " + system));
    }

    /** One incident model, loaded from {@code scenarios/} with no errors (warnings are fine). */
    private record Scenario(FrozenGraph frozen, SystemicAnalyzer analyzer) {

        static Scenario load(String file) {
            byte[] bytes;
            try (InputStream in = IncidentScenariosTest.class.getResourceAsStream("scenarios/" + file)) {
                if (in == null) {
                    throw new AssertionError("no scenario " + file);
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path path = Path.of(file);
            LoadResult result = new ModelLoader(
                            ModelSource.inMemory(Map.of(path, bytes)),
                            new ModelLoader.Options(ReadLimits.DEFAULT, LocalDate.of(2026, 11, 22)))
                    .load(List.of(path));
            assertThat(result.errors()).as(file + " loads with no errors").isEmpty();
            FrozenGraph frozen = FrozenGraph.of(result.landscape().orElseThrow());
            return new Scenario(frozen, new SystemicAnalyzer(frozen));
        }

        SystemicAnalysis analyze(Optional<String> from, Optional<String> protect, List<String> fail) {
            return analyzer.analyze(new SystemicAnalyzer.Options(from, protect, fail));
        }

        /** The propagation behind an analysis: from the exposed components, or from a named element. */
        Propagation propagation(Optional<String> from) {
            EntryPoints entries = from.map(name -> EntryPoints.assumed(analyzer.components(name), name + " assumed"))
                    .orElseGet(() -> EntryPoints.exposed(frozen));
            return Propagation.from(analyzer.graph(), entries);
        }

        int node(String component) {
            return frozen.componentId(component).orElseThrow(() -> new AssertionError("no component " + component));
        }

        boolean controlled(Propagation p, String component) {
            return p.controlled(node(component));
        }

        List<Hop> path(Propagation p, String component) {
            return p.path(node(component));
        }

        SystemicAnalysis.Path pathInto(SystemicAnalysis a, String target) {
            return a.paths().stream()
                    .filter(p -> p.target().equals(target))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no path into " + target + "; paths: "
                            + Arrays.toString(a.paths().stream()
                                    .map(SystemicAnalysis.Path::target)
                                    .toArray())));
        }
    }
}
