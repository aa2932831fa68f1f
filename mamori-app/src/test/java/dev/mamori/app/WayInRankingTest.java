package dev.mamori.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.assessment.AssessmentOptions;
import dev.mamori.engine.risk.RiskAssessment.Problem;
import dev.mamori.engine.systemic.SystemicAnalysis.HazardReach;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the assessment puts first on the bundled examples: every element the systemic analysis
 * shows as the entry of a path to a catastrophic hazard is among the ten problems listed first (the
 * venue's LTE router once ranked about 150th), and those ten are ten different problems.
 */
class WayInRankingTest {

    private static Assessment assess(String folder, String file) {
        Path dir = Path.of("..", "examples", folder);
        Workspace workspace = Workspace.onDisk(dir, List.of(Path.of(file)), Optional.empty());
        Loaded loaded = workspace.load(List.of(Path.of(file)), LocalDate.of(2026, 12, 1));
        assertThat(loaded.landscape()).as(loaded.diagnostics().toString()).isPresent();
        return workspace.assess(loaded, AssessmentOptions.on(LocalDate.of(2026, 12, 1)));
    }

    @Test
    void venueLteRouterAndFacilityRemoteAccessLeadTheList() {
        entriesToCatastrophicHazardsAreAmongTheFirstTenProblems("venue", "landscape.yaml", 2);
    }

    @Test
    void plantRemoteAccessGatewayAndTankGatewayLeadTheList() {
        entriesToCatastrophicHazardsAreAmongTheFirstTenProblems("plant", "plant.yaml", 2);
    }

    @Test
    void smartHomeHasNoCatastrophicHazardButTenDifferentProblems() {
        entriesToCatastrophicHazardsAreAmongTheFirstTenProblems("smart-home", "home.yaml", 0);
    }

    private static void entriesToCatastrophicHazardsAreAmongTheFirstTenProblems(
            String folder, String file, int entries) {
        Assessment assessment = assess(folder, file);
        Set<String> catastrophicEntries = new HashSet<>();
        for (HazardReach hazard : assessment.systemic().hazards()) {
            if (hazard.severity().equals("catastrophic") && !hazard.hops().isEmpty()) {
                catastrophicEntries.add(hazard.hops().get(0).from());
            }
        }
        assertThat(catastrophicEntries).hasSize(entries);
        List<Problem> first =
                assessment.risk().openProblems().stream().limit(10).toList();
        for (String entry : catastrophicEntries) {
            assertThat(first)
                    .as("a problem at the way in through " + entry)
                    .anySatisfy(p -> assertThat(p.wayIn())
                            .hasValueSatisfying(
                                    why -> assertThat(why).startsWith("outsiders can take " + entry + " ")));
        }
        Set<String> distinct = new HashSet<>();
        for (Problem p : first) {
            assertThat(distinct.add(p.lead().element().id() + " " + p.lead().rootCause()))
                    .as("ten different problems")
                    .isTrue();
        }
    }
}
