package dev.mamori.report.assessment;

import dev.mamori.engine.systemic.Hop;
import dev.mamori.engine.systemic.SystemicAnalysis;
import java.util.List;
import java.util.Locale;

/** The systemic analysis for the terminal: entries, cross-system paths hop by hop, blast radius, plan. */
public final class SystemicText {

    private SystemicText() {}

    public static String render(String landscape, SystemicAnalysis s, int top) {
        StringBuilder out = new StringBuilder();
        out.append(landscape).append(" — systemic risk\n\n");
        out.append(String.format(
                "From %d entry point%s, an attacker can control %d component%s and influence %d more.%n",
                s.entries().size(),
                s.entries().size() == 1 ? "" : "s",
                s.controlledComponents(),
                s.controlledComponents() == 1 ? "" : "s",
                s.influencedComponents()));
        paths(out, "Paths into other systems", s.paths(), top);
        paths(out, "Paths inside a system", s.internalPaths(), top);
        List<SystemicAnalysis.HazardReach> hazards = s.hazards();
        if (!hazards.isEmpty()) {
            out.append("\nHazards an attacker can trigger:\n");
            for (SystemicAnalysis.HazardReach h : hazards.subList(0, Math.min(top, hazards.size()))) {
                out.append(String.format(
                        "  %s (%s%s%s), p=%.2f%n",
                        h.hazard(),
                        h.severity(),
                        h.onUnits(),
                        h.interlocked() ? ", held back by an interlock" : "",
                        h.probability()));
            }
        }
        if (!s.missions().isEmpty()) {
            out.append("\nMissions an attacker can stop (components controlled, or cut off when those go dark):\n");
            s.missions()
                    .forEach(m -> out.append("  ")
                            .append(m.mission())
                            .append(": ")
                            .append(String.join(", ", m.compromisedNeeds()))
                            .append('\n'));
        }
        List<SystemicAnalysis.DataRead> read = s.dataRead();
        if (!read.isEmpty()) {
            out.append("\nData an attacker can read, most confidential first:\n");
            for (SystemicAnalysis.DataRead r : read.subList(0, Math.min(top, read.size()))) {
                out.append(String.format(
                        "  %s (confidentiality %s%s), p=%.2f, %s%n      %s%n",
                        r.data(),
                        r.confidentiality(),
                        r.personal() ? ", personal" : "",
                        r.probability(),
                        r.where(),
                        r.egress()));
            }
        }
        List<SystemicAnalysis.DataTampered> changed = s.dataTampered();
        if (!changed.isEmpty()) {
            out.append("\nData an attacker can change, most integrity-critical first:\n");
            for (SystemicAnalysis.DataTampered t : changed.subList(0, Math.min(top, changed.size()))) {
                out.append(String.format(
                        "  %s (integrity %s), p=%.2f, %s%n", t.data(), t.integrity(), t.probability(), t.where()));
            }
        }
        for (SystemicAnalysis.Flood f : s.floods()) {
            out.append(String.format(
                    "%nFlood: %s falls to the %,d devices the attacker holds (it absorbs %,d), from %s%n",
                    f.target(), f.devices(), f.capacity(), String.join(", ", f.from())));
        }
        out.append("\nBlast radius (a whole system compromised):\n");
        for (SystemicAnalysis.SystemRadius r :
                s.blastRadius().subList(0, Math.min(top, s.blastRadius().size()))) {
            out.append(String.format("  %-20s score %3d  %s%n", r.system(), r.score(), r.explanation()));
        }
        s.isolation().ifPresent(i -> {
            out.append("\nIsolation plan: keep ")
                    .append(i.from())
                    .append(" away from ")
                    .append(i.protect())
                    .append('\n');
            if (!i.alreadyIsolated()) {
                if (!i.cuts().isEmpty() || i.changes().isEmpty()) {
                    out.append(String.format(
                            "  cut or harden these %d relation%s (total cost %d):%n",
                            i.cuts().size(), i.cuts().size() == 1 ? "" : "s", i.cost()));
                }
                for (SystemicAnalysis.Cut c : i.cuts()) {
                    out.append(String.format(
                            "  - %s: %s -> %s, %s%n      %s%n", c.element(), c.from(), c.to(), c.weakness(), c.why()));
                }
                if (!i.changes().isEmpty()) {
                    out.append(
                            i.cuts().isEmpty()
                                    ? String.format("  make these changes (total cost %d):%n", i.cost())
                                    : "  and make these changes:\n");
                    for (SystemicAnalysis.Change c : i.changes()) {
                        out.append("  - ")
                                .append(c.kind().word())
                                .append(": ")
                                .append(c.why())
                                .append('\n');
                    }
                }
                if (!i.dominators().isEmpty()) {
                    out.append("  single points every path crosses (hardening one alone isolates): ")
                            .append(String.join(", ", i.dominators()))
                            .append('\n');
                }
            }
            out.append("  ").append(i.verdict()).append('\n');
            if (!i.verified()) {
                out.append("  what is held directly is kept out by its own exposure and login, not by a relation\n");
            }
        });
        s.outage().ifPresent(o -> {
            out.append("\nOutage of ").append(String.join(", ", o.failed())).append(":\n");
            out.append("  also down: ")
                    .append(o.down().isEmpty() ? "nothing else" : String.join(", ", o.down()))
                    .append('\n');
            out.append("  missions stopped: ")
                    .append(o.missionsStopped().isEmpty() ? "none" : String.join(", ", o.missionsStopped()))
                    .append('\n');
        });
        return out.toString();
    }

    private static void paths(StringBuilder out, String title, List<SystemicAnalysis.Path> paths, int top) {
        if (paths.isEmpty()) {
            return;
        }
        out.append('\n').append(title).append(", most likely first:\n");
        for (SystemicAnalysis.Path p : paths.subList(0, Math.min(top, paths.size()))) {
            out.append(String.format(
                    "%n  %s (system %s), p=%.2f, from %s%s%n",
                    p.target(),
                    p.targetSystem(),
                    p.probability(),
                    p.entry(),
                    switch (p.basis()) {
                        case "alleged" -> " — ALLEGED: every step is a fact a source alleges, not a finding";
                        case "assumed" -> " — rests on assumptions (marked below)";
                        default -> "";
                    }));
            hops(out, p.hops());
        }
    }

    private static void hops(StringBuilder out, List<Hop> hops) {
        for (Hop h : hops) {
            out.append(String.format(
                    "    %s -> %s [%s] %s%n",
                    h.from(),
                    h.to(),
                    h.relation().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    h.described()));
        }
    }
}
