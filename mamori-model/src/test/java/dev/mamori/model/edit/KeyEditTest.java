package dev.mamori.model.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.model.diagnostics.SourceLocation;
import org.junit.jupiter.api.Test;

/** One key set in a model's text: everything else, comments included, stays as written. */
class KeyEditTest {

    private static final String FILE = """
            mamori: 1
            systems:
              s:
                components:
                  gate: { kind: turnstile, credentials: default-shared }   # the plaza's gates
                  hub:
                    kind: gateway   # the uplink
                    credentials: 'fleet-shared'
                flows:
                  - { from: gate, to: hub, protocol: mqtt, debug: [ssh, web-admin] }
                  - {}
            """;

    private static String apply(int line, int column, String key, String value) {
        KeyEdit.Result result = new KeyEdit(new SourceLocation("m.yaml", line, column), key, value).applyTo(FILE);
        assertThat(result).isInstanceOf(KeyEdit.Result.Edited.class);
        return ((KeyEdit.Result.Edited) result).text();
    }

    @Test
    void aValueInBracesIsReplacedWhereItStands() {
        assertThat(apply(5, 7, "credentials", "unique"))
                .contains("      gate: { kind: turnstile, credentials: unique }   # the plaza's gates\n");
    }

    @Test
    void aKeyMissingFromBracesIsAddedInsideThem() {
        assertThat(apply(5, 7, "update", "signed-automatic"))
                .contains("gate: { kind: turnstile, credentials: default-shared, update: signed-automatic }   #");
        assertThat(apply(11, 9, "encryption", "tls")).contains("      - { encryption: tls }\n");
    }

    @Test
    void aQuotedValueOfABlockIsReplacedAndAMissingKeyGetsALineOfItsOwn() {
        String quoted = apply(6, 7, "credentials", "unique");
        assertThat(quoted).contains("        credentials: unique\n").contains("kind: gateway   # the uplink");
        String added = apply(6, 7, "secure-boot", "true");
        assertThat(added).contains("      hub:\n        secure-boot: true\n        kind: gateway   # the uplink\n");
    }

    @Test
    void aListValueIsReplacedWhole() {
        assertThat(apply(10, 9, "debug", "[]")).contains("protocol: mqtt, debug: [] }");
    }

    @Test
    void anElementThatIsNotThereIsRefused() {
        assertThat(new KeyEdit(new SourceLocation("m.yaml", 3, 20), "x", "y").applyTo(FILE))
                .isInstanceOf(KeyEdit.Result.Refused.class);
    }
}
