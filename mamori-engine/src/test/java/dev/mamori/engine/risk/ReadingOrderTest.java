package dev.mamori.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.graph.GeneratedLandscapes;
import dev.mamori.engine.rules.RuleCatalog;
import dev.mamori.model.generate.LandscapeGenerator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Findings sorted by one number each come in the order the chained comparator gives, ties kept as given. */
class ReadingOrderTest {

    @Test
    void theNumberSortsAsTheComparatorDoes() throws Exception {
        RiskEngine engine = new RiskEngine(RuleCatalog.all());
        for (LandscapeGenerator generator :
                new LandscapeGenerator[] {new LandscapeGenerator(3, 40, 1), new LandscapeGenerator(12, 15, 9, 3)}) {
            List<Finding> findings = engine.assess(
                            FrozenGraph.of(GeneratedLandscapes.generated(generator)), LocalDate.of(2026, 11, 22), false)
                    .findings();
            assertThat(findings).hasSizeGreaterThan(200);
            assertThat(findings.stream()
                            .map(f -> f.location().file())
                            .distinct()
                            .count())
                    .isGreaterThanOrEqualTo(1);
            Random random = new Random(5);
            for (int round = 0; round < 20; round++) {
                List<Finding> shuffled = new ArrayList<>(findings);
                Collections.shuffle(shuffled, random);
                List<Finding> expected = new ArrayList<>(shuffled);
                expected.sort(RiskEngine.READING_ORDER);
                assertThat(RiskEngine.inReadingOrder(shuffled))
                        .as("round %d", round)
                        .containsExactlyElementsOf(expected);
                // a number too short for the lines: the comparator sorts them
                assertThat(RiskEngine.inReadingOrder(shuffled, 14))
                        .as("round %d, short", round)
                        .containsExactlyElementsOf(expected);
            }
            assertThat(findings).isSortedAccordingTo(RiskEngine.READING_ORDER);
        }
    }
}
