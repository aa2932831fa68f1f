package dev.mamori.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A landscape's own words behave like the built-in ones: which network kinds are radio and which
 * categories are critical is vocabulary data, not a list in Java.
 */
class OwnVocabularyTest {

    private static final String MODEL = """
            mamori: 1
            vocabulary:
              categories: { rail: { critical: true, weight: 3, description: Railway signalling } }
              component-kinds: { mesh: { layers: [network], radio: true, description: Track-side radio mesh } }
            stakeholders:
              ops: { roles: [operator] }
            systems:
              line:
                owner: ops
                operator: ops
                category: CATEGORY
                zones:
                  safety: { kind: safety, trust: high, security-level: 3 }
                components:
                  interlocking: { kind: safety-controller, zone: safety, safety-function: true }
                  axle-counter: { kind: sensor, zone: safety }
                  net: { kind: NETWORK }
                flows:
                  - { from: axle-counter, to: interlocking, protocol: modbus-tcp, network: net }
            missions:
              trains:
                needs: { all: [line.interlocking] }
            """;

    private static String model(String category, String network) {
        return MODEL.replace("CATEGORY", category).replace("NETWORK", network);
    }

    /** What a finding says, without the words that name the vocabulary entry itself. */
    private static List<String> judged(String text) {
        return RuleFixtures.assess("line.yaml", text, RuleCatalog.all()).findings().stream()
                .map(OwnVocabularyTest::judgement)
                .sorted()
                .toList();
    }

    private static String judgement(Finding f) {
        return f.rule() + " on " + f.element().id() + ": " + f.severity() + " ("
                + f.likelihood().level() + "×" + f.impact().level() + ")";
    }

    @Test
    void ownRadioNetworkAndCriticalCategoryWeighLikeTheBuiltInOnes() {
        List<String> builtIn = judged(model("critical-infrastructure", "wifi"));
        List<String> own = judged(model("rail", "mesh"));
        assertThat(own).isEqualTo(builtIn);
        // and both are judged as radio into a safety function, and as a critical mission
        assertThat(own)
                .anyMatch(j -> j.startsWith("wireless-into-safety on line.axle-counter -> line.interlocking"))
                .anyMatch(j -> j.startsWith("mission-single-point-of-failure on trains"));
    }

    @Test
    void withoutTheFlagsTheSameWordsAreOrdinary() {
        String plain =
                model("rail", "mesh").replace("critical: true, weight: 3, ", "").replace("radio: true, ", "");
        List<String> judged = judged(plain);
        assertThat(judged).noneMatch(j -> j.startsWith("wireless-into-safety"));
        assertThat(judged).isNotEqualTo(judged(model("rail", "mesh")));
    }

    @Test
    void theFactsReadTheVocabulary() {
        FrozenGraph own = RuleFixtures.graph("line.yaml", model("rail", "mesh"));
        FrozenGraph builtIn = RuleFixtures.graph("line.yaml", model("critical-infrastructure", "wifi"));
        for (FrozenGraph graph : List.of(own, builtIn)) {
            int line = graph.systemId("line").orElseThrow();
            assertThat(graph.facts().critical(line)).isTrue();
            assertThat(graph.facts().weight(line)).isEqualTo(3);
            assertThat(graph.facts().radioNetwork(graph.componentId("line.net").orElseThrow()))
                    .isTrue();
            assertThat(graph.facts().radio(0)).isPresent();
        }
    }
}
