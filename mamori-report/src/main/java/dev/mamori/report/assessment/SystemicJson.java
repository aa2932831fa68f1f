package dev.mamori.report.assessment;

import dev.mamori.engine.systemic.Hop;
import dev.mamori.engine.systemic.SystemicAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code systemic} section of the assessment JSON; docs/assessment-json.md documents it. */
final class SystemicJson {

    private SystemicJson() {}

    static Map<String, Object> of(SystemicAnalysis s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "entries",
                s.entries().stream()
                        .map(e -> map(
                                "component",
                                e.component(),
                                "reason",
                                e.reason(),
                                "probability",
                                round(e.probability())))
                        .toList());
        out.put("controlledComponents", s.controlledComponents());
        out.put("influencedComponents", s.influencedComponents());
        out.put("paths", paths(s.paths()));
        out.put("internalPaths", paths(s.internalPaths()));
        out.put(
                "blastRadius",
                s.blastRadius().stream()
                        .map(r -> map(
                                "system",
                                r.system(),
                                "systemsReached",
                                r.systemsReached(),
                                "score",
                                r.score(),
                                "explanation",
                                r.explanation()))
                        .toList());
        out.put(
                "hazards",
                s.hazards().stream()
                        .map(h -> {
                            Map<String, Object> hazard = map(
                                    "hazard", h.hazard(),
                                    "severity", h.severity(),
                                    "interlocked", h.interlocked(),
                                    "probability", round(h.probability()),
                                    "hops", hops(h.hops()));
                            if (h.units() > 1) { // a fleet: how much of it is held
                                hazard.put("units", h.units());
                                hazard.put("unitsHeld", h.unitsHeld());
                            }
                            return hazard;
                        })
                        .toList());
        out.put(
                "missions",
                s.missions().stream()
                        .map(m -> map("mission", m.mission(), "compromisedNeeds", m.compromisedNeeds()))
                        .toList());
        out.put(
                "dataRead",
                s.dataRead().stream()
                        .map(r -> map(
                                "data", r.data(),
                                "confidentiality", r.confidentiality(),
                                "personal", r.personal(),
                                "probability", round(r.probability()),
                                "where", r.where(),
                                "holder", r.holder(),
                                "leaves", r.leaves(),
                                "egress", r.egress(),
                                "hops", hops(r.hops())))
                        .toList());
        out.put(
                "dataTampered",
                s.dataTampered().stream()
                        .map(t -> map(
                                "data", t.data(),
                                "integrity", t.integrity(),
                                "probability", round(t.probability()),
                                "where", t.where(),
                                "holder", t.holder(),
                                "hops", hops(t.hops())))
                        .toList());
        out.put(
                "floods",
                s.floods().stream()
                        .map(f -> map(
                                "target", f.target(),
                                "devices", f.devices(),
                                "capacity", f.capacity(),
                                "from", f.from()))
                        .toList());
        s.isolation()
                .ifPresent(i -> out.put(
                        "isolation",
                        map(
                                "from", i.from(),
                                "protect", i.protect(),
                                "protectKind", i.protectKind(),
                                "alreadyIsolated", i.alreadyIsolated(),
                                "cost", i.cost(),
                                "cuts",
                                        i.cuts().stream()
                                                .map(c -> map(
                                                        "from", c.from(),
                                                        "to", c.to(),
                                                        "relation",
                                                                c.relation()
                                                                        .name()
                                                                        .toLowerCase(java.util.Locale.ROOT)
                                                                        .replace('_', '-'),
                                                        "element", c.element(),
                                                        "weakness", c.weakness(),
                                                        "cost", c.cost(),
                                                        "why", c.why()))
                                                .toList(),
                                "changes",
                                        i.changes().stream()
                                                .map(SystemicJson::change)
                                                .toList(),
                                "dominators", i.dominators(),
                                "verified", i.verified(),
                                "stillReaching", i.stillReaching(),
                                "rounds", i.rounds())));
        s.outage()
                .ifPresent(o -> out.put(
                        "outage", map("failed", o.failed(), "down", o.down(), "missionsStopped", o.missionsStopped())));
        return out;
    }

    static List<Object> hops(List<Hop> hops) {
        List<Object> out = new ArrayList<>();
        for (Hop h : hops) {
            out.add(map(
                    "from", h.from(),
                    "to", h.to(),
                    "relation",
                            h.relation()
                                    .name()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .replace('_', '-'),
                    "weakness", h.weakness(),
                    "assumptions", h.assumptions(),
                    "probability", round(h.probability())));
        }
        return out;
    }

    /** A change of the plan besides its cuts: its kind (its key under plan-costs), where, what it costs and why. */
    private static Map<String, Object> change(SystemicAnalysis.Change change) {
        Map<String, Object> out = map("kind", change.kind().word());
        if (change instanceof SystemicAnalysis.Capacity c) {
            out.put("component", c.component());
            out.put("devices", c.devices());
            out.put("absorbs", c.absorbs());
        } else if (change instanceof SystemicAnalysis.Patch patch) {
            out.put("component", patch.component());
            out.put("flaw", patch.flaw());
        } else if (change instanceof SystemicAnalysis.Spare spare) {
            out.put("component", spare.component());
        } else if (change instanceof SystemicAnalysis.EgressRule rule) {
            out.put(rule.zone() ? "zone" : "component", rule.place());
        } else if (change instanceof SystemicAnalysis.ProtectedLink link) {
            out.put("flow", link.flow());
        }
        out.put("cost", change.cost());
        out.put("why", change.why());
        return out;
    }

    static double round(double p) {
        return Math.round(p * 1000) / 1000.0;
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    private static List<Map<String, Object>> paths(List<SystemicAnalysis.Path> paths) {
        return paths.stream()
                .map(p -> map(
                        "target", p.target(),
                        "targetSystem", p.targetSystem(),
                        "entry", p.entry(),
                        "basis", p.basis(),
                        "probability", round(p.probability()),
                        "hops", hops(p.hops())))
                .toList();
    }
}
