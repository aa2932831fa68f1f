package dev.mamori.report.markdown;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.Property;
import dev.mamori.engine.risk.RiskAssessment;
import dev.mamori.engine.risk.Severity;
import dev.mamori.engine.systemic.Hop;
import dev.mamori.engine.systemic.SystemicAnalysis;
import dev.mamori.model.Landscape;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.report.assessment.HeatMap;
import dev.mamori.report.text.Count;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The assessment as GitHub-flavoured Markdown, for wikis and pull-request comments: the summary,
 * the likelihood × impact heat map, open findings grouped by system (each system folded, so a long
 * report stays readable in a comment), treated findings, the systemic view, missions and scenarios,
 * and compliance.
 */
public final class MarkdownReport {

    private static final List<Severity> MOST_SEVERE_FIRST =
            List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO);

    private MarkdownReport() {}

    /**
     * @param top how many open findings to list (all when negative); the counts always cover all
     */
    public static String render(Assessment assessment, int top) {
        StringWriter text = new StringWriter();
        try {
            write(assessment, top, text);
        } catch (IOException e) {
            throw new UncheckedIOException("a string cannot fail to be written", e);
        }
        return text.toString();
    }

    /**
     * The report written to {@code to} as it goes: each section is built and written in turn, and the
     * findings' tables a slice at a time (without {@code --top} every open finding is listed, hundreds
     * of thousands at 100,000 components), so the report is never held whole. The bytes are those of
     * {@link #render}.
     *
     * @param top how many open findings to list (all when negative); the counts always cover all
     */
    public static void write(Assessment assessment, int top, Writer to) throws IOException {
        Landscape landscape = assessment.landscape();
        RiskAssessment risk = assessment.risk();
        List<Finding> open = risk.open();
        Spill out = new Spill(to);
        out.text.append("# ").append(inline(landscape.name())).append(" — Mamori assessment\n\n");
        out.text.append(String.format(
                "%s, %s, %s; %s; judged on %s.%n%n",
                Count.of(landscape.systems().size(), "system"),
                Count.of(landscape.components().size(), "component"),
                Count.of(landscape.allFlows().size(), "flow"),
                Count.of(risk.rulesRun(), "rule"),
                assessment.today()));
        summary(out.text, risk);
        heatMap(out.text, HeatMap.of(open, Optional.empty()));
        out.write();
        findings(out, risk.openProblems(), top);
        treated(out, risk.findings().stream().filter(f -> !f.open()).toList());
        systemic(out.text, assessment.systemic());
        out.write();
        MissionsAndComplianceMarkdown.missions(out.text, assessment.missions());
        out.write();
        MissionsAndComplianceMarkdown.compliance(out.text, assessment.compliance());
        out.write();
        diagnostics(out.text, assessment.diagnostics());
        out.write();
        to.flush();
    }

    /** Text built a slice at a time and written when the slice is large or a section ends. */
    private static final class Spill {
        private static final int SLICE = 1 << 16;

        final StringBuilder text = new StringBuilder();
        private final Writer to;

        Spill(Writer to) {
            this.to = to;
        }

        /** Writes the slice when it has grown large; called between rows. */
        void maybeWrite() throws IOException {
            if (text.length() >= SLICE) {
                write();
            }
        }

        void write() throws IOException {
            to.append(text);
            text.setLength(0);
        }
    }

    private static void summary(StringBuilder out, RiskAssessment risk) {
        Map<Severity, Integer> bySeverity = risk.openBySeverity();
        Map<Property, Integer> byProperty = risk.openByProperty();
        out.append("## Summary\n\n");
        out.append("| open findings | critical | high | medium | low | info | closed by a treatment |\n");
        out.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        out.append("| ").append(risk.open().size());
        MOST_SEVERE_FIRST.forEach(s -> out.append(" | ").append(bySeverity.get(s)));
        out.append(" | ").append(risk.findings().size() - risk.open().size()).append(" |\n\n");
        out.append("| threatened | safety | confidentiality | integrity | availability |\n");
        out.append("| --- | ---: | ---: | ---: | ---: |\n");
        out.append("| open findings");
        for (Property p : Property.values()) {
            out.append(" | ").append(byProperty.get(p));
        }
        out.append(" |\n\n");
    }

    private static void heatMap(StringBuilder out, HeatMap map) {
        out.append("## Heat map\n\n");
        out.append("Open findings by likelihood (rows, 5 = almost certain) and impact (columns, 5 = worst).\n\n");
        out.append("| likelihood \\ impact | 1 | 2 | 3 | 4 | 5 |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (int likelihood = 5; likelihood >= 1; likelihood--) {
            out.append("| **").append(likelihood).append("**");
            for (int impact = 1; impact <= 5; impact++) {
                int n = map.count(likelihood, impact);
                out.append(" | ")
                        .append(
                                n == 0
                                        ? "·"
                                        : (n + " "
                                                + HeatMap.severity(likelihood, impact)
                                                        .word()));
            }
            out.append(" |\n");
        }
        out.append('\n');
    }

    /**
     * The open findings, one row per problem: the findings of rules that share a root cause on one
     * element are one row, led by the most severe, its rule cell naming the others.
     */
    private static void findings(Spill spill, List<RiskAssessment.Problem> problems, int top) throws IOException {
        StringBuilder out = spill.text;
        out.append("## Open findings\n\n");
        if (problems.isEmpty()) {
            out.append("None.\n\n");
            return;
        }
        List<RiskAssessment.Problem> shown = top < 0 ? problems : problems.subList(0, Math.min(top, problems.size()));
        Map<String, List<RiskAssessment.Problem>> bySystem = new LinkedHashMap<>();
        for (RiskAssessment.Problem p : shown) {
            bySystem.computeIfAbsent(p.lead().element().systemWord(), k -> new ArrayList<>())
                    .add(p);
        }
        for (Map.Entry<String, List<RiskAssessment.Problem>> system : bySystem.entrySet()) {
            List<Finding> list =
                    system.getValue().stream().map(RiskAssessment.Problem::lead).toList();
            out.append("<details><summary><b>")
                    .append(html(system.getKey()))
                    .append("</b>: ")
                    .append(Count.of(list.size(), "problem"))
                    .append(" (")
                    .append(countsBySeverity(list))
                    .append(")</summary>\n\n");
            out.append("| severity | rule | element | layer | where | why | fix |\n");
            out.append("| --- | --- | --- | --- | --- | --- | --- |\n");
            for (RiskAssessment.Problem p : system.getValue()) {
                Finding f = p.lead();
                out.append("| ")
                        .append(f.severity().word())
                        .append(" | `")
                        .append(f.rule())
                        .append('`')
                        .append(String.join(
                                "",
                                p.rules().subList(1, p.rules().size()).stream()
                                        .map(r -> ", also `" + r + "`")
                                        .toList()))
                        .append(" | ")
                        .append(cell(f.element().id()))
                        .append(" | ")
                        .append(f.element().layerWord())
                        .append(" | ")
                        .append(cell(f.location().file() + ":" + f.location().line()))
                        .append(" | ")
                        .append(cell(f.explanation()
                                + f.wayIn().map(w -> "; first, a way in: " + w).orElse("")))
                        .append(" | ")
                        .append(cell(f.mitigations().get(0)))
                        .append(" |\n");
                spill.maybeWrite();
            }
            out.append("\n</details>\n\n");
        }
        if (shown.size() < problems.size()) {
            out.append(String.format(
                    "… and %s (`mamori report --format markdown` without `--top` lists them all).%n%n",
                    Count.of(problems.size() - shown.size(), "more problem")));
        }
    }

    private static void treated(Spill spill, List<Finding> closed) throws IOException {
        StringBuilder out = spill.text;
        if (closed.isEmpty()) {
            return;
        }
        out.append("## Closed by a treatment\n\n");
        out.append("| rule | element | decision |\n| --- | --- | --- |\n");
        for (Finding f : closed) {
            out.append("| `")
                    .append(f.rule())
                    .append("` | ")
                    .append(cell(f.element().id()))
                    .append(" | ")
                    .append(cell(f.treatment().orElseThrow().describe()))
                    .append(" |\n");
            spill.maybeWrite();
        }
        out.append('\n');
    }

    private static void systemic(StringBuilder out, SystemicAnalysis s) {
        out.append("## Systemic risk\n\n");
        out.append(String.format(
                "From %s an attacker can control %s and influence %d more.%n%n",
                Count.of(s.entries().size(), "entry point"),
                Count.of(s.controlledComponents(), "component"),
                s.influencedComponents()));
        if (!s.paths().isEmpty()) {
            out.append("### Paths into other systems (most likely first)\n\n");
            for (SystemicAnalysis.Path p :
                    s.paths().subList(0, Math.min(10, s.paths().size()))) {
                out.append(String.format(
                        Locale.ROOT,
                        "- **%s** (system %s), p = %.2f, from %s: ",
                        inline(p.target()),
                        inline(p.targetSystem()),
                        p.probability(),
                        inline(p.entry())));
                out.append(hops(p.hops())).append('\n');
            }
            if (s.paths().size() > 10) {
                out.append("- … and ").append(s.paths().size() - 10).append(" more\n");
            }
            out.append('\n');
        }
        if (!s.blastRadius().isEmpty()) {
            out.append("### Blast radius\n\n| system | score | reaches |\n| --- | ---: | --- |\n");
            for (SystemicAnalysis.SystemRadius r : s.blastRadius()) {
                out.append("| ")
                        .append(cell(r.system()))
                        .append(" | ")
                        .append(r.score())
                        .append(" | ")
                        .append(cell(r.systemsReached().isEmpty() ? "—" : String.join(", ", r.systemsReached())))
                        .append(" |\n");
            }
            out.append('\n');
        }
        if (!s.hazards().isEmpty()) {
            out.append("### Hazards an attacker can trigger\n\n");
            List<SystemicAnalysis.HazardReach> likeliest = s.hazards().stream()
                    .sorted(java.util.Comparator.comparingDouble(SystemicAnalysis.HazardReach::probability)
                            .reversed())
                    .limit(100)
                    .toList();
            for (SystemicAnalysis.HazardReach h : likeliest) {
                out.append(String.format(
                        Locale.ROOT,
                        "- **%s** (%s%s%s), p = %.2f%n",
                        inline(h.hazard()),
                        h.severity(),
                        h.onUnits(),
                        h.interlocked() ? ", held back by an interlock" : "",
                        h.probability()));
            }
            if (s.hazards().size() > 100) {
                out.append("- … and ").append(s.hazards().size() - 100).append(" more\n");
            }
            out.append('\n');
        }
        if (!s.missions().isEmpty()) {
            out.append("### Missions an attacker can stop\n\n");
            s.missions().stream()
                    .limit(100)
                    .forEach(m -> out.append("- **")
                            .append(inline(m.mission()))
                            .append("**: ")
                            .append(inline(String.join(", ", m.compromisedNeeds())))
                            .append('\n'));
            out.append('\n');
        }
        s.isolation().ifPresent(i -> {
            out.append("### Isolation plan: keep ")
                    .append(inline(i.from()))
                    .append(" away from ")
                    .append(inline(i.protect()))
                    .append("\n\n");
            if (i.alreadyIsolated()) {
                out.append(inline(capitalised(i.verdict()))).append(".\n\n");
                return;
            }
            if (!i.cuts().isEmpty()) {
                out.append("| cut or harden | from | to | weakness | cost | why |\n"
                        + "| --- | --- | --- | --- | ---: | --- |\n");
            }
            for (SystemicAnalysis.Cut c : i.cuts()) {
                out.append("| ")
                        .append(cell(c.element()))
                        .append(" | ")
                        .append(cell(c.from()))
                        .append(" | ")
                        .append(cell(c.to()))
                        .append(" | ")
                        .append(cell(c.weakness()))
                        .append(" | ")
                        .append(c.cost())
                        .append(" | ")
                        .append(cell(c.why()))
                        .append(" |\n");
            }
            for (SystemicAnalysis.Change c : i.changes()) {
                out.append("\nChange (")
                        .append(c.kind().word())
                        .append("): ")
                        .append(inline(c.why()))
                        .append('\n');
            }
            out.append("\nTotal cost ").append(i.cost()).append(".");
            if (!i.dominators().isEmpty()) {
                out.append(" Single points every path crosses: ").append(inline(String.join(", ", i.dominators())));
            }
            out.append(i.verified() ? " " : " **")
                    .append(inline(capitalised(i.verdict())))
                    .append(i.verified() ? "." : ".**");
            out.append("\n\n");
        });
    }

    private static void diagnostics(StringBuilder out, List<Diagnostic> diagnostics) {
        if (diagnostics.isEmpty()) {
            return;
        }
        out.append("## Warnings\n\n");
        diagnostics.forEach(d -> out.append("- `")
                .append(d.at())
                .append("` ")
                .append(inline(d.message()))
                .append('\n'));
        out.append('\n');
    }

    /** A path hop by hop: {@code a →[command: no authentication] b → …}. */
    static String hops(List<Hop> hops) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hops.size(); i++) {
            Hop h = hops.get(i);
            if (i == 0) {
                out.append(inline(h.from()));
            }
            out.append(" →(")
                    .append(h.relation().name().toLowerCase(Locale.ROOT))
                    .append(": ")
                    .append(inline(h.described()))
                    .append(") ")
                    .append(inline(h.to()));
        }
        return out.toString();
    }

    private static String countsBySeverity(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        for (Severity s : MOST_SEVERE_FIRST) {
            long n = findings.stream().filter(f -> f.severity() == s).count();
            if (n > 0) {
                out.append(out.length() == 0 ? "" : ", ").append(n).append(' ').append(s.word());
            }
        }
        return out.toString();
    }

    /**
     * Text inside a table cell: pipes and line breaks would end the cell, and Markdown and HTML
     * characters written in a model must show as written rather than format the comment.
     */
    static String cell(String text) {
        return inline(text).replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    /** A sentence's first letter in capitals. */
    private static String capitalised(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /** Text in running Markdown: characters that would format or inject HTML are escaped. */
    static String inline(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '#', '~' -> out.append('\\').append(c);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
