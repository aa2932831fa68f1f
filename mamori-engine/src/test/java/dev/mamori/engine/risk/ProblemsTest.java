package dev.mamori.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.rules.RuleCatalog;
import dev.mamori.engine.rules.RuleFixtures;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: one root cause, one line. An unauthenticated Modbus command flow to a valve was three
 * near-identical findings in the top ten; it is one problem that lists the three rules.
 */
class ProblemsTest {

    private static final String PLANT = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator] }
            systems:
              plant:
                owner: ops
                operator: ops
                category: industrial
                zones:
                  cell: { kind: ot, trust: low }
                components:
                  scada: { kind: scada, zone: cell, credentials: unique }
                  valve: { kind: actuator, zone: cell, credentials: unique, hazards: { spill: { severity: critical } } }
                flows:
                  - { id: open-close, from: scada, to: valve, protocol: modbus-tcp, commands: true }
            """;

    @Test
    void findingsOfOneRootCauseOnOneElementAreOneProblem() {
        RiskAssessment assessment = RuleFixtures.assess("m.yaml", PLANT, RuleCatalog.all());
        long onTheFlow = assessment.open().stream()
                .filter(f -> f.element().id().equals("plant.open-close"))
                .filter(f -> f.rootCause().equals("open-command-channel"))
                .count();
        assertThat(onTheFlow).as("the rules that see the open command channel").isGreaterThanOrEqualTo(2);
        assertThat(assessment.openProblems())
                .filteredOn(p -> p.lead().element().id().equals("plant.open-close")
                        && p.lead().rootCause().equals("open-command-channel"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.findings()).hasSize((int) onTheFlow);
                    assertThat(p.lead().severity())
                            .as("led by its most severe finding")
                            .isEqualTo(p.findings().stream()
                                    .map(Finding::severity)
                                    .max(java.util.Comparator.naturalOrder())
                                    .orElseThrow());
                });
        int grouped = assessment.openProblems().stream()
                .mapToInt(p -> p.findings().size())
                .sum();
        assertThat(grouped)
                .as("every open finding is in exactly one problem")
                .isEqualTo(assessment.open().size());
    }

    /** A site: a vendor's portal holds one password to the gateway. */
    private static final String SITE = """
              SITE:
                owner: ops
                operator: ops
                category: industrial
                zones:
                  edge: { kind: dmz, trust: low }
                  field: { kind: ot, trust: medium }
                components:
                  portal: { kind: remote-access, zone: edge, exposure: internet, maintainer: vendor }
                  gw: { kind: gateway, zone: field, maintainer: vendor, credentials: unique }
                credentials:
                  - { holder: portal, accepted-by: [gw], kind: password, mfa: false }
            """;

    /** Two sites built alike. */
    private static final String TWO_SITES = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator] }
              vendor: { roles: [maintainer, manufacturer] }
            systems:
            """ + SITE.replace("SITE", "east") + SITE.replace("SITE", "west");

    @Test
    void elementsOfTwoSystemsWithOneLabelAreTwoProblems() {
        RiskAssessment assessment = RuleFixtures.assess("m.yaml", TWO_SITES, RuleCatalog.all());
        var problems = assessment.openProblems().stream()
                .filter(p -> p.lead().rule().equals("vendor-remote-access-without-mfa"))
                .toList();
        assertThat(problems.stream().map(p -> p.lead().element().id()))
                .as("the two relations have one label, each qualified by its system")
                .containsExactlyInAnyOrder("east.portal=>gw", "west.portal=>gw");
        assertThat(problems)
                .as("one problem per system: each is fixed on its own relation")
                .hasSize(2);
        assertThat(problems.stream().map(p -> p.lead().element().systemWord()))
                .containsExactlyInAnyOrder("east", "west");
        problems.forEach(p -> assertThat(p.findings())
                .allMatch(f -> f.element().system().equals(p.lead().element().system())));
    }
}
