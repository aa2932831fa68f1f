package dev.mamori.report.compliance;

import dev.mamori.engine.compliance.ComplianceResult;
import dev.mamori.engine.compliance.ComplianceResult.MeansResult;
import dev.mamori.engine.compliance.ComplianceResult.RequirementResult;
import dev.mamori.engine.compliance.ComplianceResult.SubjectResult;
import dev.mamori.engine.compliance.ComplianceResult.SystemCompliance;
import dev.mamori.engine.compliance.Coverage;
import dev.mamori.engine.compliance.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code mamori comply} for people: per system, each requirement's verdict, why, and the gap; then coverage. */
public final class ComplianceText {

    private ComplianceText() {}

    /**
     * Writes the report to {@code out} as it goes: at 40,000 components it is 19 MB of text, more than
     * is worth holding as one string.
     *
     * @param standards the standards to print coverage for
     * @param detail print every requirement with its means (otherwise only those not satisfied)
     */
    public static void write(ComplianceResult result, List<String> standards, boolean detail, Writer out)
            throws IOException {
        out.append("Requirements catalog ")
                .append(result.catalog().name())
                .append(' ')
                .append(result.catalog().version().toString())
                .append(", jurisdictions: ")
                .append(result.jurisdictions().isEmpty() ? "none named" : String.join(", ", result.jurisdictions()))
                .append("\n");
        for (SystemCompliance s : result.systems()) {
            out.append("\n")
                    .append(s.system())
                    .append(" (")
                    .append(s.at().file())
                    .append(':')
                    .append(Integer.toString(s.at().line()))
                    .append(") — profile ")
                    .append(s.profile().id())
                    .append(", ")
                    .append(s.profileWhy())
                    .append("\n");
            Map<Verdict, Integer> counts = s.counts();
            out.append("  ")
                    .append(String.valueOf(counts.get(Verdict.SATISFIED)))
                    .append(" satisfied, ")
                    .append(String.valueOf(counts.get(Verdict.NOT_SATISFIED)))
                    .append(" not satisfied, ")
                    .append(String.valueOf(counts.get(Verdict.NEEDS_REVIEW)))
                    .append(" need review, ")
                    .append(String.valueOf(counts.get(Verdict.NOT_APPLICABLE)))
                    .append(" not applicable\n");
            for (RequirementResult r : s.requirements()) {
                if (!detail && (r.verdict() == Verdict.SATISFIED || r.verdict() == Verdict.NOT_APPLICABLE)) {
                    continue;
                }
                out.append(String.format(
                        Locale.ROOT,
                        "  %-14s %-10s %s — %s%n",
                        r.verdict().word(),
                        r.obligation().word(),
                        r.requirement().id(),
                        r.requirement().title()));
                out.append("      ").append(r.obligationWhy()).append("\n");
                for (MeansResult m : r.means()) {
                    if (!detail && (m.verdict() == Verdict.SATISFIED || m.verdict() == Verdict.NOT_APPLICABLE)) {
                        continue;
                    }
                    out.append("    ")
                            .append(m.verdict().word())
                            .append(": ")
                            .append(m.means().id())
                            .append(" — ")
                            .append(m.why())
                            .append("\n");
                    int shown = 0;
                    for (SubjectResult sub : m.subjects()) {
                        if (sub.verdict() == Verdict.SATISFIED) {
                            continue;
                        }
                        if (shown++ == 3) {
                            out.append("        … and more (--format json lists every element)\n");
                            break;
                        }
                        out.append("        ")
                                .append(sub.subject().at().file())
                                .append(':')
                                .append(Integer.toString(sub.subject().at().line()))
                                .append(' ')
                                .append(sub.subject().id())
                                .append(": ")
                                .append(sub.why())
                                .append("\n");
                    }
                    if (!m.gap().isEmpty()) {
                        out.append("        fix: ").append(m.gap().get(0)).append("\n");
                    }
                }
            }
            if (!s.upcoming().isEmpty()) {
                // A law about to bind is worth knowing before its day, when the gate does not fail on it yet.
                out.append("  becomes binding within 12 months:\n");
                for (ComplianceResult.Upcoming u : s.upcoming()) {
                    out.append("    ")
                            .append(u.from().toString())
                            .append("  ")
                            .append(u.obligation().word())
                            .append("  ")
                            .append(u.requirement())
                            .append(" — in ")
                            .append(u.jurisdiction())
                            .append(": ")
                            .append(u.regime())
                            .append("\n");
                }
            }
            for (String standard : standards) {
                Coverage c = Coverage.of(result.catalog(), s, standard);
                out.append("  ").append(coverageLine(c)).append("\n");
            }
        }
    }

    /** "ETSI EN 303 645 V3.1.3 mandatory provisions: 29 met, 4 not met, 3 need review, 2 not applicable". */
    public static String coverageLine(Coverage c) {
        boolean mandatory = c.hasStatuses();
        Map<Verdict, Integer> n = c.counts(mandatory);
        return c.standard().title() + (mandatory ? " mandatory provisions: " : ": ")
                + n.get(Verdict.SATISFIED) + " met, " + n.get(Verdict.NOT_SATISFIED) + " not met, "
                + n.get(Verdict.NEEDS_REVIEW) + " need review, " + n.get(Verdict.NOT_APPLICABLE) + " not applicable";
    }
}
