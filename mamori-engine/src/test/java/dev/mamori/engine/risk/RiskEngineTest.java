package dev.mamori.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.rules.RuleFixtures;
import dev.mamori.engine.rules.device.DeviceRules;
import dev.mamori.model.diagnostics.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scoring and treatments, the parts every rule shares. */
class RiskEngineTest {

    private static final String MODEL = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator] }
            systems:
              cams:
                owner: ops
                operator: ops
                category: enterprise
                zones:
                  lan: { trust: medium }
                  edge: { trust: untrusted }
                components:
                  lobby: { kind: camera, zone: lan, credentials: default-shared }
                  door: { kind: lock, zone: edge, credentials: default-shared, hazards: { trapped: { severity: critical } } }
                  gate: { kind: camera, zone: lan, credentials: default-shared, count: 500 }
            """;

    private static RiskAssessment assess(String treatments) {
        return RuleFixtures.assess(
                "m.yaml", MODEL + treatments, List.of(new dev.mamori.engine.rules.device.DefaultCredentials()));
    }

    private static Finding on(RiskAssessment assessment, String element) {
        return assessment.findings().stream()
                .filter(f -> f.element().id().equals(element))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void severityIsLikelihoodTimesImpactInFiveBands() {
        assertThat(Severity.of(5, 4)).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.of(4, 4)).isEqualTo(Severity.HIGH);
        assertThat(Severity.of(3, 5)).isEqualTo(Severity.HIGH);
        assertThat(Severity.of(3, 4)).isEqualTo(Severity.MEDIUM);
        assertThat(Severity.of(2, 4)).isEqualTo(Severity.MEDIUM);
        assertThat(Severity.of(2, 3)).isEqualTo(Severity.LOW);
        assertThat(Severity.of(1, 4)).isEqualTo(Severity.LOW);
        assertThat(Severity.of(1, 3)).isEqualTo(Severity.INFO);
    }

    @Test
    void reachAndImpactAreExplainedInWords() {
        RiskAssessment assessment = assess("");
        Finding door = on(assessment, "cams.door");
        assertThat(door.likelihood().level()).isEqualTo(5);
        assertThat(door.likelihood().reason()).contains("cams.door sits in an untrusted zone", "publicly known");
        assertThat(door.impact().level()).isEqualTo(4);
        assertThat(door.impact().reason()).contains("hazard cams.door.trapped is critical");
        assertThat(door.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(door.scoring())
                .isEqualTo("likelihood 5/5 (" + door.likelihood().reason() + ") × impact 4/5 ("
                        + door.impact().reason() + ") = critical");
        Finding lobby = on(assessment, "cams.lobby");
        assertThat(lobby.likelihood().level())
                .as("a published password (ease 5) on a camera reachable from its own network only (reach 2)")
                .isEqualTo(2);
        assertThat(lobby.impact().level()).isEqualTo(2);
        Finding fleet = on(assessment, "cams.gate");
        assertThat(fleet.impact().level())
                .as("a fleet of 500 raises impact by one")
                .isEqualTo(3);
        assertThat(fleet.impact().reason()).endsWith("across a fleet of 500");
    }

    @Test
    void findingsComeMostSevereFirst() {
        List<Finding> findings = assess("").findings();
        assertThat(findings).extracting(f -> f.element().id()).startsWith("cams.door");
        assertThat(findings).extracting(Finding::severity).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void anAcceptanceClosesAFindingUntilItLapses() {
        RiskAssessment held = assess(
                "treatments:\n  - { rule: default-credentials, on: cams.door, status: accepted, by: ops, reason: swap in March, until: 2027-03-31 }\n");
        Finding door = on(held, "cams.door");
        assertThat(door.open()).isFalse();
        assertThat(door.treatment().orElseThrow().describe())
                .isEqualTo("accepted by ops until 2027-03-31: swap in March");
        assertThat(held.open()).extracting(f -> f.element().id()).containsExactlyInAnyOrder("cams.gate", "cams.lobby");
        RiskAssessment lapsed = assess(
                "treatments:\n  - { rule: default-credentials, on: cams.door, status: accepted, by: ops, reason: swap, until: 2026-01-31 }\n");
        Finding reopened = on(lapsed, "cams.door");
        assertThat(reopened.open()).isTrue();
        assertThat(reopened.treatment().orElseThrow().describe()).contains("lapsed: the risk is open again");
    }

    @Test
    void mitigationInProgressStaysOpenWhileFalsePositivesClose() {
        RiskAssessment assessment = assess(
                "treatments:\n"
                        + "  - { rule: default-credentials, on: cams.door, status: mitigating, reason: firmware 2.1 rolls out }\n"
                        + "  - { rule: default-credentials, on: cams.lobby, status: false-positive, reason: the lobby camera is a dummy }\n");
        assertThat(on(assessment, "cams.door").open()).isTrue();
        assertThat(on(assessment, "cams.lobby").open()).isFalse();
        assertThat(on(assessment, "cams.gate").treatment()).isEmpty();
    }

    @Test
    void aTreatmentWithoutElementCoversEveryFindingOfItsRule() {
        RiskAssessment assessment =
                assess("treatments:\n  - { rule: default-credentials, status: not-applicable, reason: lab network }\n");
        assertThat(assessment.open()).isEmpty();
    }

    @Test
    void treatmentsThatMatchNothingOrNameNoRuleAreWarnedAbout() {
        RiskAssessment assessment = assess("treatments:\n"
                + "  - { rule: default-credentials, on: cams, status: mitigated, reason: r }\n"
                + "  - { rule: default-credential, on: cams.door, status: mitigated, reason: r }\n");
        assertThat(assessment.diagnostics())
                .extracting(Diagnostic::code)
                .containsExactly("treatment-matches-nothing", "unknown-rule");
        assertThat(assessment.diagnostics().get(1).message()).contains("did you mean 'default-credentials'?");
        assertThat(assessment.diagnostics().get(0).at().line()).isEqualTo(17);
    }

    /**
     * Two systems built alike have relations with the same label (eng-pc=>plc); each is its own
     * element, with its own finding id (and so its own SARIF fingerprint).
     */
    @Test
    void anUnnamedCredentialRelationIsItsSystems() {
        String system = """
                    owner: ops
                    operator: ops
                    category: industrial
                    components:
                      eng-pc: { kind: workstation }
                      plc: { kind: controller }
                    credentials:
                      - { holder: eng-pc, accepted-by: plc, kind: password, shared: true }
                """;
        String model = "mamori: 1\nstakeholders:\n  ops: { roles: [operator] }\nsystems:\n  north:\n" + system
                + "  south:\n" + system;
        RiskAssessment assessment =
                RuleFixtures.assess("m.yaml", model, List.of(new dev.mamori.engine.rules.access.SharedCredential()));
        assertThat(assessment.findings())
                .extracting(Finding::id)
                .containsExactlyInAnyOrder(
                        "shared-credential@north.eng-pc=>plc", "shared-credential@south.eng-pc=>plc");
    }

    @Test
    void theDeviceAreaListsItsRulesOnce() {
        assertThat(DeviceRules.all()).extracting(r -> r.metadata().id()).doesNotHaveDuplicates();
    }
}
