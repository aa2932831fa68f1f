package dev.mamori.report.html;

import static dev.mamori.report.html.HtmlReport.text;

import dev.mamori.engine.missions.MissionAnalysis;
import dev.mamori.engine.missions.MissionAnalysis.Critical;
import dev.mamori.engine.missions.MissionAnalysis.MissionCriticality;
import dev.mamori.engine.missions.MissionAnalysis.MissionOutcome;
import dev.mamori.engine.missions.MissionAnalysis.ScenarioResult;
import dev.mamori.engine.missions.MissionAnalysis.SinglePoint;
import dev.mamori.engine.missions.MissionAnalysis.Status;
import dev.mamori.engine.missions.MissionAnalysis.Step;
import dev.mamori.model.Words;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The "Missions and scenarios" section (NISC 3 c), 3 e)): what stops each mission, alone or in
 * pairs, and under attack; the single points of failure; each scenario's effect on the missions
 * against their recovery objectives, with the restoration as a Gantt chart and a table of who does
 * what when; and the robustness curve.
 */
final class MissionsSection {

    /** On very large landscapes (one mission per system), the page lists this many, worst first. */
    static final int MAX_MISSIONS = 200;

    static final int MAX_SINGLE_POINTS = 50;

    static final int MAX_STEPS = 200;

    private MissionsSection() {}

    static Optional<HtmlReport.Section> of(HtmlReport.Context c) {
        MissionAnalysis a = c.assessment().missions();
        if (a.missions().isEmpty() && a.scenarios().isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        long stoppedBySingle = a.missions().stream()
                .filter(m -> m.single().stream().anyMatch(s -> s.effect() == Status.STOPPED))
                .count();
        long underAttack = a.missions().stream()
                .filter(MissionCriticality::stoppedUnderAttack)
                .count();
        long missed = a.scenarios().stream()
                .flatMap(s -> s.missions().stream())
                .filter(o -> o.meetsObjectives().equals(Optional.of(false)))
                .count();
        out.append("<ul class=\"executive\"><li>")
                .append(a.missions().size())
                .append(" missions; ")
                .append(stoppedBySingle)
                .append(" can be stopped by a single failure, ")
                .append(underAttack)
                .append(" by an attacker from the exposed entry points.</li><li>")
                .append(a.scenarios().size())
                .append(" scenarios; ")
                .append(missed)
                .append(missed == 1 ? " mission outcome misses" : " mission outcomes miss")
                .append(" its recovery objectives (RTO or maximum tolerable downtime).</li></ul>\n");
        missions(out, a.missions());
        singlePoints(out, a.singlePoints());
        for (int i = 0; i < a.scenarios().size(); i++) {
            scenario(out, a.scenarios().get(i), i);
        }
        robustness(out, a.robustness());
        return Optional.of(new HtmlReport.Section("missions", "Missions and scenarios", out.toString()));
    }

    private static void missions(StringBuilder out, List<MissionCriticality> missions) {
        if (missions.isEmpty()) {
            return;
        }
        out.append("<h3>What stops each mission</h3>\n");
        List<MissionCriticality> shown = missions.subList(0, Math.min(MAX_MISSIONS, missions.size()));
        if (shown.size() < missions.size()) {
            out.append("<p class=\"note\">The first ")
                    .append(shown.size())
                    .append(" of ")
                    .append(missions.size())
                    .append(" missions; <code>mamori missions</code> and the JSON assessment have all.</p>\n");
        }
        out.append("<table class=\"plain missions\"><tr><th>mission</th><th>a single failure stops it (N-1)</th>"
                + "<th>degrades it</th><th>pairs that stop or degrade it (N-2)</th><th>under attack</th></tr>\n");
        for (MissionCriticality m : shown) {
            out.append("<tr data-mission=\"")
                    .append(HtmlReport.attr(m.mission()))
                    .append("\"><td><b>")
                    .append(text(m.mission()))
                    .append("</b>")
                    .append(
                            m.name().equals(m.mission())
                                    ? ""
                                    : "<br><span class=\"title\">" + text(m.name()) + "</span>")
                    .append("<br><span class=\"kind\">needs ")
                    .append(text(m.needsAsWritten()))
                    .append("</span></td><td>")
                    .append(components(m.single(), Status.STOPPED))
                    .append("</td><td>")
                    .append(components(m.single(), Status.DEGRADED))
                    .append("</td><td>");
            if (m.pairs().isEmpty()) {
                out.append("—");
            } else {
                out.append(m.pairs().size()).append(m.pairs().size() == 1 ? " pair" : " pairs");
                m.pairs().stream()
                        .limit(5)
                        .forEach(p -> out.append("<br>")
                                .append(text(p.first()))
                                .append(" + ")
                                .append(text(p.second()))
                                .append(p.effect() == Status.STOPPED ? " (stops)" : ""));
                if (m.pairs().size() > 5) {
                    out.append("<br>…");
                }
            }
            if (!m.pairsComplete()) {
                out.append("<br><span class=\"kind\">drawn from the ")
                        .append(m.pairCandidates())
                        .append(" components nearest its needs</span>");
            }
            out.append("</td><td>");
            if (m.underAttack().isEmpty()) {
                out.append("no need is reachable");
            } else {
                out.append(m.stoppedUnderAttack() ? "<b class=\"v-not-satisfied\">stopped</b>" : "degraded")
                        .append("<ul class=\"tight\">");
                m.underAttack().stream()
                        .limit(5)
                        .forEach(r -> out.append("<li>")
                                .append(text(r.need()))
                                .append(" from ")
                                .append(text(r.entry()))
                                .append(String.format(Locale.ROOT, ", p = %.2f", r.probability()))
                                .append(r.hops().isEmpty() ? "" : ": " + text(hops(r)))
                                .append("</li>"));
                if (m.underAttack().size() > 5) {
                    out.append("<li>… and ").append(m.underAttack().size() - 5).append(" more</li>");
                }
                out.append("</ul>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static String hops(MissionAnalysis.AttackRoute r) {
        StringBuilder out = new StringBuilder(r.hops().get(0).from());
        r.hops().forEach(h -> out.append(" → ").append(h.to()));
        return out.toString();
    }

    private static String components(List<Critical> critical, Status effect) {
        List<String> ids = critical.stream()
                .filter(c -> c.effect() == effect)
                .map(Critical::component)
                .toList();
        if (ids.isEmpty()) {
            return "—";
        }
        return text(String.join(", ", ids.subList(0, Math.min(12, ids.size()))))
                + (ids.size() > 12 ? " … (" + ids.size() + ")" : "");
    }

    private static void singlePoints(StringBuilder out, List<SinglePoint> points) {
        if (points.isEmpty()) {
            return;
        }
        out.append("<h3>Single points of failure</h3>\n<p>Components whose failure alone stops or degrades a mission,"
                + " those that stop the most first.</p>\n<table class=\"plain\"><tr><th>component</th><th>stops</th>"
                + "<th>degrades</th></tr>");
        points.stream()
                .limit(MAX_SINGLE_POINTS)
                .forEach(p -> out.append("<tr><td>")
                        .append(text(p.component()))
                        .append("</td><td>")
                        .append(p.stops().isEmpty() ? "—" : text(String.join(", ", p.stops())))
                        .append("</td><td>")
                        .append(p.degrades().isEmpty() ? "—" : text(String.join(", ", p.degrades())))
                        .append("</td></tr>"));
        out.append("</table>\n");
        if (points.size() > MAX_SINGLE_POINTS) {
            out.append("<p class=\"note\">… and ")
                    .append(points.size() - MAX_SINGLE_POINTS)
                    .append(" more.</p>\n");
        }
    }

    private static void scenario(StringBuilder out, ScenarioResult s, int index) {
        out.append("<h3 class=\"scenario\" id=\"scenario-")
                .append(HtmlReport.attr(s.scenario()))
                .append("\">Scenario ")
                .append(text(s.scenario()))
                .append(s.name().equals(s.scenario()) ? "" : ": " + text(s.name()))
                .append("</h3>\n");
        if (!s.description().isEmpty()) {
            out.append("<p>").append(text(s.description())).append("</p>\n");
        }
        out.append("<p>")
                .append(s.failed().size())
                .append(" failed, ")
                .append(s.compromised().size())
                .append(" held by the attacker, ")
                .append(s.down().size())
                .append(" down in all.</p>\n");
        out.append("<table class=\"plain outcomes\"><tr><th>mission</th><th>status</th><th>back after</th><th>RTO</th>"
                + "<th>max downtime</th><th>objectives</th><th>waits for</th><th>why, and the fixes</th></tr>\n");
        for (MissionOutcome o : s.missions()) {
            String objectives = o.meetsObjectives()
                    .map(met -> met
                            ? "<span class=\"badge v-satisfied\">met</span>"
                            : "<span class=\"badge v-not-satisfied\">missed</span>")
                    .orElse(o.status() == Status.UP ? "—" : "unknown");
            out.append("<tr><td>")
                    .append(text(o.mission()))
                    .append("</td><td><span class=\"badge st-")
                    .append(Words.of(o.status()))
                    .append("\">")
                    .append(Words.of(o.status()))
                    .append("</span>")
                    .append(o.degradedMode()
                            .map(d -> "<br><span class=\"kind\">" + text(d) + "</span>")
                            .orElse(""))
                    .append("</td><td>")
                    .append(o.status() == Status.UP ? "—" : Charts.span(o.backAfter()))
                    .append("</td><td>")
                    .append(o.rto().map(Words::of).orElse("—"))
                    .append("</td><td>")
                    .append(o.maxDowntime().map(Words::of).orElse("—"))
                    .append("</td><td>")
                    .append(objectives)
                    .append("</td><td>")
                    .append(o.waitsFor().isEmpty() ? "—" : text(String.join(" ← ", o.waitsFor())))
                    .append("</td><td>")
                    .append(text(o.explanation()));
            if (!o.fixes().isEmpty()) {
                out.append("<ul class=\"tight fixes\">");
                o.fixes().forEach(f -> out.append("<li>").append(text(f)).append("</li>"));
                out.append("</ul>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</table>\n");
        if (s.restoration().isEmpty()) {
            return;
        }
        out.append("<h4>Restoration</h4>\n<div class=\"chart\">")
                .append(Charts.restoration("s" + index, s.restoration(), Charts.objectives(s)))
                .append("</div>\n");
        out.append("<table class=\"plain restoration\"><tr><th>start</th><th>done</th><th>component</th><th>cause</th>"
                + "<th>how</th><th>by</th><th>after</th><th>meanwhile</th></tr>\n");
        List<Step> steps =
                s.restoration().subList(0, Math.min(MAX_STEPS, s.restoration().size()));
        for (Step st : steps) {
            out.append("<tr><td>")
                    .append(Charts.span(st.start()))
                    .append("</td><td>")
                    .append(Charts.span(st.done()))
                    .append("</td><td>")
                    .append(text(st.component()))
                    .append("</td><td>")
                    .append(text(st.cause()))
                    .append("</td><td>")
                    .append(text(st.how()))
                    .append("</td><td>")
                    .append(text(st.by()))
                    .append("</td><td>")
                    .append(st.after().isEmpty() ? "—" : text(String.join(", ", st.after())))
                    .append("</td><td>")
                    .append(st.fallback().map(HtmlReport::text).orElse("—"))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
        if (steps.size() < s.restoration().size()) {
            out.append("<p class=\"note\">… and ")
                    .append(s.restoration().size() - steps.size())
                    .append(" more steps (<code>mamori missions</code> lists them).</p>\n");
        }
    }

    private static void robustness(StringBuilder out, MissionAnalysis.Robustness r) {
        if (r.points().isEmpty()) {
            return;
        }
        out.append("<h3>Robustness</h3>\n<p>Missions still running, fully or in a degraded mode, as a growing share of"
                        + " components fails at random (")
                .append(r.samplesPerPoint())
                .append(" samples per point, seed ")
                .append(r.seed())
                .append(").</p>\n<div class=\"chart\">")
                .append(Charts.robustness(r))
                .append("</div>\n");
    }
}
