package dev.mamori.engine.systemic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.graph.FrozenGraph;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Isolation plans checked before they are printed: the shape of the venue's bug (issue 14), where
 * the plan kept the attacker from controlling the turnstiles while an LTE router in the gate zone
 * still let them take the gate network, and with it every flow the turnstiles live on.
 */
class VerifiedIsolationTest {

    /**
     * A vendor's router, internet-facing with a default password, sits in the gate zone; the gate
     * LAN beside it has a default login too. The turnstile itself accepts nothing weak, so no
     * control path reaches it: the first cut is empty. But holding the LAN takes its flows down, and
     * the turnstile with them (it cannot admit anyone without the controller's list: that flow is required).
     */
    private static final String GATES = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator] }
            systems:
              access:
                owner: ops
                operator: ops
                category: enterprise
                zones: [gate-ot]
                components:
                  lte-router: { kind: router, zone: gate-ot, exposure: internet, credentials: default-shared }
                  gate-lan: { kind: lan, zone: gate-ot, credentials: default-shared }
                  controller: { kind: controller, zone: gate-ot, credentials: unique }
                  turnstile: { kind: controller, zone: gate-ot, credentials: unique }
                flows:
                  - { from: controller, to: turnstile, protocol: mqtt, encryption: tls, network: gate-lan, data: [list], required: true }
            data:
              list: { owner: ops }
            missions:
              entry: { needs: [access.turnstile] }
            """;

    private static SystemicAnalysis.Isolation protect(String yaml, String target) {
        FrozenGraph frozen = FrozenGraph.of(RandomLandscapes.load(yaml));
        return new SystemicAnalyzer(frozen)
                .analyze(new SystemicAnalyzer.Options(Optional.empty(), Optional.of(target), List.of()))
                .isolation()
                .orElseThrow();
    }

    @Test
    void aMissionStoppedThroughTheNetworkItsNeedsTravelOverIsCutThereToo() {
        SystemicAnalysis.Isolation plan = protect(GATES, "entry");
        // Before: "nothing to cut" was printed while the attacker held the LAN and stopped entry.
        assertThat(plan.alreadyIsolated())
                .as("entry can be stopped before any cut")
                .isFalse();
        assertThat(plan.cuts())
                .as("the cut keeps the attacker off the gate LAN")
                .extracting(SystemicAnalysis.Cut::from, SystemicAnalysis.Cut::to, SystemicAnalysis.Cut::relation)
                .containsExactly(org.assertj.core.api.Assertions.tuple(
                        "zone access.gate-ot", "access.gate-lan", Relation.LATERAL));
        assertThat(plan.verified())
                .as("checked: entry runs with the cut applied")
                .isTrue();
        assertThat(plan.rounds())
                .as("cut again once, on what the first round left")
                .isEqualTo(2);
    }

    /**
     * Issue 15, item 13: what a change costs is the landscape's to say. Giving the gate LAN a unique
     * login is the cheapest cut by default; where the landscape says that costs it 9 (a vendor's
     * appliance) and segmenting 6, the plan takes the LTE router out of outsiders' reach instead (4), still checked.
     */
    @Test
    void theLandscapesOwnCostsChooseThePlan() {
        SystemicAnalysis.Isolation usual = protect(GATES, "entry");
        assertThat(usual.cuts()).extracting(SystemicAnalysis.Cut::relation).containsExactly(Relation.LATERAL);
        assertThat(usual.cost()).isEqualTo(1);
        String dear = GATES.replace(
                "missions:\n",
                "assumptions:\n  plan-costs: { harden-login: 9, segment: 6, filter-exposure: 4 }\nmissions:\n");
        SystemicAnalysis.Isolation plan = protect(dear, "entry");
        assertThat(plan.verified()).isTrue();
        assertThat(plan.cuts()).singleElement().satisfies(cut -> {
            assertThat(cut.relation()).isEqualTo(Relation.EXPOSURE);
            assertThat(cut.element()).isEqualTo("exposure of access.lte-router");
            assertThat(cut.why()).contains("(cost 4)");
        });
        assertThat(plan.cost()).isEqualTo(4);
    }

    /**
     * Before: a target outsiders reach directly was "held from the start", beyond what a plan can
     * change. Its exposure is a relation like any other now, and the plan takes it out of reach.
     */
    @Test
    void aTargetOutsidersReachDirectlyIsTakenOutOfTheirReach() {
        SystemicAnalysis.Isolation plan = protect(GATES, "access.lte-router");
        assertThat(plan.verified()).isTrue();
        assertThat(plan.cuts()).singleElement().satisfies(cut -> {
            assertThat(cut.relation()).isEqualTo(Relation.EXPOSURE);
            assertThat(cut.element()).isEqualTo("exposure of access.lte-router");
            assertThat(cut.why()).contains("allow only known peers").contains("give it a unique login");
        });
    }

    @Test
    void aCredentialAlreadyBehindMfaIsNotToldToBePutBehindMfa() {
        String yaml = GATES.replace("data:\n", """
                        credentials:
                          - { id: support, holder: access.lte-router, accepted-by: access.controller, mfa: true }
                        data:
                        """)
                .replace(
                        "credentials: default-shared }\n                  controller",
                        "credentials: unique }\n                  controller");
        SystemicAnalysis.Isolation plan = protect(yaml, "access.controller");
        assertThat(plan.cuts()).singleElement().satisfies(cut -> {
            assertThat(cut.relation()).isEqualTo(Relation.CREDENTIAL);
            assertThat(cut.why()).doesNotContain("put it behind MFA").contains("already behind MFA");
        });
        assertThat(plan.verified()).isTrue();
    }
}
