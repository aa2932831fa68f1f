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
}
