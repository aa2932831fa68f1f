package dev.mamori.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.graph.GeneratedLandscapes;
import dev.mamori.engine.rules.RuleCatalog;
import dev.mamori.model.Landscape;
import dev.mamori.model.generate.LandscapeGenerator;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The rules run side by side on a large landscape (FrozenGraph.SIDE_BY_SIDE_FROM) and share one scoring
 * across threads: they must find what they find one after the other, in the same order, down to the
 * last word of every reason. Each landscape is assessed several times over, each time on a new graph
 * and scoring, so that a race on the scoring's answers has chances to show.
 */
class RulesSideBySideTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void sideBySideTheRulesFindWhatTheyFindOneAfterTheOther() throws Exception {
        RiskEngine engine = new RiskEngine(RuleCatalog.all());
        for (LandscapeGenerator generator : new LandscapeGenerator[] {
            new LandscapeGenerator(6, 120, 1), new LandscapeGenerator(3, 200, 7, 3), new LandscapeGenerator(20, 30, 21)
        }) {
            Landscape landscape = GeneratedLandscapes.generated(generator);
            RiskAssessment expected = engine.assess(FrozenGraph.of(landscape), TODAY, false);
            assertThat(expected.findings()).hasSizeGreaterThan(500);
            for (int round = 0; round < 5; round++) {
                RiskAssessment actual = engine.assess(FrozenGraph.of(landscape), TODAY, true);
                assertThat(actual.findings())
                        .as("%s, round %d", generator, round)
                        .isEqualTo(expected.findings());
                assertThat(actual.findings().stream().map(Finding::scoring).toList())
                        .isEqualTo(expected.findings().stream()
                                .map(Finding::scoring)
                                .toList());
                assertThat(actual.diagnostics()).isEqualTo(expected.diagnostics());
            }
        }
    }

    @Test
    void smallLandscapesStayBelowTheThresholdAndLargeOnesFindTheSameAboveIt() throws Exception {
        FrozenGraph small = FrozenGraph.of(GeneratedLandscapes.generated(new LandscapeGenerator(1, 100, 1)));
        assertThat(small.componentCount() + small.flowCount()).isLessThan(FrozenGraph.SIDE_BY_SIDE_FROM);
        assertThat(small.worthSideBySide()).isFalse();
        FrozenGraph large = FrozenGraph.of(GeneratedLandscapes.generated(new LandscapeGenerator(25, 100, 1)));
        assertThat(large.componentCount() + large.flowCount()).isGreaterThanOrEqualTo(FrozenGraph.SIDE_BY_SIDE_FROM);
        assertThat(large.worthSideBySide()).isTrue();
        RiskEngine engine = new RiskEngine(RuleCatalog.all());
        assertThat(engine.assess(large, TODAY).findings())
                .isEqualTo(engine.assess(FrozenGraph.of(large.landscape()), TODAY, false)
                        .findings());
    }
}
