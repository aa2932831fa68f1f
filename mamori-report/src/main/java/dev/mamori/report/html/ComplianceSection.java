package dev.mamori.report.html;

import static dev.mamori.report.html.HtmlReport.text;

import dev.mamori.engine.compliance.ComplianceResult;
import dev.mamori.engine.compliance.ComplianceResult.MeansResult;
import dev.mamori.engine.compliance.ComplianceResult.RequirementResult;
import dev.mamori.engine.compliance.ComplianceResult.SubjectResult;
import dev.mamori.engine.compliance.ComplianceResult.SystemCompliance;
import dev.mamori.engine.compliance.Coverage;
import dev.mamori.engine.compliance.Obligation;
import dev.mamori.engine.compliance.Verdict;
import dev.mamori.report.compliance.ComplianceJson;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The "Compliance" section (NISC 4.1, 4.4, 4.7): per system its profile, its requirements by
 * verdict and the coverage of the default standards; then, for the systems of most concern, every
 * requirement with its obligation, verdict, evidence and the gap that stays open.
 */
final class ComplianceSection {

    /** Systems in the overview table; beyond, the page says how many it left out. */
    static final int MAX_SYSTEMS = 200;

    /** Systems whose requirements are listed in full. */
    static final int MAX_SYSTEM_DETAILS = 40;

    private ComplianceSection() {}

    static Optional<HtmlReport.Section> of(HtmlReport.Context c) {
        ComplianceResult result = c.assessment().compliance();
        if (result.systems().isEmpty()) {
            return Optional.empty();
        }
        // The systems of most concern first: unmet requirements at the strongest obligation, then the most unmet.
        List<SystemCompliance> systems = result.systems().stream()
                .sorted(Comparator.comparingInt(ComplianceSection::strongestUnmet)
                        .thenComparing(Comparator.comparingLong(ComplianceSection::unmet)
                                .reversed()))
                .toList();
        StringBuilder out = new StringBuilder();
        out.append("<p>Requirements catalog <b>")
                .append(text(result.catalog().name()))
                .append(' ')
                .append(text(result.catalog().version().toString()))
                .append("</b>; jurisdictions: ")
                .append(
                        result.jurisdictions().isEmpty()
                                ? "none named"
                                : text(String.join(", ", result.jurisdictions())))
                .append(". Each system is judged against its profile; a requirement is satisfied, not satisfied,"
                        + " needs review (a person must look, or the model does not say) or not applicable.</p>\n");
        List<SystemCompliance> overview = systems.subList(0, Math.min(MAX_SYSTEMS, systems.size()));
        if (overview.size() < systems.size()) {
            out.append("<p class=\"note\">The ")
                    .append(overview.size())
                    .append(" systems of most concern of ")
                    .append(systems.size())
                    .append("; <code>mamori comply</code> and the JSON assessment have all.</p>\n");
        }
        out.append("<table class=\"plain compliance\"><tr><th>system</th><th>profile</th><th>satisfied</th>"
                + "<th>not satisfied</th><th>needs review</th><th>not applicable</th><th>coverage</th></tr>\n");
        for (SystemCompliance s : overview) {
            Map<Verdict, Integer> n = s.counts();
            out.append("<tr data-system=\"")
                    .append(HtmlReport.attr(s.system()))
                    .append("\"><td><b>")
                    .append(text(s.system()))
                    .append("</b><br><span class=\"where\">")
                    .append(text(s.at().file()))
                    .append(':')
                    .append(s.at().line())
                    .append("</span></td><td>")
                    .append(text(s.profile().id()))
                    .append("<br><span class=\"kind\">")
                    .append(text(s.profileWhy()))
                    .append("</span></td>")
                    .append(count(n, Verdict.SATISFIED))
                    .append(count(n, Verdict.NOT_SATISFIED))
                    .append(count(n, Verdict.NEEDS_REVIEW))
                    .append(count(n, Verdict.NOT_APPLICABLE))
                    .append("<td><ul class=\"tight\">");
            for (String standard : ComplianceJson.DEFAULT_STANDARDS) {
                if (result.catalog().standards().containsKey(standard)) {
                    out.append("<li>")
                            .append(text(dev.mamori.report.compliance.ComplianceText.coverageLine(
                                    Coverage.of(result.catalog(), s, standard))))
                            .append("</li>");
                }
            }
            out.append("</ul></td></tr>\n");
        }
        out.append("</table>\n");
        List<SystemCompliance> detailed = systems.subList(0, Math.min(MAX_SYSTEM_DETAILS, systems.size()));
        out.append("<h3>Requirements per system</h3>\n");
        if (detailed.size() < systems.size()) {
            out.append("<p class=\"note\">The ")
                    .append(detailed.size())
                    .append(" systems of most concern; <code>mamori comply --all</code> lists every one.</p>\n");
        }
        for (SystemCompliance s : detailed) {
            system(out, s, s == detailed.get(0));
        }
        return Optional.of(new HtmlReport.Section("compliance", "Compliance", out.toString()));
    }

    private static String count(Map<Verdict, Integer> counts, Verdict v) {
        int n = counts.get(v);
        return "<td class=\"num\">" + (n == 0 ? "0" : "<span class=\"badge v-" + v.word() + "\">" + n + "</span>")
                + "</td>";
    }

    private static int strongestUnmet(SystemCompliance s) {
        return s.requirements().stream()
                .filter(r -> r.verdict() == Verdict.NOT_SATISFIED)
                .mapToInt(r -> r.obligation().ordinal())
                .min()
                .orElse(Obligation.values().length);
    }

    private static long unmet(SystemCompliance s) {
        return s.requirements().stream()
                .filter(r -> r.verdict() == Verdict.NOT_SATISFIED)
                .count();
    }

    private static void system(StringBuilder out, SystemCompliance s, boolean open) {
        Map<Verdict, Integer> n = s.counts();
        out.append("<details class=\"system compliance\"")
                .append(open ? " open" : "")
                .append("><summary>")
                .append(text(s.system()))
                .append(" — profile ")
                .append(text(s.profile().id()))
                .append(": ")
                .append(n.get(Verdict.NOT_SATISFIED))
                .append(" not satisfied, ")
                .append(n.get(Verdict.NEEDS_REVIEW))
                .append(" need review, ")
                .append(n.get(Verdict.SATISFIED))
                .append(" satisfied</summary>\n");
        out.append("<table class=\"plain requirements\"><tr><th>verdict</th><th>obligation</th><th>requirement</th>"
                + "<th>evidence, and the gap</th></tr>\n");
        // Unmet first, strongest obligation first: what a certifier reads first.
        List<RequirementResult> ordered = s.requirements().stream()
                .sorted(Comparator.comparingInt((RequirementResult r) -> rank(r.verdict()))
                        .thenComparing(RequirementResult::obligation))
                .toList();
        for (RequirementResult r : ordered) {
            out.append("<tr class=\"requirement\" data-verdict=\"")
                    .append(r.verdict().word())
                    .append("\" data-obligation=\"")
                    .append(r.obligation().word())
                    .append("\"><td><span class=\"badge v-")
                    .append(r.verdict().word())
                    .append("\">")
                    .append(r.verdict().word())
                    .append("</span></td><td>")
                    .append(r.obligation().word())
                    .append("<br><span class=\"kind\">")
                    .append(text(r.obligationWhy()))
                    .append("</span></td><td><code>")
                    .append(text(r.requirement().id()))
                    .append("</code><br><span class=\"title\">")
                    .append(text(r.requirement().title()))
                    .append("</span></td><td>")
                    .append(text(r.why()));
            if (r.verdict() != Verdict.NOT_APPLICABLE) {
                out.append("<ul class=\"tight means\">");
                for (MeansResult m : r.means()) {
                    means(out, m);
                }
                out.append("</ul>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</table></details>\n");
    }

    private static void means(StringBuilder out, MeansResult m) {
        out.append("<li><span class=\"badge v-")
                .append(m.verdict().word())
                .append("\">")
                .append(m.verdict().word())
                .append("</span> <code>")
                .append(text(m.means().id()))
                .append("</code>: ")
                .append(text(m.why()));
        if (m.verdict() == Verdict.NOT_SATISFIED || m.verdict() == Verdict.NEEDS_REVIEW) {
            List<SubjectResult> failing = m.subjects().stream()
                    .filter(x -> x.verdict() != Verdict.SATISFIED && x.verdict() != Verdict.NOT_APPLICABLE)
                    .toList();
            if (!failing.isEmpty()) {
                out.append("<ul class=\"tight\">");
                failing.stream()
                        .limit(3)
                        .forEach(x -> out.append("<li><span class=\"where\">")
                                .append(text(x.subject().at().file()))
                                .append(':')
                                .append(x.subject().at().line())
                                .append("</span> ")
                                .append(text(x.why()))
                                .append("</li>"));
                if (failing.size() > 3) {
                    out.append("<li>… and ").append(failing.size() - 3).append(" more elements</li>");
                }
                out.append("</ul>");
            }
            if (!m.gap().isEmpty()) {
                out.append("<div class=\"gap\">To close it: ")
                        .append(text(m.gap().get(0)))
                        .append("</div>");
            }
        }
        if (!m.controls().isEmpty()) {
            out.append("<div class=\"treatment\">Controls: ");
            for (int i = 0; i < m.controls().size(); i++) {
                var control = m.controls().get(i);
                out.append(i == 0 ? "" : "; ")
                        .append(text(control.requirement()))
                        .append(" (")
                        .append(dev.mamori.model.Words.of(control.status()))
                        .append(control.evidence()
                                .map(e -> ", evidence: " + text(e))
                                .orElse(""))
                        .append(")");
            }
            out.append("</div>");
        }
        out.append("</li>");
    }

    private static int rank(Verdict v) {
        return switch (v) {
            case NOT_SATISFIED -> 0;
            case NEEDS_REVIEW -> 1;
            case SATISFIED -> 2;
            case NOT_APPLICABLE -> 3;
        };
    }
}
