package dev.mamori.engine.rules.governance;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Reference.iec62443;

import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.MissionRule;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Layer;
import dev.mamori.model.Mission;
import dev.mamori.model.Words;

/**
 * A mission with no recovery time objective (NISC 4.6): nobody has said how soon it must run
 * again, so backups, spares and on-call are sized to nothing.
 */
public final class MissionWithoutRecoveryObjective extends MissionRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("mission-without-recovery-objective")
            .judgesRecords()
            .title("Mission with no recovery time objective")
            .rationale("A recovery time objective is what turns 'we have backups' into a recovery that works in"
                    + " time: it sizes the spares kept, the restore procedure, the on-call rota and the support"
                    + " contracts of every component the mission needs, and it tells an incident team when to"
                    + " switch to a degraded mode. Without one, recovery from an outage or a ransomware attack"
                    + " takes as long as it happens to take, and suppliers are bound to no deadline. It is"
                    + " likelier to hurt when not even a maximum tolerable downtime is given, since then nobody"
                    + " has said how long the mission may stop at all; it hurts more for missions whose loss"
                    + " matters more (critical-infrastructure, medical or automotive systems, hazards, a short"
                    + " tolerable downtime).")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(AVAILABILITY)
            .references(iec62443("SR 7.3"), iec62443("SR 7.4"))
            .mitigations(
                    "Agree with the mission's owner how soon it must run again and write it down (rto: 15m, 4h,"
                            + " ...), together with the maximum tolerable downtime (max-downtime: ...).",
                    "Check that the restore procedure, the spares and the support contracts of every component"
                            + " it needs can meet that RTO, and test it.")
            .build();

    public MissionWithoutRecoveryObjective() {
        super(METADATA);
    }

    @Override
    protected void checkMission(RuleContext context, Mission mission) {
        Stewardship stewardship = context.shared(Stewardship.class, Stewardship::new);
        if (mission.rto().isPresent()) {
            return;
        }
        Factor likelihood = mission.maxTolerableDowntime().isPresent()
                ? Factor.of(
                        2,
                        "a maximum tolerable downtime of "
                                + Words.of(mission.maxTolerableDowntime().get())
                                + " is given, but recovery is not planned to meet it")
                : Factor.of(
                        3,
                        "outages come, and with neither an RTO nor a maximum tolerable downtime"
                                + " nobody has sized the recovery of " + mission.id());
        context.onMission(
                mission,
                "mission " + mission.id() + " has no recovery time objective (rto)"
                        + (mission.maxTolerableDowntime().isPresent() ? "" : " and no max-downtime"),
                likelihood,
                stewardship.missionStakes(mission));
    }
}
