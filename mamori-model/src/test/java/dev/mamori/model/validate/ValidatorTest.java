package dev.mamori.model.validate;

import static dev.mamori.model.load.DiagnosticsAssert.error;
import static dev.mamori.model.load.DiagnosticsAssert.warning;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.Models;
import org.junit.jupiter.api.Test;

/** What only the whole landscape can tell: one test per check, message and location asserted. */
class ValidatorTest {

    /** BASE plus top-level lines, which start at line 21. */
    private static LoadResult withTop(String lines) {
        return Models.load(Models.BASE + lines);
    }

    @Test
    void theBaseModelIsValidWithoutWarnings() {
        assertThat(Models.load(Models.BASE).diagnostics()).isEmpty();
    }

    @Test
    void danglingReferencesSuggestTheNearestId() {
        LoadResult result = withTop("flows:\n  - { from: a.hubb, to: b.cloud, protocol: https, agreement: X }\n");
        error(result, "dangling-reference", 22, 13, "no component 'a.hubb'", "did you mean 'a.hub'?");
    }

    @Test
    void bareReferencesResolveInTheirOwnSystem() {
        LoadResult result = Models.load(Models.BASE.replace(
                "net: { kind: lan }",
                "net: { kind: lan }\n    flows:\n      - { from: sensor, to: hubb, protocol: mqtt }"));
        error(result, "dangling-reference", 16, 29, "no component 'hubb' in system a;", "did you mean 'hub'?");
    }

    @Test
    void bareReferencesDoNotReachIntoOtherSystems() {
        LoadResult result = Models.load(Models.BASE.replace(
                "net: { kind: lan }",
                "net: { kind: lan }\n    flows:\n      - { from: sensor, to: cloud, protocol: https }"));
        error(result, "dangling-reference", 16, 29, "no component 'cloud' in system a;", "did you mean 'b.cloud'?");
    }

    @Test
    void zonesOwnersAndStakeholdersAreResolved() {
        error(
                Models.load(Models.BASE.replace("zone: lan-zone", "zone: lan-zon")),
                "dangling-reference",
                12,
                37,
                "no zone 'lan-zon' in system a;",
                "did you mean 'lan-zone'?");
        error(
                Models.load(Models.BASE.replace(
                        "owner: ops\n    operator: ops\n    category: consumer",
                        "owner: opps\n    operator: ops\n    category: consumer")),
                "dangling-reference",
                16,
                12,
                "no stakeholder 'opps';",
                "did you mean 'ops'?");
    }

    @Test
    void missionsNeedKnownComponents() {
        LoadResult result = withTop("missions:\n  m: { needs: { all: [a.sensor, c.thing] } }\n");
        error(result, "dangling-reference", 22, 33, "no component or flow 'c.thing'");
    }

    @Test
    void aComponentNeedsWhatItNamesAndNeverItself() {
        LoadResult dangling = Models.load(
                Models.BASE.replace("hub: { kind: gateway }", "hub: { kind: gateway, needs: [net, power] }"));
        error(dangling, "dangling-reference", 13, 42, "no component or flow 'power' in system a");
        LoadResult itself = Models.load(
                Models.BASE.replace("hub: { kind: gateway }", "hub: { kind: gateway, needs: { any: [net, hub] } }"));
        error(itself, "needs-itself", 13, 49, "a.hub cannot need itself");
    }

    @Test
    void anAccountLogsInToKnownComponents() {
        LoadResult result = withTop("accounts:\n  admin: { kind: domain, logs-in-to: [a.hub, a.hubb] }\n");
        error(result, "dangling-reference", 22, 46, "no component 'a.hubb'", "did you mean 'a.hub'?");
    }

    @Test
    void aMarkIsOnAFactTheAnalysisUses() {
        LoadResult onZone = withTop("marks:\n  - { on: a.lan-zone, as: alleged }\n");
        error(
                onZone,
                "dangling-reference",
                22,
                11,
                "no component, named flow, credential relation or account 'a.lan-zone'");
        LoadResult onComponent = withTop("marks:\n  - { on: a.hub, as: alleged, source: a report }\n");
        assertThat(onComponent.errors())
                .as(Models.render(onComponent.diagnostics()))
                .isEmpty();
        assertThat(onComponent.landscape().orElseThrow().marks())
                .singleElement()
                .satisfies(m -> assertThat(m.source()).isEqualTo("a report"));
    }

    @Test
    void aNeedMayNameAFlowByItsId() {
        LoadResult result =
                Models.load(Models.BASE.replace("hub: { kind: gateway }", "hub: { kind: gateway, needs: uplink }")
                        + "flows:\n  - { id: uplink, from: b.cloud, to: a.hub, protocol: https, agreement: X }\n");
        assertThat(result.errors()).as(Models.render(result.diagnostics())).isEmpty();
        assertThat(result.landscape().orElseThrow().components().stream()
                        .filter(c -> c.id().equals("a.hub"))
                        .findFirst()
                        .orElseThrow()
                        .needs())
                .isPresent();
    }

    @Test
    void aNetworkMustBeANetworkLayerComponent() {
        LoadResult result =
                withTop("flows:\n  - { from: a.hub, to: b.cloud, protocol: https, network: a.sensor, agreement: X }\n");
        error(result, "not-a-network", 22, 59, "a.sensor is on the device layer");
    }

    @Test
    void aFlowToItselfMakesNoSense() {
        LoadResult result = withTop("flows:\n  - { from: a.hub, to: a.hub, protocol: mqtt }\n");
        error(result, "self-flow", 22, 24, "from a.hub to itself");
    }

    @Test
    void aSystemListsOnlyItsOwnFlows() {
        LoadResult result = Models.load(Models.BASE.replace(
                "cloud: { kind: cloud }",
                "cloud: { kind: cloud }\n    flows:\n      - { from: a.sensor, to: a.hub, protocol: mqtt }"));
        error(result, "foreign-flow", 22, 9, "listed under system b but touches neither", "top-level 'flows'");
    }

    @Test
    void encryptionMustSuitTheProtocol() {
        LoadResult result = withTop("flows:\n  - { from: a.sensor, to: a.hub, protocol: coap, encryption: tls }\n");
        error(result, "protocol-mismatch", 22, 5, "coap (over udp) cannot run with encryption 'tls'", "dtls, oscore");
    }

    @Test
    void authenticationMustSuitTheProtocol() {
        LoadResult result =
                withTop("flows:\n  - { from: a.sensor, to: a.hub, protocol: modbus-tcp, authentication: password }\n");
        error(result, "protocol-mismatch", 22, 5, "modbus-tcp cannot authenticate with 'password'");
    }

    @Test
    void commandsNeedAProtocolThatCarriesThem() {
        LoadResult result = withTop("flows:\n  - { from: a.sensor, to: a.hub, protocol: syslog, commands: true }\n");
        error(result, "protocol-mismatch", 22, 5, "syslog carries no commands");
    }

    @Test
    void flowsEndingAtANetworkAreQuestioned() {
        LoadResult result = withTop("flows:\n  - { from: a.sensor, to: a.net, protocol: mqtt }\n");
        warning(result, "flow-to-network", 22, 5, "ends at a.net, a network-layer component", "'network'");
        assertThat(result.valid()).isTrue();
    }

    @Test
    void agreementsBelongToInterconnections() {
        LoadResult result = withTop("flows:\n  - { from: a.sensor, to: a.hub, protocol: mqtt, agreement: SLA }\n");
        warning(result, "agreement-inside-system", 22, 5, "stays inside system a");
    }

    @Test
    void duplicateFlowsAreQuestioned() {
        LoadResult result = withTop(
                "flows:\n  - { from: a.sensor, to: a.hub, protocol: mqtt }\n  - { from: a.sensor, to: a.hub, protocol: mqtt }\n");
        warning(result, "duplicate-flow", 23, 5, "already declared");
    }

    @Test
    void flowsOverAnotherNetworkOrWithOtherDataAreAlternativesNotDuplicates() {
        LoadResult result =
                withTop("flows:\n  - { from: a.sensor, to: b.cloud, protocol: mqtt, network: a.net, agreement: X }\n"
                        + "  - { from: a.sensor, to: b.cloud, protocol: mqtt, agreement: X }\n"
                        + "data:\n  d: { owner: ops }\n");
        assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void aCredentialCannotBeAcceptedByItsHolder() {
        LoadResult result = withTop("credentials:\n  - { holder: a.hub, accepted-by: [a.sensor, a.hub] }\n");
        error(result, "self-credential", 22, 46, "a.hub both holds and accepts");
    }

    @Test
    void atLeastMoreThanTheListCanNeverBeMet() {
        LoadResult result = withTop("missions:\n  m: { needs: { at-least: 3, of: [a.sensor, a.hub] } }\n");
        error(result, "bad-needs", 22, 15, "at-least 3 of 2 parts can never be met");
    }

    @Test
    void emptyNeedsAreRejected() {
        LoadResult result = withTop("missions:\n  m: { needs: { any: [] } }\n");
        error(result, "bad-needs", 22, 15, "lists nothing");
    }

    @Test
    void unknownNeedsOperatorsSuggest() {
        LoadResult result = withTop("missions:\n  m: { needs: { alll: [a.hub] } }\n");
        error(result, "bad-needs", 22, 17, "unknown key 'alll' in a needs expression", "did you mean 'all'?");
    }

    @Test
    void theRtoMustFitTheTolerableDowntime() {
        LoadResult result = withTop("missions:\n  m: { needs: a.hub, rto: 4h, max-downtime: 1h }\n");
        error(result, "rto-beyond-downtime", 22, 3, "an RTO of 4h, longer than its maximum tolerable downtime of 1h");
    }

    @Test
    void restorationMayNotGoRoundInACircle() {
        LoadResult result = Models.load(Models.BASE
                .replace("hub: { kind: gateway }", "hub: { kind: gateway, restore: { after: [net] } }")
                .replace("net: { kind: lan }", "net: { kind: lan, restore: { after: [hub] } }"));
        error(result, "restoration-cycle", 14, 44, "goes round in a circle: a.hub -> a.net -> a.hub");
    }

    @Test
    void aSwapTimeNeedsSpares() {
        LoadResult result = Models.load(Models.BASE.replace(
                "hub: { kind: gateway }", "hub: { kind: gateway, restore: { time: 1h, swap-time: 5m } }"));
        warning(result, "swap-without-spares", 13, 38, "no spares are kept");
    }

    @Test
    void scenariosNameComponentsOrSystemsAndTagsSomethingCarries() {
        error(
                withTop("scenarios:\n  s: { fails: [a.hubb] }\n"),
                "dangling-reference",
                22,
                16,
                "no component or system 'a.hubb'",
                "did you mean 'a.hub'?");
        warning(
                withTop("scenarios:\n  s: { fails: [b], fails-tagged: [east] }\n"),
                "unknown-tag",
                22,
                3,
                "no component has that tag");
        warning(withTop("scenarios:\n  s: { name: Nothing }\n"), "empty-scenario", 22, 3, "disrupts nothing");
        warning(
                withTop("scenarios:\n  s: { shut-down: [b] }\n"),
                "undecided-shutdown",
                22,
                3,
                "does not say who decides it");
        error(
                withTop("scenarios:\n  s: { shut-down: [b], decided-by: nobody }\n"),
                "dangling-reference",
                22,
                36,
                "no stakeholder 'nobody'");
    }

    /** Issue 14: the starter's "thermostats keep their setpoint" mode needed nothing, so nothing could stop its mission. */
    @Test
    void aDegradedModeThatNeedsNothingForeverIsWarnedOf() {
        warning(
                withTop("missions:\n  m:\n    needs: [a.hub]\n    degraded-modes:\n      d: { name: By hand }\n"),
                "degraded-mode-needs-nothing",
                25,
                7,
                "degraded mode d of mission m needs nothing and has no tolerable-for");
        LoadResult bounded =
                withTop("missions:\n  m:\n    needs: [a.hub]\n    degraded-modes:\n      key: { tolerable-for: 7d }\n");
        assertThat(bounded.diagnostics())
                .as("a mode that needs nothing digital, for a stated time, is honest")
                .isEmpty();
    }

    @Test
    void requiredMeansNothingOnCommands() {
        warning(
                withTop(
                        "flows:\n  - { from: a.hub, to: b.cloud, protocol: https, commands: true, required: true, agreement: X }\n"),
                "required-commands",
                22,
                5,
                "commands received are not needs");
    }

    @Test
    void acceptancesMustExpire() {
        LoadResult result =
                withTop("treatments:\n  - { rule: R-1, on: a.hub, status: accepted, by: ops, reason: cheap }\n");
        error(result, "acceptance-without-expiry", 22, 5, "needs 'until'");
    }

    @Test
    void lapsedTreatmentsAreWarnedAbout() {
        LoadResult result = withTop(
                "treatments:\n  - { rule: R-1, on: a.hub, status: accepted, by: ops, reason: cheap, until: 2026-11-21 }\n");
        warning(result, "treatment-expired", 22, 5, "lapsed on 2026-11-21", "open again");
        assertThat(withTop("treatments:\n  - { rule: R-1, status: accepted, reason: r, until: 2026-11-22 }\n")
                        .diagnostics())
                .as("a treatment is good through its last day")
                .isEmpty();
    }

    @Test
    void treatmentsReferToKnownElements() {
        LoadResult result = withTop("treatments:\n  - { rule: R-1, on: a.hubx, status: false-positive, reason: r }\n");
        error(result, "dangling-reference", 22, 22, "no element 'a.hubx'", "did you mean 'a.hub'?");
    }

    @Test
    void componentsWithNobodyResponsibleAreWarnedAbout() {
        LoadResult result =
                Models.load(Models.BASE.replace("    operator: ops\n    category: consumer", "    category: consumer"));
        warning(
                result,
                "no-responsible",
                19,
                7,
                "no stakeholder is responsible for component b.cloud",
                "NISC clause 3 f)");
    }

    @Test
    void aResponsibilityCoversAComponent() {
        LoadResult result =
                Models.load(Models.BASE.replace("    operator: ops\n    category: consumer", "    category: consumer")
                        + "responsibilities:\n  - { for: b.cloud, phases: [operate], responsible: ops }\n");
        assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void dataAssetsWithoutOwnerAreWarnedAbout() {
        LoadResult result = withTop("data:\n  tickets: { classification: confidential, personal: true }\n");
        warning(result, "no-data-owner", 22, 3, "data asset tickets has no owner");
    }

    @Test
    void aStakeholderNamedInARoleShouldHaveIt() {
        LoadResult result =
                Models.load(Models.BASE.replace("hub: { kind: gateway }", "hub: { kind: gateway, maintainer: ops }"));
        warning(
                result,
                "role-mismatch",
                13,
                41,
                "ops is named maintainer of a.hub but does not have the role 'maintainer'");
    }

    @Test
    void anUnusualLayerForAKindIsQuestioned() {
        LoadResult result =
                Models.load(Models.BASE.replace("hub: { kind: gateway }", "hub: { kind: gateway, layer: service }"));
        warning(result, "unusual-layer", 13, 29, "a gateway usually sits on the device or network layer");
    }

    @Test
    void anEmptyLandscapeIsQuestioned() {
        LoadResult result = Models.load("mamori: 1\nlandscape: Empty\n");
        warning(result, "empty-landscape", 1, 1, "no systems");
        assertThat(result.valid()).isTrue();
    }
}
