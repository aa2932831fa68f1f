package dev.mamori.report.html;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.gate.GatePolicy;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.Property;
import dev.mamori.engine.risk.RiskAssessment;
import dev.mamori.engine.risk.Severity;
import dev.mamori.engine.systemic.SystemicAnalysis;
import dev.mamori.model.IotSystem;
import dev.mamori.model.Landscape;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.report.assessment.HeatMap;
import dev.mamori.report.diagram.Diagrams;
import dev.mamori.report.diagram.Palette;
import dev.mamori.report.text.Count;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The assessment as one self-contained HTML page, readable offline: its style sheet, script and
 * diagrams are inline, nothing is fetched. Sections, in order: executive summary, heat maps per
 * property, the landscape diagram, each system's diagram, the findings (filterable by severity,
 * property, system, layer and status, and searchable), the systemic view, missions and scenarios,
 * compliance, warnings. Each analysis contributes its own section through {@link #SECTIONS}.
 */
public final class HtmlReport {

    /** A part of the report: its anchor, its title in the table of contents, and its HTML. */
    public record Section(String id, String title, String html) {}

    /** Above this many findings the page embeds the most severe ones and says how many it left out. */
    public static final int MAX_FINDINGS = 5_000;

    /** At most this many system diagrams are embedded (those of most concern first); --format svg writes all. */
    public static final int MAX_SYSTEM_DIAGRAMS = 40;

    /** What a report is made of: the sections, one per analysis, in the order they appear. */
    private static final List<Function<Context, Optional<Section>>> SECTIONS = List.of(
            HtmlReport::summary,
            HtmlReport::heatMaps,
            HtmlReport::landscape,
            HtmlReport::systems,
            HtmlReport::findings,
            HtmlReport::systemic,
            MissionsSection::of,
            ComplianceSection::of,
            HtmlReport::warnings);

    /**
     * How much the page holds.
     *
     * @param maxFindings the findings listed at most, most severe first
     * @param drawDiagrams whether the diagrams are laid out and embedded, or only named (which saves the
     *     layout time)
     * @param maxSystemDiagrams the systems drawn at most, of most concern first
     */
    public record Options(int maxFindings, boolean drawDiagrams, int maxSystemDiagrams) {
        /** The page for a browser: every diagram, and up to {@link #MAX_FINDINGS} findings. */
        public static final Options SCREEN = new Options(MAX_FINDINGS, true, MAX_SYSTEM_DIAGRAMS);
    }

    /** What every section is drawn from. */
    record Context(Assessment assessment, Diagrams diagrams, String version, Options options) {

        /** The diagram, or where to find it when this page does not draw diagrams. */
        String diagram(java.util.function.Supplier<String> svg, String what) {
            return options.drawDiagrams()
                    ? legible(svg.get())
                    : "<p class=\"omitted\">[diagram: " + text(what)
                            + " — drawn in report.html and by <code>mamori report --format svg</code>]</p>";
        }
    }

    /**
     * The page shrinks a diagram to the width of its column ({@code max-width: 100%}), but not below
     * this share of its drawn size, where its 11-pixel labels would be too small to read: beyond it
     * the diagram keeps that size and its frame scrolls.
     */
    static final double MIN_DIAGRAM_SCALE = 0.7;

    private static final java.util.regex.Pattern SVG_WIDTH =
            java.util.regex.Pattern.compile("^<svg [^>]*?\\bwidth=\"(\\d+(?:\\.\\d+)?)\"");

    /** The diagram with its least legible width, as a style on its root. */
    static String legible(String svg) {
        java.util.regex.Matcher m = SVG_WIDTH.matcher(svg);
        if (!m.find()) {
            return svg;
        }
        long min = Math.round(Double.parseDouble(m.group(1)) * MIN_DIAGRAM_SCALE);
        return "<svg style=\"min-width: " + min + "px\" " + svg.substring("<svg ".length());
    }

    private HtmlReport() {}

    public static String render(Assessment assessment, String mamoriVersion) {
        return render(assessment, new Diagrams(assessment), mamoriVersion);
    }

    public static String render(Assessment assessment, Diagrams diagrams, String mamoriVersion) {
        return render(assessment, diagrams, mamoriVersion, Options.SCREEN);
    }

    public static String render(Assessment assessment, Diagrams diagrams, String mamoriVersion, Options options) {
        Context context = new Context(assessment, diagrams, mamoriVersion, options);
        List<Section> sections = new ArrayList<>();
        for (Function<Context, Optional<Section>> section : SECTIONS) {
            section.apply(context).ifPresent(sections::add);
        }
        Landscape landscape = assessment.landscape();
        StringBuilder out = new StringBuilder(1 << 16);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.append("<meta name=\"generator\" content=\"mamori ")
                .append(attr(mamoriVersion))
                .append("\">\n");
        out.append("<title>").append(text(landscape.name())).append(" — Mamori report</title>\n");
        out.append("<style>\n")
                .append(resource("report.css"))
                .append(Palette.css())
                .append("</style>\n</head>\n<body>\n");
        out.append("<header><h1>")
                .append(text(landscape.name()))
                .append("</h1><p class=\"meta\">Mamori ")
                .append(text(mamoriVersion))
                .append(" · judged on ")
                .append(assessment.today())
                .append(" · ")
                .append(text(String.join(", ", landscape.files())))
                .append("</p>\n<nav><ul>");
        for (Section s : sections) {
            out.append("<li><a href=\"#")
                    .append(s.id())
                    .append("\">")
                    .append(text(s.title()))
                    .append("</a></li>");
        }
        out.append("</ul></nav></header>\n<main>\n");
        for (Section s : sections) {
            out.append("<section id=\"")
                    .append(s.id())
                    .append("\">\n<h2>")
                    .append(text(s.title()))
                    .append("</h2>\n");
            out.append(s.html()).append("</section>\n");
        }
        out.append("</main>\n<script>\n").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private static Optional<Section> summary(Context c) {
        Assessment a = c.assessment();
        Landscape landscape = a.landscape();
        RiskAssessment risk = a.risk();
        List<Finding> open = risk.open();
        Map<Severity, Integer> bySeverity = risk.openBySeverity();
        StringBuilder out = new StringBuilder();
        out.append("<div class=\"cards\">");
        card(out, "systems", landscape.systems().size(), "");
        card(out, "components", landscape.components().size(), "");
        card(out, "open findings", open.size(), "");
        card(out, "critical", bySeverity.get(Severity.CRITICAL), "sev-critical");
        card(out, "high", bySeverity.get(Severity.HIGH), "sev-high");
        card(out, "medium", bySeverity.get(Severity.MEDIUM), "sev-medium");
        card(out, "low + info", bySeverity.get(Severity.LOW) + bySeverity.get(Severity.INFO), "sev-low");
        out.append("</div>\n<ul class=\"executive\">\n");
        out.append(String.format(
                "<li>%s: %s, %s and %s, assessed by %s on %s; %s closed by a treatment that holds.</li>%n",
                text(landscape.name()),
                Count.of(landscape.systems().size(), "system"),
                Count.of(landscape.components().size(), "component"),
                Count.of(landscape.allFlows().size(), "flow"),
                Count.of(risk.rulesRun(), "rule"),
                a.today(),
                Count.of(risk.findings().size() - open.size(), "finding is", "findings are")));
        Map<Property, Integer> byProperty = risk.openByProperty();
        out.append(String.format(
                "<li>Open findings threaten safety %d times, confidentiality %d, integrity %d and availability %d.</li>%n",
                byProperty.get(Property.SAFETY),
                byProperty.get(Property.CONFIDENTIALITY),
                byProperty.get(Property.INTEGRITY),
                byProperty.get(Property.AVAILABILITY)));
        Map<String, Integer> serious = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        open.stream().filter(f -> f.severity().compareTo(Severity.HIGH) >= 0).forEach(f -> {
            serious.merge(f.rule(), 1, Integer::sum);
            titles.putIfAbsent(f.rule(), f.title());
        });
        if (!serious.isEmpty()) {
            List<Map.Entry<String, Integer>> top = serious.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(5)
                    .toList();
            out.append("<li>The most frequent critical and high weaknesses: ");
            for (int i = 0; i < top.size(); i++) {
                out.append(i == 0 ? "" : "; ")
                        .append(text(titles.get(top.get(i).getKey())))
                        .append(" (<code>")
                        .append(text(top.get(i).getKey()))
                        .append("</code>, ")
                        .append(top.get(i).getValue())
                        .append(")");
            }
            out.append(".</li>\n");
        }
        SystemicAnalysis s = a.systemic();
        out.append(String.format(
                "<li>From %s an attacker can control %s and influence %d more; %s into other systems.</li>%n",
                Count.of(s.entries().size(), "exposed entry point"),
                Count.of(s.controlledComponents(), "component"),
                s.influencedComponents(),
                Count.of(s.paths().size(), "path crosses", "paths cross")));
        if (!s.blastRadius().isEmpty()) {
            SystemicAnalysis.SystemRadius r = s.blastRadius().get(0);
            out.append("<li>Widest blast radius: system <b>")
                    .append(text(r.system()))
                    .append("</b> (score ")
                    .append(r.score())
                    .append("): ")
                    .append(text(r.explanation()))
                    .append(".</li>\n");
        }
        if (!s.hazards().isEmpty()) {
            out.append("<li>")
                    .append(s.hazards().size())
                    .append(" physical hazards can be triggered by an attacker, ")
                    .append(s.hazards().stream().filter(h -> !h.interlocked()).count())
                    .append(" of them without an interlock.</li>\n");
        }
        if (!s.missions().isEmpty()) {
            out.append("<li>").append(s.missions().size()).append(" missions can be stopped by an attacker.</li>\n");
        }
        long stoppedBySingle = a.missions().missions().stream()
                .filter(m -> m.single().stream()
                        .anyMatch(x -> x.effect() == dev.mamori.engine.missions.MissionAnalysis.Status.STOPPED))
                .count();
        if (!a.missions().missions().isEmpty()) {
            int missions = a.missions().missions().size();
            String whoStops = missions == 1
                    ? (stoppedBySingle == 1 ? "The one mission stops" : "The one mission does not stop")
                    : stoppedBySingle + " of " + missions + " missions " + (stoppedBySingle == 1 ? "stops" : "stop");
            out.append("<li>")
                    .append(whoStops)
                    .append(
                            " when a single component fails (<a href=\"#missions\">missions and scenarios</a>).</li>\n");
        }
        Map<dev.mamori.engine.compliance.Obligation, Long> unmet =
                new java.util.EnumMap<>(dev.mamori.engine.compliance.Obligation.class);
        a.compliance().systems().stream()
                .flatMap(x -> x.requirements().stream())
                .filter(r -> r.verdict() == dev.mamori.engine.compliance.Verdict.NOT_SATISFIED)
                .forEach(r -> unmet.merge(r.obligation(), 1L, Long::sum));
        if (!a.compliance().systems().isEmpty()) {
            out.append("<li>Requirements not satisfied across ")
                    .append(Count.of(a.compliance().systems().size(), "system"))
                    .append(": ");
            List<String> parts = new ArrayList<>();
            for (var o : dev.mamori.engine.compliance.Obligation.values()) {
                parts.add(unmet.getOrDefault(o, 0L) + " " + o.word());
            }
            out.append(String.join(", ", parts)).append(" (<a href=\"#compliance\">compliance</a>).</li>\n");
        }
        long gating = GatePolicy.DEFAULT.failing(a.risk()).size();
        String threshold = GatePolicy.DEFAULT.findings().orElseThrow().word();
        out.append("<li class=\"gate\">Deployment gate (<code>mamori verify --fail-on ")
                .append(threshold)
                .append("</code>): <b>")
                .append(gating == 0 ? "pass" : "fail")
                .append("</b>")
                .append(gating == 0 ? "" : ", " + Count.of(gating, "open finding") + " at or above " + threshold)
                .append(".</li>\n</ul>\n");
        return Optional.of(new Section("summary", "Executive summary", out.toString()));
    }

    private static void card(StringBuilder out, String label, int value, String css) {
        out.append("<div class=\"card ")
                .append(css)
                .append("\"><span class=\"value\">")
                .append(value)
                .append("</span><span class=\"label\">")
                .append(label)
                .append("</span></div>");
    }

    private static Optional<Section> heatMaps(Context c) {
        List<Finding> open = c.assessment().risk().open();
        StringBuilder out = new StringBuilder(
                "<p>Open findings by likelihood (rows) and impact (columns), each from 1 to 5; the colour is the severity of the cell.</p>\n<div class=\"heatmaps\">");
        List<Optional<Property>> maps = new ArrayList<>();
        maps.add(Optional.empty());
        for (Property p : Property.values()) {
            maps.add(Optional.of(p));
        }
        for (Optional<Property> p : maps) {
            HeatMap map = HeatMap.of(open, p);
            out.append("<table class=\"heatmap\" data-property=\"")
                    .append(p.map(Property::letter).orElse("all"))
                    .append("\"><caption>")
                    .append(text(map.title()))
                    .append(" (")
                    .append(map.total())
                    .append(")</caption><tr><th>L \\ I</th>");
            for (int i = 1; i <= 5; i++) {
                out.append("<th>").append(i).append("</th>");
            }
            out.append("</tr>");
            for (int l = 5; l >= 1; l--) {
                out.append("<tr><th>").append(l).append("</th>");
                for (int i = 1; i <= 5; i++) {
                    int n = map.count(l, i);
                    out.append("<td class=\"sev-")
                            .append(HeatMap.severity(l, i).word())
                            .append(n == 0 ? " empty" : "")
                            .append("\" title=\"likelihood ")
                            .append(l)
                            .append(", impact ")
                            .append(i)
                            .append(": ")
                            .append(n)
                            .append("\">")
                            .append(n == 0 ? "" : n)
                            .append("</td>");
                }
                out.append("</tr>");
            }
            out.append("</table>\n");
        }
        out.append("</div>\n");
        return Optional.of(new Section("heatmaps", "Heat maps", out.toString()));
    }

    private static Optional<Section> landscape(Context c) {
        String out =
                legend() + "<div class=\"diagram\">" + c.diagram(c.diagrams()::landscape, "the landscape") + "</div>\n";
        return Optional.of(new Section("landscape", "Landscape", out));
    }

    private static Optional<Section> systems(Context c) {
        StringBuilder out = new StringBuilder(legend());
        List<IotSystem> systems = c.diagrams().systemsByConcern();
        int shown = Math.min(c.options().maxSystemDiagrams(), systems.size());
        if (shown < systems.size()) {
            out.append("<p class=\"note\">The ")
                    .append(shown)
                    .append(" systems of most concern (widest blast radius, then most open findings) of ")
                    .append(systems.size())
                    .append("; <code>mamori report --format svg</code> draws every one.</p>\n");
        }
        for (IotSystem s : systems.subList(0, shown)) {
            out.append("<details class=\"system\"")
                    .append(s == systems.get(0) ? " open" : "")
                    .append("><summary>")
                    .append(text(s.id()))
                    .append(": ")
                    .append(text(s.name()))
                    .append(" — ")
                    .append(s.components().size())
                    .append(" components, ")
                    .append(c.diagrams().openIn(s.id()))
                    .append(" open findings</summary><div class=\"diagram\">")
                    .append(c.diagram(() -> c.diagrams().system(s), "system " + s.id()))
                    .append("</div></details>\n");
        }
        return Optional.of(new Section("systems", "Systems by layer", out.toString()));
    }

    /**
     * What the lines, borders and marks of the diagrams mean. Each kind of line is shown as a short
     * line drawn in CSS, and the hazard as the same warning sign the diagrams draw: the PDF's font has
     * no glyph for heavy or dashed box-drawing lines nor for U+26A0.
     */
    static String legend() {
        return "<p class=\"legend\"><span class=\"swatch command\"></span>command flow"
                + " <span class=\"swatch data\"></span>data flow"
                + " <span class=\"swatch credential\"></span>credential"
                + " <span class=\"swatch cut\"></span>cut (isolation plan)"
                + " · border: worst open finding (<span class=\"sev-critical\">critical</span>, <span class=\"sev-high\">high</span>,"
                + " <span class=\"sev-medium\">medium</span>) · " + HAZARD_SIGN + "hazard</p>\n";
    }

    /** The warning sign of the diagrams, for the legend. */
    private static final String HAZARD_SIGN =
            "<svg class=\"sign\" xmlns=\"http://www.w3.org/2000/svg\" width=\"12\" height=\"11\" viewBox=\"0 0 12 11\" aria-hidden=\"true\">"
                    + "<path d=\"M0,11 L6,0 L12,11 z\" fill=\"" + Palette.HAZARD_MARK + "\"/>"
                    + "<text x=\"6\" y=\"10\" font-size=\"8\" font-weight=\"bold\" font-family=\"Liberation Sans, Arial, sans-serif\" text-anchor=\"middle\" fill=\"#ffffff\">!</text></svg>";

    private static Optional<Section> findings(Context c) {
        Assessment a = c.assessment();
        List<Finding> all = a.risk().findings();
        int max = c.options().maxFindings();
        List<Finding> shown = all.size() > max ? all.subList(0, max) : all;
        StringBuilder out = new StringBuilder();
        out.append("<form class=\"filters\" id=\"filters\" onsubmit=\"return false\">");
        out.append(
                "<label>Search <input type=\"search\" id=\"f-search\" placeholder=\"rule, element, file, words…\"></label>");
        out.append("<label>Severity at least <select id=\"f-severity\"><option value=\"0\">any</option>"
                + "<option value=\"1\">low</option><option value=\"2\">medium</option><option value=\"3\">high</option>"
                + "<option value=\"4\">critical</option></select></label>");
        out.append(
                "<label>Property <select id=\"f-property\"><option value=\"\">any</option><option value=\"S\">safety</option>"
                        + "<option value=\"C\">confidentiality</option><option value=\"I\">integrity</option>"
                        + "<option value=\"A\">availability</option></select></label>");
        TreeSet<String> systems = new TreeSet<>();
        shown.forEach(f -> systems.add(f.element().systemWord()));
        out.append("<label>System <select id=\"f-system\"><option value=\"\">any</option>");
        systems.forEach(s -> out.append("<option>").append(text(s)).append("</option>"));
        out.append("</select></label>");
        out.append(
                "<label>Layer <select id=\"f-layer\"><option value=\"\">any</option><option>device</option>"
                        + "<option>network</option><option>platform</option><option>service</option><option>other</option></select></label>");
        out.append(
                "<label>Status <select id=\"f-status\"><option value=\"open\">open</option><option value=\"closed\">closed by a treatment</option>"
                        + "<option value=\"\">all</option></select></label>");
        out.append("<span id=\"f-count\" class=\"count\"></span></form>\n");
        if (shown.size() < all.size()) {
            out.append("<p class=\"note\">The ")
                    .append(shown.size())
                    .append(" most severe of ")
                    .append(all.size())
                    .append(
                            " findings are listed; the JSON assessment (<code>mamori assess --format json</code>) and SARIF have all.</p>\n");
        }
        out.append(
                "<table class=\"findings\" id=\"findings-table\"><thead><tr><th>severity</th><th>L×I</th><th>S C I A</th><th>rule</th>"
                        + "<th>element</th><th>system / layer</th><th>where</th><th>why, and the fix</th></tr></thead><tbody>\n");
        // The rules that see one problem (one root cause on one element), so that each row can name
        // the others: three near-identical rows read as one thing to fix.
        java.util.Map<List<Object>, List<String>> problemRules = new java.util.HashMap<>();
        for (var problem : a.risk().openProblems()) {
            problemRules.put(RiskAssessment.Problem.keyOf(problem.lead()), problem.rules());
        }
        for (Finding f : shown) {
            String props = String.join(
                    "", f.properties().stream().sorted().map(Property::letter).toList());
            List<String> sameProblem = f.open()
                    ? problemRules.getOrDefault(RiskAssessment.Problem.keyOf(f), List.of()).stream()
                            .filter(r -> !r.equals(f.rule()))
                            .toList()
                    : List.of();
            out.append("<tr class=\"finding sev-row-")
                    .append(f.severity().word())
                    .append("\" data-severity=\"")
                    .append(f.severity().ordinal())
                    .append("\" data-properties=\"")
                    .append(props)
                    .append("\" data-system=\"")
                    .append(attr(f.element().systemWord()))
                    .append("\" data-layer=\"")
                    .append(f.element().layerWord())
                    .append("\" data-status=\"")
                    .append(f.open() ? "open" : "closed")
                    .append("\"><td><span class=\"badge sev-")
                    .append(f.severity().word())
                    .append("\">")
                    .append(f.severity().word())
                    .append("</span></td><td>")
                    .append(f.likelihood().level())
                    .append("×")
                    .append(f.impact().level())
                    .append("</td><td class=\"props\">")
                    .append(props)
                    .append("</td><td><code>")
                    .append(text(f.rule()))
                    .append("</code><br><span class=\"title\">")
                    .append(text(f.title()))
                    .append("</span>")
                    .append(
                            sameProblem.isEmpty()
                                    ? ""
                                    : "<br><span class=\"kind\">the same problem as "
                                            + text(String.join(", ", sameProblem)) + "</span>")
                    .append("</td><td>")
                    .append(text(f.element().id()))
                    .append("<br><span class=\"kind\">")
                    .append(text(f.element().kindWord()))
                    .append("</span></td><td>")
                    .append(text(f.element().systemWord()))
                    .append(" / ")
                    .append(f.element().layerWord())
                    .append("</td><td class=\"where\">")
                    .append(text(f.location().file()))
                    .append(':')
                    .append(f.location().line())
                    .append("</td><td>")
                    .append(text(f.explanation()))
                    .append(f.wayIn()
                            .map(w -> "<div class=\"way-in\">first, a way in: " + text(w) + "</div>")
                            .orElse(""))
                    .append(f.treatment()
                            .map(t -> "<div class=\"treatment\">" + text(t.describe()) + "</div>")
                            .orElse(""))
                    .append("<details><summary>fix, and how it was scored</summary><ul>");
            f.mitigations().forEach(m -> out.append("<li>").append(text(m)).append("</li>"));
            out.append("</ul><p class=\"scoring\">").append(text(f.scoring())).append("</p></details></td></tr>\n");
        }
        out.append("</tbody></table>\n");
        return Optional.of(new Section("findings", "Findings", out.toString()));
    }

    private static Optional<Section> systemic(Context c) {
        SystemicAnalysis s = c.assessment().systemic();
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "<p>From %s an attacker can control %s and influence %d more.</p>%n",
                Count.of(s.entries().size(), "entry point"),
                Count.of(s.controlledComponents(), "component"),
                s.influencedComponents()));
        out.append(legend())
                .append("<div class=\"diagram\">")
                .append(c.diagram(c.diagrams()::systemic, "the systemic view"))
                .append("</div>\n");
        if (!s.paths().isEmpty()) {
            out.append("<h3>Paths into other systems, most likely first</h3>\n<ol class=\"paths\">");
            s.paths().stream()
                    .limit(20)
                    .forEach(p -> out.append("<li><b>")
                            .append(text(p.target()))
                            .append("</b> (system ")
                            .append(text(p.targetSystem()))
                            .append(String.format(Locale.ROOT, "), p = %.2f: ", p.probability()))
                            .append(text(hops(p.hops())))
                            .append("</li>"));
            out.append("</ol>\n");
        }
        out.append(
                "<h3>Blast radius</h3>\n<table class=\"plain\"><tr><th>system</th><th>score</th><th>reaches</th></tr>");
        s.blastRadius().stream()
                .limit(50)
                .forEach(r -> out.append("<tr><td>")
                        .append(text(r.system()))
                        .append("</td><td>")
                        .append(r.score())
                        .append("</td><td>")
                        .append(text(r.systemsReached().isEmpty() ? "—" : String.join(", ", r.systemsReached())))
                        .append("</td></tr>"));
        out.append("</table>\n");
        if (!s.hazards().isEmpty()) {
            out.append("<h3>Hazards an attacker can trigger</h3>\n<ul>");
            s.hazards().stream()
                    .sorted(Comparator.comparingDouble(SystemicAnalysis.HazardReach::probability)
                            .reversed())
                    .limit(MAX_LISTED)
                    .forEach(h -> out.append("<li>")
                            .append(text(h.hazard()))
                            .append(" (")
                            .append(text(h.severity()))
                            .append(text(h.onUnits()))
                            .append(h.interlocked() ? ", held back by an interlock" : "")
                            .append(String.format(Locale.ROOT, "), p = %.2f</li>", h.probability())));
            out.append("</ul>\n");
            more(out, s.hazards().size(), "hazards, the most likely listed");
        }
        if (!s.dataRead().isEmpty()) {
            out.append("<h3>Data an attacker can read</h3>\n<ul>");
            s.dataRead().stream()
                    .limit(MAX_LISTED)
                    .forEach(r -> out.append("<li>")
                            .append(text(r.data()))
                            .append(" (confidentiality ")
                            .append(text(r.confidentiality()))
                            .append(r.personal() ? ", personal" : "")
                            .append(String.format(Locale.ROOT, "), p = %.2f, ", r.probability()))
                            .append(text(r.where()))
                            .append("; ")
                            .append(text(r.egress()))
                            .append("</li>"));
            out.append("</ul>\n");
            more(out, s.dataRead().size(), "data assets, the most confidential listed");
        }
        if (!s.dataTampered().isEmpty()) {
            out.append("<h3>Data an attacker can change</h3>\n<ul>");
            s.dataTampered().stream()
                    .limit(MAX_LISTED)
                    .forEach(t -> out.append("<li>")
                            .append(text(t.data()))
                            .append(" (integrity ")
                            .append(text(t.integrity()))
                            .append(String.format(Locale.ROOT, "), p = %.2f, ", t.probability()))
                            .append(text(t.where()))
                            .append("</li>"));
            out.append("</ul>\n");
            more(out, s.dataTampered().size(), "data assets, the most integrity-critical listed");
        }
        if (!s.missions().isEmpty()) {
            out.append("<h3>Missions an attacker can stop</h3>\n<ul>");
            s.missions().stream()
                    .limit(MAX_LISTED)
                    .forEach(m -> out.append("<li>")
                            .append(text(m.mission()))
                            .append(": ")
                            .append(text(String.join(", ", m.compromisedNeeds())))
                            .append("</li>"));
            out.append("</ul>\n");
            more(out, s.missions().size(), "missions");
        }
        s.isolation().ifPresent(i -> {
            out.append("<h3 id=\"isolation\">Isolation plan: keep ")
                    .append(text(i.from()))
                    .append(" away from ")
                    .append(text(i.protect()))
                    .append("</h3>\n");
            if (!i.alreadyIsolated() && i.cuts().isEmpty()) {
                out.append("<p>Total cost ").append(i.cost()).append(".</p>\n");
            } else if (!i.alreadyIsolated()) {
                out.append("<p>Cut or harden these relations (total cost ")
                        .append(i.cost())
                        .append(
                                "); they are drawn black and dashed on the diagram above.</p><table class=\"plain\"><tr><th>element</th><th>from</th><th>to</th><th>weakness</th><th>cost</th><th>why</th></tr>");
                i.cuts()
                        .forEach(cut -> out.append("<tr><td>")
                                .append(text(cut.element()))
                                .append("</td><td>")
                                .append(text(cut.from()))
                                .append("</td><td>")
                                .append(text(cut.to()))
                                .append("</td><td>")
                                .append(text(cut.weakness()))
                                .append("</td><td>")
                                .append(cut.cost())
                                .append("</td><td>")
                                .append(text(cut.why()))
                                .append("</td></tr>"));
                out.append("</table>\n");
            }
            if (!i.alreadyIsolated()) {
                i.changes()
                        .forEach(change -> out.append("<p>Change (")
                                .append(change.kind().word())
                                .append("): ")
                                .append(text(change.why()))
                                .append("</p>\n"));
            }
            // the plan was checked; when it does not isolate, never let a reader take it as done
            out.append(i.verified() ? "<p>" : "<p class=\"note\"><b>")
                    .append(text(i.verdict()))
                    .append(i.verified() ? "</p>\n" : "</b></p>\n");
        });
        return Optional.of(new Section("systemic", "Systemic risk", out.toString()));
    }

    /** Lists of the systemic view (hazards, missions) hold at most this many; the JSON assessment has all. */
    static final int MAX_LISTED = 100;

    private static void more(StringBuilder out, int size, String what) {
        if (size > MAX_LISTED) {
            out.append("<p class=\"note\">")
                    .append(MAX_LISTED)
                    .append(" of ")
                    .append(size)
                    .append(' ')
                    .append(what)
                    .append("; <code>mamori systemic</code> and the JSON assessment have all.</p>\n");
        }
    }

    private static Optional<Section> warnings(Context c) {
        List<Diagnostic> diagnostics = c.assessment().diagnostics();
        if (diagnostics.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder("<ul class=\"warnings\">");
        diagnostics.stream()
                .sorted(Comparator.comparing(Diagnostic::at))
                .forEach(d -> out.append("<li><code>")
                        .append(text(d.at().toString()))
                        .append("</code> ")
                        .append(text(d.message()))
                        .append("</li>"));
        out.append("</ul>\n");
        return Optional.of(new Section("warnings", "Warnings", out.toString()));
    }

    private static String hops(List<dev.mamori.engine.systemic.Hop> hops) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hops.size(); i++) {
            var h = hops.get(i);
            if (i == 0) {
                out.append(h.from());
            }
            out.append(" →(")
                    .append(h.relation().name().toLowerCase(Locale.ROOT))
                    .append(": ")
                    .append(h.described())
                    .append(") ")
                    .append(h.to());
        }
        return out.toString();
    }

    static String text(String s) {
        return dev.mamori.report.diagram.Xml.text(s);
    }

    static String attr(String s) {
        return dev.mamori.report.diagram.Xml.attribute(s);
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
