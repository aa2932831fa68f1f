package dev.mamori.engine.rules.governance;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Reference.capec;
import static dev.mamori.engine.risk.Reference.emb3d;
import static dev.mamori.engine.risk.Reference.iec62443;

import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.MissionRule;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Layer;
import dev.mamori.model.Mission;
import java.util.ArrayList;
import java.util.List;

/**
 * A mission that stops when one unit fails (NISC 4.6): a component with no alternative in its needs
 * expression and no second unit in its fleet.
 */
public final class MissionSinglePointOfFailure extends MissionRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("mission-single-point-of-failure")
            .title("Mission with a single point of failure")
            .rationale("A mission whose needs expression requires a single unit (count 1) with no alternative"
                    + " stops whenever that one unit does: a hardware fault, a botched update, a power cut, a"
                    + " ransomware infection or a denial-of-service attack on it is enough, and an attacker who"
                    + " wants the mission down needs to hit only that one target. The test is exact: a component"
                    + " is a single point of failure when the needs expression can no longer be met with it"
                    + " gone and everything else running, so an 'any' or 'at-least' above it saves it only if"
                    + " the alternatives really are other components (at-least 3 of 3 is still 'all'). A fleet"
                    + " (count above 1) needed the same way is one too, as `mamori missions` counts it: its"
                    + " units fail together on a common cause (one firmware image, one credential, one update"
                    + " server), less often than a single unit, and its fix is to remove that common cause."
                    + " One finding per mission names every such component; a degraded mode that still works"
                    + " without them lowers the impact, since the mission falls back instead of stopping.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(AVAILABILITY)
            .references(capec(607), emb3d("TID-404"), iec62443("SR 7.1"))
            .mitigations(
                    "Add a redundant unit or a standby, and say so in every needs expression that names it"
                            + " (the mission's and its components'): needs: { any: [SYSTEM.PRIMARY,"
                            + " SYSTEM.STANDBY] }; where it is needed for a required flow it sends or carries, give"
                            + " the flow a second route as well.",
                    "Define a degraded mode that keeps the mission going without it (degraded-modes: ID: { needs:"
                            + " ..., tolerable-for: ... }) and rehearse the switch-over.",
                    "Until then, protect the single unit first: keep it off the internet, give it spares and a"
                            + " tested restore procedure within the mission's RTO.")
            .build();

    public MissionSinglePointOfFailure() {
        super(METADATA);
    }

    @Override
    protected void checkMission(RuleContext context, Mission mission) {
        Stewardship stewardship = context.shared(Stewardship.class, Stewardship::new);
        List<Integer> single = new ArrayList<>();
        List<Integer> fleets = new ArrayList<>();
        for (int c : stewardship.needed(mission.needs())) {
            if (!stewardship.holdsWithout(mission.needs(), c)) {
                (context.graph().component(c).count() == 1 ? single : fleets).add(c);
            }
        }
        if (single.isEmpty() && fleets.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        Factor likelihood = single.isEmpty()
                ? Factor.of(
                        2,
                        "a fleet fails as one only on a common cause: one firmware image, one credential, one"
                                + " update server")
                : Factor.of(
                        3,
                        "a single unit fails sooner or later: a fault, a bad update, a power cut or a denial of"
                                + " service");
        List<Integer> all = new ArrayList<>(single);
        all.addAll(fleets);
        for (int c : all) {
            String id = context.graph().component(c).id();
            names.add(id);
            if (!coveredByDegradedMode(stewardship, mission, c)) {
                uncovered.add(id);
            }
            if (context.internetFacing(c)) {
                likelihood = likelihood.max(Factor.of(
                        4, id + " is reachable from the internet, where anyone" + " can try to knock it over"));
            }
        }
        Factor impact = stewardship.missionStakes(mission, all);
        String fallback = "";
        if (uncovered.isEmpty()) {
            impact = Factor.of(
                    Math.max(1, impact.level() - 1),
                    impact.reason() + ", though a degraded mode keeps it going without " + String.join(", ", names));
            fallback = "; a degraded mode keeps it going in reduced form";
        } else if (uncovered.size() < names.size()) {
            fallback = "; no degraded mode survives the loss of " + String.join(", ", uncovered);
        }
        List<String> singleNames = names.subList(0, single.size());
        List<String> fleetNames = new ArrayList<>();
        for (int c : fleets) {
            fleetNames.add(context.graph().component(c).id() + " (a fleet of "
                    + context.graph().component(c).count() + ")");
        }
        String why = single.isEmpty()
                ? ""
                : singleNames.size() == 1
                        ? " stops if " + singleNames.get(0) + " fails: it is a single unit"
                        : " stops if any one of " + String.join(", ", singleNames) + " fails: each is a single unit";
        if (!fleets.isEmpty()) {
            why += (why.isEmpty() ? " stops" : "; it also stops") + " if "
                    + String.join(", ", fleetNames) + (fleets.size() == 1 ? " fails" : " fail")
                    + " as a whole on a common cause";
        }
        List<String> fixes = fleets.isEmpty()
                ? List.of()
                : List.of("Remove the common cause of " + String.join(", ", fleetNames)
                        + ": split the fleet into groups that share no credential, firmware image or update"
                        + " server, model them as components, and need at least k of them (needs: { at-least: K,"
                        + " of: [GROUP-A, GROUP-B, ...] }).");
        context.onMission(
                mission,
                "mission " + mission.id() + why + ", with no alternative in the mission's needs" + fallback,
                likelihood,
                impact,
                fixes);
    }

    /** Whether some degraded mode of the mission still works with component {@code c} gone. */
    private static boolean coveredByDegradedMode(Stewardship stewardship, Mission mission, int c) {
        for (Mission.DegradedMode mode : mission.degradedModes()) {
            if (mode.needs().isEmpty() || stewardship.holdsWithout(mode.needs().get(), c)) {
                return true;
            }
        }
        return false;
    }
}
