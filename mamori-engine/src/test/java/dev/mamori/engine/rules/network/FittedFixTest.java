package dev.mamori.engine.rules.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.RiskAssessment;
import dev.mamori.engine.rules.RuleFixtures;
import dev.mamori.model.load.BuiltInVocabulary;
import dev.mamori.model.vocabulary.Vocabulary;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: fixes the vocabulary forbids. For every built-in protocol that carries commands, the
 * fix of an unauthenticated command flow names only authentication its protocol allows, and
 * applying it to the model gives a valid model where the finding is gone.
 */
class FittedFixTest {

    private static final Pattern SET = Pattern.compile("^Set authentication: ([a-z0-9-]+)");

    private static String model(String protocol, String authentication) {
        return """
                mamori: 1
                stakeholders:
                  ops: { roles: [operator] }
                systems:
                  plant:
                    owner: ops
                    operator: ops
                    category: industrial
                    components:
                      master: { kind: controller, credentials: unique }
                      valve: { kind: actuator, credentials: unique }
                    flows:
                      - { id: command, from: master, to: valve, protocol: %s, commands: true%s }
                """.formatted(protocol, authentication.isEmpty() ? "" : ", authentication: " + authentication);
    }

    private static List<Finding> fired(String yaml) {
        RiskAssessment assessment = RuleFixtures.assess("m.yaml", yaml, List.of(new CommandsWithoutAuthentication()));
        return assessment.findings();
    }

    @Test
    void theFixOfEveryCommandProtocolIsAllowedAndRemovesTheFinding() {
        Vocabulary vocabulary = BuiltInVocabulary.get();
        int checked = 0;
        for (Vocabulary.Protocol protocol : vocabulary.protocols().values()) {
            if (!protocol.commands() || !protocol.authentication().contains("none")) {
                continue;
            }
            List<Finding> before = fired(model(protocol.id(), "none"));
            if (before.isEmpty()) {
                continue; // encrypted by default in a way that counts (an OPC UA secure channel)
            }
            String fix = before.get(0).mitigations().get(0);
            Matcher set = SET.matcher(fix);
            if (!set.find()) {
                assertThat(fix).as(protocol.id()).contains("cannot authenticate its sender");
                assertThat(protocol.authentication().stream()
                                .filter(a -> vocabulary.authenticationStrength(a) != Vocabulary.Strength.NONE))
                        .as(protocol.id() + " really allows nothing stronger")
                        .isEmpty();
                continue;
            }
            String value = set.group(1);
            assertThat(protocol.authentication()).as(protocol.id()).contains(value);
            assertThat(fired(model(protocol.id(), value)))
                    .as(protocol.id() + " with authentication: " + value)
                    .isEmpty();
            checked++;
        }
        assertThat(checked).as("protocols whose fix was applied").isGreaterThan(5);
    }
}
