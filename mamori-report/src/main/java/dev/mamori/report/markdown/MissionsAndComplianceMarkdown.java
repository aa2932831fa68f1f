package dev.mamori.report.markdown;

import static dev.mamori.report.markdown.MarkdownReport.cell;
import static dev.mamori.report.markdown.MarkdownReport.inline;

import dev.mamori.engine.compliance.ComplianceResult;
import dev.mamori.engine.compliance.ComplianceResult.MeansResult;
import dev.mamori.engine.compliance.ComplianceResult.RequirementResult;
import dev.mamori.engine.compliance.ComplianceResult.SystemCompliance;
import dev.mamori.engine.compliance.Coverage;
import dev.mamori.engine.compliance.Verdict;
import dev.mamori.engine.missions.MissionAnalysis;
import dev.mamori.engine.missions.MissionAnalysis.MissionCriticality;
import dev.mamori.engine.missions.MissionAnalysis.MissionOutcome;
import dev.mamori.engine.missions.MissionAnalysis.ScenarioResult;
import dev.mamori.engine.missions.MissionAnalysis.Status;
import dev.mamori.engine.missions.MissionAnalysis.Step;
import dev.mamori.model.Words;
import dev.mamori.report.compliance.ComplianceJson;
import dev.mamori.report.compliance.ComplianceText;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The missions and compliance parts of the Markdown report: tables a pull-request reviewer can scan,
 * with the long parts (scenario restoration, each system's unmet requirements) folded in
 * {@code <details>} blocks.
 */
final class MissionsAndComplianceMarkdown {

    /** Rows per table on very large landscapes; the JSON assessment has everything. */
    static final int MAX_ROWS = 100;

    private MissionsAndComplianceMarkdown() {}

    static void missions(StringBuilder out, MissionAnalysis a) {
        if (a.missions().isEmpty() && a.scenarios().isEmpty()) {
            return;
        }
        out.append("## Missions and scenarios\n\n");
        if (!a.missions().isEmpty()) {
            out.append("| mission | needs | a single failure stops it | degrades it | N-2 pairs | under attack |\n");
            out.append("| --- | --- | --- | --- | ---: | --- |\n");
            for (MissionCriticality m : limit(a.missions())) {
                out.append("| **")
                        .append(cell(m.mission()))
                        .append("** | ")
                        .append(cell(m.needsAsWritten()))
                        .append(" | ")
                        .append(cell(single(m, Status.STOPPED)))
                        .append(" | ")
                        .append(cell(single(m, Status.DEGRADED)))
                        .append(" | ")
                        .append(m.pairs().size())
                        .append(" | ")
                        .append(
                                m.underAttack().isEmpty()
                                        ? "—"
                                        : (m.stoppedUnderAttack() ? "stopped" : "degraded") + " through "
                                                + cell(String.join(
                                                        ", ",
                                                        m.underAttack().stream()
                                                                .map(MissionAnalysis.AttackRoute::need)
                                                                .distinct()
                                                                .toList())))
                        .append(" |\n");
            }
            more(out, a.missions().size(), "missions");
            out.append('\n');
        }
        for (ScenarioResult s : a.scenarios()) {
            out.append("### Scenario ")
                    .append(inline(s.scenario()))
                    .append(s.name().equals(s.scenario()) ? "" : ": " + inline(s.name()))
                    .append("\n\n");
            out.append(String.format(
                    "%s%d failed, %d held by the attacker, %d down in all.%n%n",
                    s.description().isEmpty() ? "" : inline(s.description()) + " ",
                    s.failed().size(),
                    s.compromised().size(),
                    s.down().size()));
            out.append("| mission | status | back after | RTO | max downtime | objectives | first fix |\n");
            out.append("| --- | --- | --- | --- | --- | --- | --- |\n");
            for (MissionOutcome o : s.missions()) {
                out.append("| ")
                        .append(cell(o.mission()))
                        .append(" | ")
                        .append(Words.of(o.status()))
                        .append(o.degradedMode().map(d -> " (" + cell(d) + ")").orElse(""))
                        .append(" | ")
                        .append(o.status() == Status.UP ? "—" : span(o.backAfter()))
                        .append(" | ")
                        .append(o.rto().map(Words::of).orElse("—"))
                        .append(" | ")
                        .append(o.maxDowntime().map(Words::of).orElse("—"))
                        .append(" | ")
                        .append(o.meetsObjectives()
                                .map(met -> met ? "met" : "**missed**")
                                .orElse("—"))
                        .append(" | ")
                        .append(o.fixes().isEmpty() ? "—" : cell(o.fixes().get(0)))
                        .append(" |\n");
            }
            if (!s.restoration().isEmpty()) {
                out.append("\n<details><summary>Restoration: ")
                        .append(s.restoration().size())
                        .append(s.restoration().size() == 1 ? " step" : " steps")
                        .append("</summary>\n\n| start | done | component | cause | how | by | after |\n")
                        .append("| --- | --- | --- | --- | --- | --- | --- |\n");
                for (Step st : limit(s.restoration())) {
                    out.append("| ")
                            .append(span(st.start()))
                            .append(" | ")
                            .append(span(st.done()))
                            .append(" | ")
                            .append(cell(st.component()))
                            .append(" | ")
                            .append(st.cause())
                            .append(" | ")
                            .append(cell(st.how()))
                            .append(" | ")
                            .append(cell(st.by()))
                            .append(" | ")
                            .append(st.after().isEmpty() ? "—" : cell(String.join(", ", st.after())))
                            .append(" |\n");
                }
                more(out, s.restoration().size(), "steps");
                out.append("\n</details>\n");
            }
            out.append('\n');
        }
        if (!a.robustness().points().isEmpty()) {
            out.append("### Robustness\n\nMissions still running as components fail at random (")
                    .append(a.robustness().samplesPerPoint())
                    .append(" samples per point).\n\n| components failed |");
            a.robustness()
                    .points()
                    .forEach(p -> out.append(String.format(Locale.ROOT, " %.0f%% |", p.failedFraction() * 100)));
            out.append("\n| --- |");
            a.robustness().points().forEach(p -> out.append(" ---: |"));
            out.append("\n| missions running, on average |");
            a.robustness()
                    .points()
                    .forEach(p -> out.append(String.format(Locale.ROOT, " %.0f%% |", p.missionsUp() * 100)));
            out.append("\n| in the worst sample |");
            a.robustness()
                    .points()
                    .forEach(p -> out.append(String.format(Locale.ROOT, " %.0f%% |", p.worstMissionsUp() * 100)));
            out.append("\n\n");
        }
    }

    static void compliance(StringBuilder out, ComplianceResult result) {
        if (result.systems().isEmpty()) {
            return;
        }
        out.append("## Compliance\n\n");
        out.append("Catalog ")
                .append(inline(result.catalog().name() + " " + result.catalog().version()))
                .append("; jurisdictions: ")
                .append(
                        result.jurisdictions().isEmpty()
                                ? "none named"
                                : inline(String.join(", ", result.jurisdictions())))
                .append(".\n\n");
        out.append("| system | profile | satisfied | not satisfied | needs review | not applicable | coverage |\n");
        out.append("| --- | --- | ---: | ---: | ---: | ---: | --- |\n");
        for (SystemCompliance s : limit(result.systems())) {
            Map<Verdict, Integer> n = s.counts();
            out.append("| ")
                    .append(cell(s.system()))
                    .append(" | ")
                    .append(cell(s.profile().id()))
                    .append(" | ")
                    .append(n.get(Verdict.SATISFIED))
                    .append(" | ")
                    .append(n.get(Verdict.NOT_SATISFIED))
                    .append(" | ")
                    .append(n.get(Verdict.NEEDS_REVIEW))
                    .append(" | ")
                    .append(n.get(Verdict.NOT_APPLICABLE))
                    .append(" | ");
            List<String> lines = ComplianceJson.DEFAULT_STANDARDS.stream()
                    .filter(id -> result.catalog().standards().containsKey(id))
                    .map(id -> cell(ComplianceText.coverageLine(Coverage.of(result.catalog(), s, id))))
                    .toList();
            out.append(String.join("<br>", lines)).append(" |\n");
        }
        more(out, result.systems().size(), "systems");
        out.append('\n');
        for (SystemCompliance s : limit(result.systems())) {
            List<RequirementResult> unmet = s.requirements().stream()
                    .filter(r -> r.verdict() == Verdict.NOT_SATISFIED)
                    .sorted(java.util.Comparator.comparing(RequirementResult::obligation))
                    .toList();
            if (unmet.isEmpty()) {
                continue;
            }
            out.append("<details><summary><b>")
                    .append(html(s.system()))
                    .append("</b>: ")
                    .append(unmet.size())
                    .append(unmet.size() == 1 ? " requirement" : " requirements")
                    .append(" not satisfied</summary>\n\n| obligation | requirement | means not met | gap |\n")
                    .append("| --- | --- | --- | --- |\n");
            for (RequirementResult r : unmet) {
                Optional<MeansResult> first = r.means().stream()
                        .filter(m -> m.verdict() == Verdict.NOT_SATISFIED)
                        .findFirst();
                out.append("| ")
                        .append(r.obligation().word())
                        .append(" | `")
                        .append(r.requirement().id())
                        .append("` ")
                        .append(cell(r.requirement().title()))
                        .append(" | ")
                        .append(first.map(m -> "`" + m.means().id() + "`: " + cell(m.why()))
                                .orElse(cell(r.why())))
                        .append(" | ")
                        .append(first.filter(m -> !m.gap().isEmpty())
                                .map(m -> cell(m.gap().get(0)))
                                .orElse("—"))
                        .append(" |\n");
            }
            out.append("\n</details>\n\n");
        }
    }

    private static String single(MissionCriticality m, Status effect) {
        List<String> ids = m.single().stream()
                .filter(c -> c.effect() == effect)
                .map(MissionAnalysis.Critical::component)
                .toList();
        return ids.isEmpty() ? "—" : String.join(", ", ids);
    }

    private static <T> List<T> limit(List<T> list) {
        return list.subList(0, Math.min(MAX_ROWS, list.size()));
    }

    private static void more(StringBuilder out, int size, String what) {
        if (size > MAX_ROWS) {
            out.append("\n… and ")
                    .append(size - MAX_ROWS)
                    .append(" more ")
                    .append(what)
                    .append(".\n");
        }
    }

    private static String span(Optional<Duration> d) {
        return d.map(Words::of).orElse("?");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
