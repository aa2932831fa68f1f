package dev.mamori.engine.rules.governance;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Reference.iec62443;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.MissionRule;
import dev.mamori.engine.risk.Remedies;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Layer;
import dev.mamori.model.Mission;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;

/**
 * A mission nobody answers for (NISC 3 f), 4.6): in an outage that spans systems, no one has the
 * authority to set priorities, switch to a degraded mode or accept the risk.
 */
public final class MissionWithoutOwner extends MissionRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("mission-without-owner")
            .judgesRecords()
            .title("Mission with no owner")
            .rationale("A mission usually spans several systems and organisations; its owner is the one who"
                    + " answers for the service as a whole. Without one, nobody sets its RTO and downtime"
                    + " targets, nobody weighs its risks against each other or accepts the rest, and in an"
                    + " incident nobody has the authority to decide priorities across the systems, call the"
                    + " switch to a degraded mode or order a restart: each system owner restores its own part"
                    + " on its own schedule. The likelihood is that of an incident needing such a decision;"
                    + " the impact is what losing the mission means. A responsibility that names an"
                    + " accountable party for the mission counts as an owner.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(AVAILABILITY)
            .references(iec62443("SR 7.4"))
            .mitigations(
                    "Name the stakeholder who answers for the mission (owner: STAKEHOLDER on the mission), or"
                            + " make one accountable for it: responsibilities: - { for: MISSION-ID,"
                            + " accountable: STAKEHOLDER }.",
                    "Give that owner the authority, agreed with every system owner the mission depends on, to"
                            + " set recovery priorities and to call the switch to a degraded mode.")
            .build();

    public MissionWithoutOwner() {
        super(METADATA);
    }

    @Override
    protected void checkMission(RuleContext context, Mission mission) {
        Stewardship stewardship = context.shared(Stewardship.class, Stewardship::new);
        if (!stewardship.missionOwners(mission).isEmpty()) {
            return;
        }
        context.onMission(
                mission,
                "mission " + mission.id() + " has no owner, and no responsibility names an accountable party"
                        + " for it",
                Factor.of(
                        3,
                        "an outage or incident of " + mission.id() + " needs decisions across systems,"
                                + " and nobody has the authority to take them"),
                stewardship.missionStakes(mission));
    }

    /** Who answers for the mission, most likely one that operates systems, is the stakeholders' to name. */
    @Override
    public List<KeyEdit> edits(FrozenGraph graph, Finding finding) {
        return Remedies.chooseStakeholder(graph, finding.location(), "owner", "operator", "service-provider");
    }
}
