package dev.mamori.report.assessment;

import dev.mamori.engine.missions.MissionAnalysis;
import dev.mamori.engine.systemic.Hop;
import dev.mamori.model.Words;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The mission analysis for the terminal: what stops each mission, scenarios with their restoration, robustness. */
public final class MissionsText {

    private MissionsText() {}

    public static String render(String landscape, MissionAnalysis a, int top) {
        StringBuilder out = new StringBuilder();
        out.append(landscape).append(" — missions\n");
        for (MissionAnalysis.MissionCriticality m : a.missions()) {
            out.append("\n").append(m.mission());
            if (!m.name().equals(m.mission())) {
                out.append(" (").append(m.name()).append(")");
            }
            out.append(" needs ").append(m.needsAsWritten()).append('\n');
            if (m.single().isEmpty()) {
                out.append("  no single failure stops it\n");
            }
            for (MissionAnalysis.Critical c : limit(m.single(), top)) {
                out.append("  N-1: ")
                        .append(c.component())
                        .append(" failing ")
                        .append(c.effect() == MissionAnalysis.Status.STOPPED ? "stops it" : "degrades it")
                        .append(lost(c.component(), c.needsLost()))
                        .append('\n');
            }
            more(out, m.single().size(), top);
            for (MissionAnalysis.CriticalPair p : limit(m.pairs(), top)) {
                out.append("  N-2: ")
                        .append(p.first())
                        .append(" and ")
                        .append(p.second())
                        .append(" failing together ")
                        .append(p.effect() == MissionAnalysis.Status.STOPPED ? "stop it" : "degrade it")
                        .append('\n');
            }
            more(out, m.pairs().size(), top);
            if (!m.pairsComplete()) {
                out.append("  (pairs drawn from the ")
                        .append(m.pairCandidates())
                        .append(" components nearest upstream of its needs; raise --pairs to look further)\n");
            }
            if (!m.underAttack().isEmpty()) {
                out.append("  under attack")
                        .append(m.stoppedUnderAttack() ? " (stops it)" : "")
                        .append(":\n");
                for (MissionAnalysis.AttackRoute r : limit(m.underAttack(), top)) {
                    out.append(String.format(
                            Locale.ROOT, "    %s taken from %s, p=%.2f%n", r.need(), r.entry(), r.probability()));
                    for (Hop h : r.hops()) {
                        out.append("      ")
                                .append(h.from())
                                .append(" -> ")
                                .append(h.to())
                                .append(": ")
                                .append(h.weakness())
                                .append('\n');
                    }
                }
            }
        }
        if (!a.singlePoints().isEmpty()) {
            out.append("\nSingle points of failure, by the missions they stop:\n");
            for (MissionAnalysis.SinglePoint s : limit(a.singlePoints(), top)) {
                out.append("  ").append(s.component()).append(": ");
                if (!s.stops().isEmpty()) {
                    out.append("stops ").append(String.join(", ", s.stops()));
                }
                if (!s.degrades().isEmpty()) {
                    out.append(s.stops().isEmpty() ? "" : "; ")
                            .append("degrades ")
                            .append(String.join(", ", s.degrades()));
                }
                out.append('\n');
            }
            more(out, a.singlePoints().size(), top);
        }
        for (MissionAnalysis.ScenarioResult s : a.scenarios()) {
            out.append("\nScenario ").append(s.scenario());
            if (!s.name().equals(s.scenario())) {
                out.append(" (").append(s.name()).append(")");
            }
            out.append(s.description().isEmpty() ? "" : ": " + s.description()).append('\n');
            out.append("  ")
                    .append(s.failed().size())
                    .append(" failed, ")
                    .append(s.compromised().size())
                    .append(" held by the attacker, ")
                    .append(s.down().size())
                    .append(" down in all\n");
            for (MissionAnalysis.MissionOutcome o : s.missions()) {
                out.append("  ")
                        .append(o.mission())
                        .append(": ")
                        .append(o.explanation())
                        .append('\n');
                for (String fix : o.fixes()) {
                    out.append("    fix: ").append(fix).append('\n');
                }
            }
            if (!s.restoration().isEmpty()) {
                out.append("  Restoration order:\n");
                for (MissionAnalysis.Step st : limit(s.restoration(), top)) {
                    out.append("    ")
                            .append(span(st.start()))
                            .append(" → ")
                            .append(span(st.done()))
                            .append("  ")
                            .append(st.component())
                            .append(" (")
                            .append(st.cause())
                            .append("): ")
                            .append(st.how())
                            .append(", by ")
                            .append(st.by());
                    if (!st.after().isEmpty()) {
                        out.append(", after ").append(String.join(", ", st.after()));
                    }
                    st.fallback().ifPresent(f -> out.append("; meanwhile: ").append(f));
                    out.append('\n');
                }
                more(out, s.restoration().size(), top);
            }
        }
        if (!a.robustness().points().isEmpty()) {
            out.append("\nRobustness (")
                    .append(a.robustness().samplesPerPoint())
                    .append(" random samples per point; missions running, fully or degraded):\n");
            for (MissionAnalysis.Point p : a.robustness().points()) {
                out.append(String.format(
                        Locale.ROOT,
                        "  %3.0f%% of components failed: %5.1f%% of missions running (worst %5.1f%%)%n",
                        p.failedFraction() * 100,
                        p.missionsUp() * 100,
                        p.worstMissionsUp() * 100));
            }
        }
        return out.toString();
    }

    private static String lost(String component, List<String> needsLost) {
        List<String> others =
                needsLost.stream().filter(n -> !n.equals(component)).toList();
        return others.isEmpty() ? "" : " (takes down " + String.join(", ", others) + ")";
    }

    private static <T> List<T> limit(List<T> list, int top) {
        return list.subList(0, Math.min(top, list.size()));
    }

    private static void more(StringBuilder out, int size, int top) {
        if (size > top) {
            out.append("  … and ").append(size - top).append(" more (--top to see them)\n");
        }
    }

    private static String span(Optional<Duration> d) {
        return d.map(Words::of).orElse("?");
    }
}
