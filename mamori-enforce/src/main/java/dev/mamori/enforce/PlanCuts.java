package dev.mamori.enforce;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.systemic.SystemicAnalysis;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.model.Component;
import dev.mamori.model.Flow;
import dev.mamori.model.Landscape;
import dev.mamori.model.Zone;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The isolation plan of the systemic analysis as what a firewall can do about it: the command flows
 * it cuts (dropped instead of allowed), the components it segments from their zone (their packets
 * to the rest of the zone dropped) and the services it keeps from their zone (packets from the rest
 * of the zone to them dropped). Flows the model lists stay allowed over a segment: the plan cuts
 * those it means by name. Credentials it revokes are beyond a firewall and are only noted.
 *
 * @param summary what the plan isolates from what, for the rulesets' header
 * @param flows the flows the plan cuts
 * @param segments the zone relations the plan cuts
 * @param notes cuts a firewall cannot make, and a plan that does not isolate fully
 */
public record PlanCuts(String summary, List<Flow> flows, List<Segment> segments, List<String> notes) {

    public PlanCuts {
        flows = List.copyOf(flows);
        segments = List.copyOf(segments);
        notes = List.copyOf(notes);
    }

    /** No plan: nothing is cut. */
    public static final PlanCuts NONE = new PlanCuts("", List.of(), List.of(), List.of());

    /**
     * A component set apart in its zone: with {@code outbound}, its packets to the rest of the zone
     * are dropped (the plan segments it); else the rest of the zone's packets to it are (the plan
     * keeps the zone off its service).
     */
    public record Segment(Component component, Zone zone, boolean outbound, String why) {}

    public boolean isEmpty() {
        return flows.isEmpty() && segments.isEmpty();
    }

    /**
     * The plan that keeps {@code protect} from {@code from} (by default, from the exposed
     * components), as {@code mamori systemic --protect} computes it.
     *
     * @throws IllegalArgumentException when a name names no system, component, hazard or mission
     */
    public static PlanCuts isolating(Landscape landscape, Optional<String> from, String protect) {
        SystemicAnalysis analysis = new SystemicAnalyzer(FrozenGraph.of(landscape))
                .analyze(new SystemicAnalyzer.Options(from, Optional.of(protect), List.of()));
        return of(landscape, analysis.isolation().orElseThrow());
    }

    /** The cuts of an isolation plan that a firewall can make. */
    public static PlanCuts of(Landscape landscape, SystemicAnalysis.Isolation isolation) {
        Map<String, Component> components = new LinkedHashMap<>();
        landscape.components().forEach(c -> components.put(c.id(), c));
        Map<String, Zone> zones = new LinkedHashMap<>();
        landscape.systems().values().forEach(s -> s.zones().values().forEach(z -> zones.put(z.id(), z)));
        List<Flow> flows = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (SystemicAnalysis.Cut cut : isolation.cuts()) {
            String why = "plan " + isolation.from() + " -/-> " + isolation.protect();
            switch (cut.relation()) {
                case COMMAND, DATA ->
                    flow(landscape, components, cut)
                            .ifPresentOrElse(
                                    flows::add,
                                    () -> notes.add("the plan cuts " + cut.element()
                                            + ", which is not a flow of the model: no rule"));
                case ZONE_MEMBER ->
                    segment(components, zones, cut.from(), cut.to(), true, why)
                            .ifPresentOrElse(
                                    segments::add, () -> notes.add("the plan cuts " + cut.element() + ": no rule"));
                case LATERAL ->
                    segment(components, zones, cut.to(), cut.from(), false, why)
                            .ifPresentOrElse(
                                    segments::add, () -> notes.add("the plan cuts " + cut.element() + ": no rule"));
                // credentials, accounts, exposures, a flow protected end to end, an update path:
                // changes a firewall cannot make, said rather than dropped
                default ->
                    notes.add("the plan cuts " + cut.element() + " (" + cut.from() + " -> " + cut.to() + "): "
                            + cut.why() + "; a firewall cannot, so no rule");
            }
        }
        for (SystemicAnalysis.Change change : isolation.changes()) {
            // An egress rule is what every zone's ruleset does already: only modelled flows leave.
            notes.add(
                    change instanceof SystemicAnalysis.EgressRule rule && rule.zone()
                            ? "the plan lets only the modelled flows leave zone " + rule.place()
                                    + ": its ruleset does so already (anything else is dropped)"
                            : "the plan also asks: " + change.why() + "; a firewall cannot, so no rule");
        }
        if (!isolation.verified()) {
            notes.add("the plan does not isolate " + isolation.protect() + " fully: still reached are "
                    + String.join(", ", isolation.stillReaching()));
        }
        String summary = "isolation plan keeping " + isolation.protect() + " from " + isolation.from();
        return new PlanCuts(summary, flows, segments, notes);
    }

    /** The flow a cut names: by its id, or for an unnamed flow, by its two ends. */
    private static Optional<Flow> flow(
            Landscape landscape, Map<String, Component> components, SystemicAnalysis.Cut cut) {
        for (Flow flow : landscape.allFlows()) {
            if (flow.named()) {
                if (flow.id().equals(cut.element())) {
                    return Optional.of(flow);
                }
            } else if (resolves(components, flow.from(), cut.from()) && resolves(components, flow.to(), cut.to())) {
                return Optional.of(flow);
            }
        }
        return Optional.empty();
    }

    private static boolean resolves(Map<String, Component> components, dev.mamori.model.Ref ref, String id) {
        return ref.candidates().stream()
                .filter(components::containsKey)
                .findFirst()
                .filter(id::equals)
                .isPresent();
    }

    private static Optional<Segment> segment(
            Map<String, Component> components,
            Map<String, Zone> zones,
            String component,
            String zoneNode,
            boolean outbound,
            String why) {
        String zoneId = zoneNode.startsWith("zone ") ? zoneNode.substring("zone ".length()) : zoneNode;
        Component c = components.get(component);
        Zone z = zones.get(zoneId);
        if (c == null || z == null) {
            return Optional.empty();
        }
        return Optional.of(new Segment(c, z, outbound, why));
    }
}
