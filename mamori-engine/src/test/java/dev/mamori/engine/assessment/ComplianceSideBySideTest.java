package dev.mamori.engine.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.graph.GeneratedLandscapes;
import dev.mamori.engine.rules.RuleCatalog;
import dev.mamori.model.Landscape;
import dev.mamori.model.generate.LandscapeGenerator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;

/**
 * On a large landscape compliance is judged on a thread of its own while the systemic and mission
 * analyses run: the assessment must be the one made on one thread, and the stages heard in order.
 */
class ComplianceSideBySideTest {

    private static final AssessmentOptions OPTIONS = AssessmentOptions.on(LocalDate.of(2026, 11, 22));

    @Test
    void sideBySideTheAssessmentIsTheOneMadeOnOneThread() throws Exception {
        Assessor assessor = new Assessor(RuleCatalog.all());
        for (LandscapeGenerator generator :
                new LandscapeGenerator[] {new LandscapeGenerator(6, 120, 1), new LandscapeGenerator(20, 30, 21)}) {
            Landscape landscape = GeneratedLandscapes.generated(generator);
            Assessment expected =
                    assessor.assess(FrozenGraph.of(landscape), List.of(), OPTIONS, Assessor.Listener.NONE, false);
            assertThat(expected.compliance().systems()).isNotEmpty();
            for (int round = 0; round < 3; round++) {
                List<String> heard = new ArrayList<>();
                Assessment actual = assessor.assess(FrozenGraph.of(landscape), List.of(), OPTIONS, heard::add, true);
                assertThat(actual.compliance())
                        .as("%s, round %d", generator, round)
                        .isEqualTo(expected.compliance());
                assertThat(actual.systemic()).isEqualTo(expected.systemic());
                assertThat(actual.missions()).isEqualTo(expected.missions());
                assertThat(actual.risk().findings()).isEqualTo(expected.risk().findings());
                assertThat(actual.diagnostics()).isEqualTo(expected.diagnostics());
                assertThat(heard).containsExactlyElementsOf(Assessor.STAGES.subList(1, Assessor.STAGES.size()));
            }
        }
    }

    @Test
    void largeLandscapesJudgeComplianceSideBySide() throws Exception {
        FrozenGraph large = FrozenGraph.of(GeneratedLandscapes.generated(new LandscapeGenerator(25, 100, 1)));
        assertThat(large.worthSideBySide()).isTrue();
        Assessor assessor = new Assessor(RuleCatalog.all());
        assertThat(assessor.assess(large, List.of(), OPTIONS, Assessor.Listener.NONE)
                        .compliance())
                .isEqualTo(assessor.assess(large, List.of(), OPTIONS, Assessor.Listener.NONE, false)
                        .compliance());
    }

    @Test
    void whatTheOtherThreadThrewIsThrownToTheCaller() {
        IllegalArgumentException thrown = new IllegalArgumentException("a broken catalog");
        FutureTask<Object> failing = new FutureTask<>(() -> {
            throw thrown;
        });
        Thread other = new Thread(failing);
        other.start();
        assertThatThrownBy(() -> Assessment.joined(failing)).isSameAs(thrown);
        FutureTask<Object> error = new FutureTask<>(() -> {
            throw new StackOverflowError();
        });
        error.run();
        assertThatThrownBy(() -> Assessment.joined(error)).isInstanceOf(StackOverflowError.class);
    }
}
