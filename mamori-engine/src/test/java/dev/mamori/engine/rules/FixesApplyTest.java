package dev.mamori.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.RiskAssessment;
import dev.mamori.engine.risk.Rule;
import dev.mamori.model.edit.KeyEdit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a fix is an edit of the model. For every rule's fixture, each finding's first edit is
 * applied to the fixture's text: the model stays valid (the edit uses a value the vocabulary allows
 * there) and that finding is gone (the element written on that line; fixtures repeat ids on purpose).
 */
class FixesApplyTest {

    @Test
    void everyFindingsFirstEditYieldsAValidModelWithoutThatFinding() throws IOException {
        List<String> covered = new ArrayList<>();
        int applied = 0;
        for (Rule rule : RuleCatalog.all()) {
            String id = rule.metadata().id();
            String text = RuleFixtures.text(id).orElseThrow(() -> new AssertionError("no fixture for " + id));
            RiskAssessment before = RuleFixtures.assess(id + ".yaml", text, List.of(rule));
            for (Finding finding : before.findings()) {
                if (finding.edits().isEmpty()) {
                    continue;
                }
                // A choice a person makes (an owner, a target level): every value on offer fixes it.
                List<KeyEdit> tried = finding.edits().get(0).asks()
                        ? finding.edits()
                        : finding.edits().subList(0, 1);
                for (KeyEdit edit : tried) {
                    KeyEdit.Result result = edit.applyTo(text);
                    assertThat(result)
                            .as("%s: the edit %s applies", finding.id(), edit)
                            .isInstanceOf(KeyEdit.Result.Edited.class);
                    String fixed = ((KeyEdit.Result.Edited) result).text();
                    // assess() refuses a model with errors, so loading it is the validity check
                    RiskAssessment after = RuleFixtures.assess(id + ".yaml", fixed, List.of(rule));
                    assertThat(after.findings())
                            .as("%s is gone once %s is set to %s", finding.id(), edit.key(), edit.value())
                            .noneMatch(f -> f.element().equals(finding.element())
                                    && f.location().line() == finding.location().line());
                    applied++;
                    if (!covered.contains(id)) {
                        covered.add(id);
                    }
                }
            }
        }
        assertThat(covered)
                .as("rules whose findings carry edits")
                .contains(
                        "default-credentials",
                        "fleet-shared-credentials",
                        "no-secure-boot",
                        "unsigned-updates",
                        "no-update-path",
                        "mqtt-without-tls",
                        "commands-without-authentication",
                        "zigbee-default-trust-center-key",
                        "network-debug-service",
                        "no-authentication",
                        "device-exposed-to-internet",
                        "multi-tenant-without-isolation",
                        "internet-exposed-database",
                        "management-plane-exposed",
                        "api-key-on-internet",
                        "can-without-message-authentication",
                        "commands-over-carrier-network-without-end-to-end-encryption",
                        "actuator-commands-without-authorization",
                        "unsigned-updates-on-safety-function",
                        "debug-interface-physically-reachable",
                        "anonymous-broker",
                        "password-only-internet-login",
                        "data-without-owner",
                        "personal-data-without-owner",
                        "mission-without-owner",
                        "device-without-manufacturer",
                        "no-responsible-stakeholder",
                        "control-zone-without-security-level");
        assertThat(applied).isGreaterThan(40);
    }
}
