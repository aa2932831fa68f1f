package dev.mamori.enforce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.model.Landscape;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The changes of an isolation plan besides its cuts, as enforcement reads them: an egress rule on a
 * zone is what the zone's ruleset already does, and is said so; a change no firewall makes is
 * named, never dropped.
 */
class PlanChangesTest {

    private static final Landscape RECIPES = Landscapes.load(Landscapes.plant()
                    .replace(
                            "historian: { kind: database, zone: ot, address: 127.0.0.11 }",
                            "historian: { kind: database, zone: ot, address: 127.0.0.11, stores: [recipes] }")
            + "data:\n  recipes: { owner: ops, confidentiality: high }\n");

    @Test
    void anEgressRuleOfThePlanIsWhatTheZonesRulesetDoesAlready() {
        PlanCuts plan = PlanCuts.isolating(RECIPES, Optional.of("plant.historian"), "recipes");
        assertThat(plan.isEmpty()).as("no flow to drop, no member to segment").isTrue();
        assertThat(plan.notes())
                .containsExactly("the plan lets only the modelled flows leave zone plant.ot: its ruleset does so"
                        + " already (anything else is dropped)");
        assertThat(plan.summary()).isEqualTo("isolation plan keeping recipes from plant.historian");
    }
}
