package dev.mamori.engine.rules.device;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.emb3d;
import static dev.mamori.engine.risk.Reference.etsi;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.BaseRule;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Component;
import dev.mamori.model.Layer;
import dev.mamori.model.Mission;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A component a mission needs goes out of support before the mission ends: the last years of the
 * mission run on software nobody fixes any more.
 */
public final class EndOfSupportBeforeMissionHorizon extends BaseRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("end-of-support-before-mission-horizon")
            .title("Support ends before the mission does")
            .rationale("IoT equipment is often bought for the life of a building, a plant or a contract, while"
                    + " manufacturers support it for a few years. When a component that a mission needs loses"
                    + " security updates (support-until) before the mission's horizon, the mission will run on"
                    + " unpatched equipment for the remaining years, or the component must be replaced in"
                    + " service, which needs budget, procurement lead time and a migration plan now rather than"
                    + " after the date has passed. The rule looks at support dates still in the future (a date"
                    + " already past is end-of-support-passed) and judges the gap wider from two years on.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(INTEGRITY, AVAILABILITY)
            .references(cwe(1104), owaspIot(5), etsi("5.3-13"), emb3d("TID-210"))
            .mitigations(
                    "Negotiate support up to the mission's horizon with the manufacturer and record the new date"
                            + " (support-until), or plan and budget the replacement before support ends.",
                    "Where a replacement is already planned, record it as a treatment of this finding whose"
                            + " expiry (until) is the replacement date, so that the plan stays visible and is"
                            + " checked.")
            .build();

    public EndOfSupportBeforeMissionHorizon() {
        super(METADATA);
    }

    @Override
    public void check(RuleContext context) {
        FrozenGraph graph = context.graph();
        LocalDate today = context.today();

        // component -> the missions it outlives badly, in component order
        Map<Integer, List<Mission>> outlived = new TreeMap<>();
        for (Mission mission : graph.missions()) {
            if (mission.horizon().isEmpty()) {
                continue;
            }
            LocalDate horizon = mission.horizon().get();
            for (int c : graph.neededBy(mission)) {
                var until = graph.component(c).supportUntil();
                if (until.isPresent()
                        && !until.get().isBefore(today)
                        && until.get().isBefore(horizon)) {
                    outlived.computeIfAbsent(c, k -> new ArrayList<>()).add(mission);
                }
            }
        }
        outlived.forEach((c, missions) -> report(context, c, missions));
    }

    private static void report(RuleContext context, int c, List<Mission> missions) {
        Component component = context.graph().component(c);
        LocalDate until = component.supportUntil().orElseThrow();
        Mission longest = missions.get(0);
        for (Mission mission : missions) {
            if (mission.horizon().orElseThrow().isAfter(longest.horizon().orElseThrow())) {
                longest = mission;
            }
        }
        LocalDate horizon = longest.horizon().orElseThrow();
        long months = ChronoUnit.MONTHS.between(until, horizon);
        Factor ease = months >= 24
                ? Factor.of(3, "the mission would run " + months + " months on unsupported software")
                : Factor.of(2, "the gap is " + gap(months) + ", but flaws found in it will not be fixed");
        List<String> names = missions.stream()
                .map(m -> m.id() + " (until " + m.horizon().orElseThrow() + ")")
                .toList();
        context.onComponent(
                c,
                component.id() + " is supported until " + until + " but mission"
                        + (missions.size() == 1 ? " " : "s ") + String.join(", ", names)
                        + (missions.size() == 1 ? " needs" : " need") + " it longer",
                ease);
    }

    private static String gap(long months) {
        return months < 1 ? "less than a month" : months == 1 ? "one month" : months + " months";
    }
}
