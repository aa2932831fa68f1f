package dev.mamori.server.web;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.compliance.ComplianceResult;
import dev.mamori.engine.compliance.ConformanceStatement;
import dev.mamori.engine.missions.MissionAnalysis;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.systemic.Hop;
import dev.mamori.engine.systemic.SystemicAnalysis;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.model.Mission;
import dev.mamori.report.compliance.ConformanceStatementMarkdown;
import dev.mamori.report.diagram.Diagram;
import dev.mamori.report.diff.AssessmentDiff;
import dev.mamori.report.diff.Snapshot;
import dev.mamori.report.oscal.OscalExport;
import dev.mamori.report.sarif.SarifReport;
import dev.mamori.server.ApiError;
import dev.mamori.server.account.Role;
import dev.mamori.server.audit.AuditLog;
import dev.mamori.server.revision.Redaction;
import dev.mamori.server.web.PageData.AuditRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.elk.core.options.Direction;

/**
 * The pages made from a revision's whole assessment, each cut down to what the stakeholder may
 * see: systemic paths (the API's redacted view) and the isolation plan, missions, compliance with
 * its downloads, history with the diff between two revisions, and the stakeholder's admin page.
 */
final class AnalysisPages {

    /** What the reports say made them. */
    static final String VERSION = Optional.ofNullable(
                    AnalysisPages.class.getPackage().getImplementationVersion())
            .orElse("0.1.0-SNAPSHOT");

    private static final int MAX_PATHS = 25;

    private final Pages pages;

    AnalysisPages(Pages pages) {
        this.pages = pages;
    }

    private LandscapePages landscape() {
        return new LandscapePages(pages);
    }

    private Snapshots.Snapshot latest(LandscapePages.Context c) {
        return pages.snapshots.snapshot(c.viewer(), pages.snapshots.revision(c.viewer(), Optional.empty()));
    }

    /** A component of the stakeholder's own systems by name; another's as "a component of system X". */
    private static String shown(String component, Set<String> own) {
        String system = Redacted.systemOf(component);
        return own.contains(system) ? component : "a component of system " + system;
    }

    WebResponse paths(WebRequest r, LandscapePages.Context c) {
        Snapshots.Snapshot snap = latest(c);
        Assessment a = snap.assessment();
        Set<String> own = snap.systemsOf(c.stakeholder());
        String from = r.query("from").orElse("");
        String protect = r.query("protect").orElse("");
        if (!from.isEmpty() && !a.landscape().systems().containsKey(from)) {
            throw ApiError.badRequest("from names a system of the landscape");
        }
        if (!protect.isEmpty() && !own.contains(protect)) {
            throw ApiError.badRequest("protect names one of your own systems");
        }
        List<Map<String, Object>> found = new ArrayList<>();
        Optional<SystemicAnalysis.Isolation> isolation = Optional.empty();
        if (from.isEmpty() && protect.isEmpty()) {
            // The paths stored with the revision, as the API serves them.
            Map<String, Object> answer = pages.services
                    .views()
                    .paths(c.viewer(), Optional.of(snap.revision().number()));
            for (Object o : (List<?>) answer.get("paths")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> p = (Map<String, Object>) o;
                found.add(p);
            }
        } else {
            // A question asked from the page, as mamori systemic --from/--protect, its answer cut down as the API's.
            SystemicAnalysis asked = pages.snapshots
                    .ask(
                            c.viewer(),
                            snap.revision(),
                            new SystemicAnalyzer.Options(
                                    from.isEmpty() ? Optional.empty() : Optional.of(from),
                                    protect.isEmpty() ? Optional.empty() : Optional.of(protect),
                                    List.of()))
                    .systemic();
            isolation = asked.isolation();
            for (SystemicAnalysis.Path p : asked.paths()) {
                if (!own.contains(p.targetSystem())) {
                    continue;
                }
                List<Map<String, Object>> hops = new ArrayList<>();
                for (Hop h : p.hops()) {
                    Map<String, Object> hop = new java.util.LinkedHashMap<>();
                    hop.put("from", h.from());
                    hop.put("to", h.to());
                    hop.put(
                            "relation",
                            h.relation()
                                    .name()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .replace('_', '-'));
                    hop.put("weakness", h.weakness());
                    hop.put("probability", h.probability());
                    hops.add(hop);
                }
                Map<String, Object> shown = new java.util.LinkedHashMap<>();
                shown.put("target", p.target());
                shown.put("targetSystem", p.targetSystem());
                shown.put("entry", Redaction.entry(p.entry(), snap.systemOwners(), c.stakeholder()));
                shown.put("probability", p.probability());
                shown.put("hops", Redaction.hops(hops, snap.systemOwners(), c.stakeholder()));
                found.add(shown);
            }
        }
        List<PageData.PathView> views = new ArrayList<>();
        Diagram d = new Diagram("paths", "Paths into the systems of " + c.stakeholder(), Direction.RIGHT, false);
        // Each relation drawn once however many paths take it, in the colour of how it is taken.
        Map<String, String[]> links = new java.util.LinkedHashMap<>();
        int drawn = 0;
        for (Map<String, Object> p : found) {
            List<String> hops = new ArrayList<>();
            List<String[]> steps = new ArrayList<>();
            String last = null;
            for (Object h : (List<?>) p.get("hops")) {
                Map<?, ?> hop = (Map<?, ?>) h;
                hops.add(hop(hop));
                String tail;
                String head;
                if (hop.containsKey("summary")) {
                    tail = "system " + hop.get("inside");
                    head = tail;
                } else if (hop.containsKey("fromSystem")) {
                    tail = "system " + hop.get("fromSystem");
                    head = "system " + hop.get("toSystem");
                } else {
                    tail = shownNode(String.valueOf(hop.get("from")), own);
                    head = shownNode(String.valueOf(hop.get("to")), own);
                }
                if (last != null && !last.equals(tail)) {
                    steps.add(new String[] {last, tail, "data"});
                }
                steps.add(new String[] {tail, head, linkClass(String.valueOf(hop.get("relation")))});
                last = head;
            }
            views.add(new PageData.PathView(
                    String.valueOf(p.get("target")),
                    String.valueOf(p.get("entry")),
                    String.format(java.util.Locale.ROOT, "%.2f", ((Number) p.get("probability")).doubleValue()),
                    hops));
            if (drawn++ < MAX_PATHS) {
                for (String[] step : steps) {
                    for (String node : List.of(step[0], step[1])) {
                        if (!d.has(node)) {
                            boolean mine = !node.startsWith("system ");
                            d.box(
                                    node,
                                    null,
                                    node,
                                    mine ? "" : "another's",
                                    mine ? "node" : "node aggregate",
                                    node,
                                    -1);
                        }
                    }
                    if (!step[0].equals(step[1])) {
                        links.putIfAbsent(step[0] + "\u0000" + step[1], step);
                    }
                }
            }
        }
        links.values().forEach(l -> d.link(l[0], l[1], l[2], l[0] + " → " + l[1] + " (" + l[2] + ")"));
        List<PageData.CutView> cuts = new ArrayList<>();
        String plan;
        if (protect.isEmpty()) {
            plan = "Choose one of your systems to protect: the cheapest relations to cut or harden are worked out,"
                    + " applied and checked before they are shown.";
        } else if (isolation.isEmpty()) {
            plan = "No plan could be made for " + protect + ".";
        } else {
            int hidden = 0;
            for (SystemicAnalysis.Cut cut : isolation.get().cuts()) {
                if (own.contains(Redacted.systemOf(cut.from())) || own.contains(Redacted.systemOf(cut.to()))) {
                    cuts.add(new PageData.CutView(
                            cut.from(), cut.to(), cut.element(), cut.weakness(), cut.cost(), cut.why()));
                } else {
                    hidden++;
                }
            }
            SystemicAnalysis.Isolation plan1 = isolation.get();
            plan = plan1.alreadyIsolated()
                    ? protect + " is already out of reach of " + plan1.from() + "."
                    : "To keep " + plan1.from() + " out of " + protect + ": "
                            + plan1.cuts().size() + " cut(s)"
                            + (plan1.changes().isEmpty()
                                    ? ""
                                    : " and " + plan1.changes().size()
                                            + " other change(s) (capacity, a spare, an egress rule or a link's own"
                                            + " protection)")
                            + ", cost "
                            + plan1.cost()
                            + (hidden > 0 ? " (" + hidden + " in other stakeholders' systems, theirs to make)" : "")
                            + (plan1.verified()
                                    ? ". The plan was applied and the analysis run again: it isolates."
                                    : ". Applied and run again, the plan does not isolate everything: what the model offers cannot.");
        }
        List<PageData.Option> froms = new ArrayList<>();
        froms.add(new PageData.Option("", "the exposed components", from.isEmpty()));
        a.landscape().systems().keySet().stream()
                .sorted()
                .forEach(id -> froms.add(new PageData.Option(id, "system " + id, id.equals(from))));
        List<PageData.Option> protects = new ArrayList<>();
        protects.add(new PageData.Option("", "(none)", protect.isEmpty()));
        own.forEach(id -> protects.add(new PageData.Option(id, id, id.equals(protect))));
        String svg = views.isEmpty() ? "" : d.svg();
        return pages.page(
                200,
                "paths.jte",
                landscape().layout(c, "Systemic paths", "paths"),
                new PageData.PathsPage(snap.revision().number(), svg, views, cuts, plan, froms, protects));
    }

    /** The diagram's class for a hop's relation: the kinds its style sheet draws, anything else as data. */
    static String linkClass(String relation) {
        return switch (relation) {
            case "command", "credential", "lateral", "zone-member" -> relation;
            default -> "data";
        };
    }

    /** A hop as the redacted paths give it, in words: a summary, two systems, or two components and how. */
    static String hop(Map<?, ?> hop) {
        if (hop.containsKey("summary")) {
            return String.valueOf(hop.get("summary"));
        }
        if (hop.containsKey("fromSystem")) {
            return "system " + hop.get("fromSystem") + " → system " + hop.get("toSystem") + " (" + hop.get("relation")
                    + ")";
        }
        return hop.get("from") + " → " + hop.get("to") + " (" + hop.get("relation")
                + (hop.get("weakness") == null ? "" : ": " + hop.get("weakness")) + ")";
    }

    private static String shownNode(String component, Set<String> own) {
        String s = shown(component, own);
        return s.startsWith("a component of ") ? s.substring("a component of ".length()) : s;
    }

    WebResponse missions(LandscapePages.Context c) {
        Snapshots.Snapshot snap = latest(c);
        Assessment a = snap.assessment();
        Set<String> own = snap.systemsOf(c.stakeholder());
        Set<String> visible = new TreeSet<>();
        List<PageData.MissionView> missions = new ArrayList<>();
        for (MissionAnalysis.MissionCriticality m : a.missions().missions()) {
            Mission mission = a.landscape().missions().get(m.mission());
            String owner =
                    mission == null ? "" : mission.owner().map(r -> r.text()).orElse("");
            boolean touches = owner.equals(c.stakeholder())
                    || m.needs().stream().anyMatch(n -> own.contains(Redacted.systemOf(n)));
            if (!touches) {
                continue;
            }
            visible.add(m.mission());
            missions.add(new PageData.MissionView(
                    m.mission(),
                    m.name(),
                    owner.isEmpty() ? "no owner named" : owner,
                    mission == null
                            ? ""
                            : mission.rto().map(AnalysisPages::duration).orElse("none"),
                    mission == null
                            ? ""
                            : mission.maxTolerableDowntime()
                                    .map(AnalysisPages::duration)
                                    .orElse("none"),
                    m.single().stream()
                            .map(s -> shown(s.component(), own) + " "
                                    + s.effect()
                                            .toString()
                                            .toLowerCase(java.util.Locale.ROOT)
                                            .replace('_', ' ') + " it")
                            .distinct()
                            .toList(),
                    m.pairs().stream()
                            .limit(20)
                            .map(p -> shown(p.first(), own) + " with " + shown(p.second(), own))
                            .distinct()
                            .toList()));
        }
        List<PageData.ScenarioView> scenarios = new ArrayList<>();
        for (MissionAnalysis.ScenarioResult s : a.missions().scenarios()) {
            List<String> outcomes = new ArrayList<>();
            for (MissionAnalysis.MissionOutcome o : s.missions()) {
                if (!visible.contains(o.mission())) {
                    continue;
                }
                outcomes.add(o.mission() + ": "
                        + o.status()
                                .toString()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('_', ' ')
                        + o.backAfter().map(d -> ", back after " + duration(d)).orElse("")
                        + o.rto().map(d -> " (RTO " + duration(d) + ")").orElse("")
                        + o.maxDowntime()
                                .map(d -> " (maximum downtime " + duration(d) + ")")
                                .orElse("")
                        + o.meetsObjectives()
                                .map(ok -> ok ? " — objectives met" : " — objectives missed")
                                .orElse(""));
            }
            if (!outcomes.isEmpty()) {
                scenarios.add(new PageData.ScenarioView(s.name(), outcomes, gantt(s, visible, own)));
            }
        }
        return pages.page(
                200,
                "missions.jte",
                landscape().layout(c, "Missions", "missions"),
                new PageData.MissionsPage(snap.revision().number(), missions, scenarios));
    }

    /**
     * A scenario's restoration as a Gantt chart: one bar per step from when it can start to when the
     * component runs again, another's components named by their system only, and the recovery
     * objectives of the missions the stakeholder sees as vertical lines. Classes only: the colours
     * come from the style sheet.
     */
    static String gantt(MissionAnalysis.ScenarioResult s, Set<String> visibleMissions, Set<String> own) {
        List<MissionAnalysis.Step> steps = s.restoration().stream()
                .filter(st -> st.done().isPresent())
                .limit(40)
                .toList();
        if (steps.isEmpty()) {
            return "";
        }
        long end = 1;
        for (MissionAnalysis.Step st : steps) {
            end = Math.max(end, st.done().get().toSeconds());
        }
        List<long[]> objectives = new ArrayList<>();
        List<String> objectiveNames = new ArrayList<>();
        for (MissionAnalysis.MissionOutcome o : s.missions()) {
            if (!visibleMissions.contains(o.mission())) {
                continue;
            }
            o.rto().ifPresent(d -> {
                objectives.add(new long[] {d.toSeconds(), 0});
                objectiveNames.add("RTO of " + o.mission() + " " + duration(d));
            });
            o.maxDowntime().ifPresent(d -> {
                objectives.add(new long[] {d.toSeconds(), 1});
                objectiveNames.add("maximum downtime of " + o.mission() + " " + duration(d));
            });
        }
        for (long[] o : objectives) {
            end = Math.max(end, o[0]);
        }
        int label = 230;
        int plot = 520;
        int row = 22;
        int height = 30 + steps.size() * row;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                java.util.Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gantt\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                        + " role=\"img\" aria-label=\"Restoration of scenario %s\">",
                label + plot + 20,
                height + 20,
                label + plot + 20,
                height + 20,
                Xml.escape(s.name())));
        int y = 20;
        for (MissionAnalysis.Step st : steps) {
            String name = shown(st.component(), own);
            double x0 = label + (double) st.start().map(Duration::toSeconds).orElse(0L) * plot / end;
            double x1 = label + (double) st.done().get().toSeconds() * plot / end;
            svg.append(String.format(
                    java.util.Locale.ROOT,
                    "<text class=\"axis\" x=\"4\" y=\"%d\">%s</text><rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\""
                            + " height=\"14\"><title>%s: %s, back after %s</title></rect>",
                    y + 11,
                    Xml.escape(name.length() > 34 ? name.substring(0, 33) + "…" : name),
                    st.cause().equals("compromised") ? "compromised" : "failed",
                    x0,
                    y,
                    Math.max(2, x1 - x0),
                    Xml.escape(name),
                    Xml.escape(st.cause()),
                    duration(st.done().get())));
            y += row;
        }
        for (int i = 0; i < objectives.size(); i++) {
            double x = label + (double) objectives.get(i)[0] * plot / end;
            svg.append(String.format(
                    java.util.Locale.ROOT,
                    "<line class=\"%s\" x1=\"%.1f\" y1=\"10\" x2=\"%.1f\" y2=\"%d\"><title>%s</title></line>",
                    objectives.get(i)[1] == 0 ? "rto" : "mtd",
                    x,
                    x,
                    height,
                    Xml.escape(objectiveNames.get(i))));
        }
        svg.append(String.format(
                java.util.Locale.ROOT,
                "<text class=\"axis\" x=\"%d\" y=\"%d\">0</text><text class=\"axis\" x=\"%d\" y=\"%d\""
                        + " text-anchor=\"end\">%s</text>",
                label,
                height + 14,
                label + plot,
                height + 14,
                duration(Duration.ofSeconds(end))));
        return svg.append("</svg>").toString();
    }

    static String duration(Duration d) {
        long minutes = d.toMinutes();
        if (minutes >= 60 * 24 && minutes % (60 * 24) == 0) {
            return minutes / (60 * 24) + " d";
        }
        if (minutes >= 60) {
            return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        return minutes + " min";
    }

    /** The compliance of the stakeholder's own systems only. */
    private static ComplianceResult ownCompliance(Snapshots.Snapshot snap, String stakeholder) {
        Set<String> own = snap.systemsOf(stakeholder);
        ComplianceResult all = snap.assessment().compliance();
        return new ComplianceResult(
                all.catalog(),
                all.jurisdictions(),
                all.systems().stream().filter(s -> own.contains(s.system())).toList());
    }

    WebResponse compliance(WebRequest r, LandscapePages.Context c, List<String> rest) {
        Snapshots.Snapshot snap = latest(c);
        ComplianceResult mine = ownCompliance(snap, c.stakeholder());
        if (rest.size() == 2 && rest.get(1).equals("ics")) {
            String standard = r.query("standard").orElse(ICS_DEFAULT);
            if (!ConformanceStatement.etsiVersions().contains(standard)
                    || !mine.catalog().standards().containsKey(standard)) {
                throw ApiError.badRequest(
                        "standard is one of " + String.join(", ", ConformanceStatement.etsiVersions()));
            }
            return WebResponse.download(
                    "text/markdown; charset=utf-8",
                    c.viewer().landscape().id() + "-" + c.stakeholder() + "-r"
                            + snap.revision().number() + "-" + standard + ".md",
                    ics(mine, standard).getBytes(StandardCharsets.UTF_8));
        }
        if (rest.size() == 2 && rest.get(1).equals("sarif")) {
            Assessment seen = Pages.seenBy(snap.assessment(), pages.snapshots.visible(snap, c.stakeholder()));
            return WebResponse.download(
                    "application/sarif+json",
                    c.viewer().landscape().id() + "-" + c.stakeholder() + "-r"
                            + snap.revision().number() + ".sarif",
                    SarifReport.render(seen, VERSION).getBytes(StandardCharsets.UTF_8));
        }
        if (rest.size() == 2 && rest.get(1).equals("oscal")) {
            Assessment seen = Pages.seenBy(snap.assessment(), pages.snapshots.visible(snap, c.stakeholder()));
            return WebResponse.download(
                    "application/zip",
                    c.viewer().landscape().id() + "-" + c.stakeholder() + "-r"
                            + snap.revision().number() + "-oscal.zip",
                    zip(OscalExport.of(seen, mine, VERSION)));
        }
        if (rest.size() != 1) {
            return pages.error(404, "there is no such page");
        }
        List<PageData.SystemCompliance> systems = new ArrayList<>();
        for (ComplianceResult.SystemCompliance s : mine.systems()) {
            List<PageData.RequirementRow> rows = new ArrayList<>();
            int satisfied = 0;
            for (ComplianceResult.RequirementResult req : s.requirements()) {
                if (req.verdict().word().equals("satisfied")) {
                    satisfied++;
                }
                rows.add(new PageData.RequirementRow(
                        req.requirement().id(),
                        req.requirement().title(),
                        req.obligation().word(),
                        req.verdict().word(),
                        req.why()));
            }
            systems.add(new PageData.SystemCompliance(
                    s.system() + ": " + s.systemName(),
                    s.profile().id(),
                    satisfied + " of " + rows.size() + " requirements satisfied",
                    rows));
        }
        String base = c.base() + "compliance/";
        List<PageData.Link> ics = ConformanceStatement.etsiVersions().stream()
                .filter(mine.catalog().standards()::containsKey)
                .sorted(java.util.Comparator.reverseOrder())
                .map(st -> new PageData.Link(
                        "ETSI EN 303 645 "
                                + st.substring(st.lastIndexOf('-') + 1).toUpperCase(java.util.Locale.ROOT)
                                + " conformance statement",
                        base + "ics?standard=" + Pages.encode(st)))
                .toList();
        return pages.page(
                200,
                "compliance.jte",
                landscape().layout(c, "Compliance", "compliance"),
                new PageData.CompliancePage(snap.revision().number(), systems, base + "sarif", base + "oscal", ics));
    }

    /** The edition {@code mamori comply --format ics} fills in when none is named. */
    static final String ICS_DEFAULT = "etsi-en-303-645-v3.1.3";

    /**
     * The ETSI EN 303 645 implementation conformance statement of each of the stakeholder's own
     * systems, as {@code mamori comply --format ics} writes it.
     */
    static String ics(ComplianceResult mine, String standard) {
        if (mine.systems().isEmpty()) {
            return "# Implementation conformance statement\n\nYou own no system in this landscape.\n";
        }
        List<String> parts = new ArrayList<>();
        for (ComplianceResult.SystemCompliance s : mine.systems()) {
            parts.add(ConformanceStatementMarkdown.render(ConformanceStatement.of(mine.catalog(), s, standard)));
        }
        return String.join("\n", parts);
    }

    private static byte[] zip(List<OscalExport.Document> documents) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (OscalExport.Document d : documents) {
                ZipEntry e = new ZipEntry(d.file());
                // A fixed time: the same revision gives the same bytes.
                e.setTime(0L);
                zip.putNextEntry(e);
                zip.write(d.json().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    WebResponse history(WebRequest r, LandscapePages.Context c) {
        List<PageData.RevisionRow> rows = new ArrayList<>();
        for (Map<String, Object> rev : pages.services.views().revisions(c.viewer())) {
            rows.add(new PageData.RevisionRow(
                    ((Number) rev.get("revision")).intValue(),
                    String.valueOf(rev.get("stakeholder")),
                    String.valueOf(rev.getOrDefault("kind", "push")),
                    String.valueOf(rev.get("created")),
                    rev.containsKey("author") ? String.valueOf(rev.get("author")) : "",
                    rev.containsKey("message") ? String.valueOf(rev.get("message")) : "",
                    String.valueOf(rev.get("contentHash")).substring(0, 12)));
        }
        Optional<PageData.DiffView> diff = Optional.empty();
        int from = 0;
        int to = 0;
        if (r.query("from").isPresent() && r.query("to").isPresent()) {
            try {
                from = Integer.parseInt(r.query("from").get());
                to = Integer.parseInt(r.query("to").get());
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("from and to are revision numbers");
            }
            diff = Optional.of(diff(c, from, to));
        } else if (rows.size() >= 2) {
            from = rows.get(1).number();
            to = rows.get(0).number();
        }
        return pages.page(
                200,
                "history.jte",
                landscape().layout(c, "History", "history"),
                new PageData.HistoryPage(rows, diff, from, to, trend(c), met(c)));
    }

    /**
     * Requirements met per revision over the stakeholder's own systems (as each revision's owners
     * had them), as bars of the share satisfied with the counts: stored with each revision when it
     * was assessed, so no old revision is assessed again for it. Revisions stored before the server
     * kept these counts have no bar.
     */
    private PageData.Chart met(LandscapePages.Context c) {
        Map<Integer, int[]> counts = new java.util.TreeMap<>();
        pages.services.transactions().run(conn -> {
            try (java.sql.PreparedStatement q = conn.prepareStatement("SELECT r.number, sum(rc.requirements),"
                    + " sum(rc.satisfied) FROM revision r JOIN revision_system s ON s.revision_id = r.id AND s.owner = ?"
                    + " JOIN revision_compliance rc ON rc.revision_id = r.id AND rc.system_id = s.system_id"
                    + " WHERE r.landscape_id = ? AND r.number > (SELECT COALESCE(MAX(number), 0) - ? FROM revision"
                    + " WHERE landscape_id = ?) GROUP BY r.number")) {
                q.setString(1, c.stakeholder());
                q.setString(2, c.viewer().landscape().id());
                q.setInt(3, TREND);
                q.setString(4, c.viewer().landscape().id());
                try (java.sql.ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getInt(1), new int[] {rs.getInt(2), rs.getInt(3)});
                    }
                }
            }
            return null;
        });
        if (counts.isEmpty()) {
            return new PageData.Chart("", List.of());
        }
        int bar = 22;
        int gap = 8;
        int height = 120;
        int width = 40 + counts.size() * (bar + gap);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"met\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height + 40)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height + 40)
                .append("\" role=\"img\" aria-label=\"Requirements met per revision\">");
        svg.append("<text x=\"2\" y=\"12\" class=\"axis\">100%</text>");
        List<String> rows = new ArrayList<>();
        int x = 36;
        for (Map.Entry<Integer, int[]> e : counts.entrySet()) {
            int total = e.getValue()[0];
            int satisfied = e.getValue()[1];
            double share = total == 0 ? 0 : (double) satisfied / total;
            double h = share * height;
            double top = height + 10 - h;
            svg.append(String.format(
                    java.util.Locale.ROOT,
                    "<rect class=\"unmet\" x=\"%d\" y=\"10\" width=\"%d\" height=\"%.1f\"></rect>",
                    x,
                    bar,
                    height - h));
            svg.append(String.format(
                    java.util.Locale.ROOT,
                    "<rect class=\"met\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\"><title>revision %d:"
                            + " %d of %d requirements satisfied</title></rect>",
                    x,
                    top,
                    bar,
                    h,
                    e.getKey(),
                    satisfied,
                    total));
            svg.append(String.format(
                    java.util.Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" class=\"axis\">%d</text>",
                    x + 2,
                    height + 26,
                    e.getKey()));
            svg.append(String.format(
                    java.util.Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" class=\"axis\">%d%%</text>",
                    x,
                    height + 38,
                    Math.round(share * 100)));
            rows.add("revision " + e.getKey() + ": " + satisfied + " of " + total + " requirements satisfied");
            x += bar + gap;
        }
        return new PageData.Chart(svg.append("</svg>").toString(), rows);
    }

    /** The most recent revisions the trend chart draws. */
    static final int TREND = 40;

    /**
     * Open findings the stakeholder sees per revision and severity, as a stacked bar chart (an SVG of
     * rectangles with classes: its colours come from the style sheet, nothing inline).
     */
    private PageData.Chart trend(LandscapePages.Context c) {
        Map<Integer, Map<String, Integer>> counts = new java.util.TreeMap<>();
        pages.services.transactions().run(conn -> {
            try (java.sql.PreparedStatement q =
                    conn.prepareStatement("SELECT r.number, f.severity, count(*) FROM finding f"
                            + " JOIN revision r ON r.id = f.revision_id WHERE r.landscape_id = ? AND f.open"
                            + " AND ? = ANY (f.stakeholders) AND r.number > (SELECT COALESCE(MAX(number), 0) - ? FROM revision"
                            + " WHERE landscape_id = ?) GROUP BY r.number, f.severity")) {
                q.setString(1, c.viewer().landscape().id());
                q.setString(2, c.stakeholder());
                q.setInt(3, TREND);
                q.setString(4, c.viewer().landscape().id());
                try (java.sql.ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        counts.computeIfAbsent(rs.getInt(1), k -> new java.util.TreeMap<>())
                                .put(rs.getString(2), rs.getInt(3));
                    }
                }
            }
            return null;
        });
        if (counts.isEmpty()) {
            return new PageData.Chart("", List.of());
        }
        List<String> rows = new ArrayList<>();
        int max = counts.values().stream()
                .mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum())
                .max()
                .orElse(1);
        int bar = 22;
        int gap = 8;
        int height = 140;
        int width = 40 + counts.size() * (bar + gap);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height + 40)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height + 40)
                .append("\" role=\"img\" aria-label=\"Open findings per revision and severity\">");
        svg.append("<text x=\"2\" y=\"12\" class=\"axis\">").append(max).append("</text>");
        int x = 36;
        for (Map.Entry<Integer, Map<String, Integer>> e : counts.entrySet()) {
            double y = height + 10;
            int total = 0;
            for (String severity : List.of("info", "low", "medium", "high", "critical")) {
                int n = e.getValue().getOrDefault(severity, 0);
                if (n == 0) {
                    continue;
                }
                total += n;
                double h = (double) n * height / max;
                y -= h;
                svg.append(String.format(
                        java.util.Locale.ROOT,
                        "<rect class=\"%s\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\"><title>revision %d: %d %s</title></rect>",
                        severity,
                        x,
                        y,
                        bar,
                        h,
                        e.getKey(),
                        n,
                        severity));
            }
            svg.append(String.format(
                    java.util.Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" class=\"axis\">%d</text>",
                    x + 2,
                    height + 26,
                    e.getKey()));
            svg.append(String.format(
                    java.util.Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" class=\"axis\">%d</text>",
                    x,
                    Math.max(10, y - 3),
                    total));
            List<String> parts = new ArrayList<>();
            for (String severity : LandscapePages.SEVERITIES) {
                int n = e.getValue().getOrDefault(severity, 0);
                if (n > 0) {
                    parts.add(n + " " + severity);
                }
            }
            rows.add("revision " + e.getKey() + ": " + total + " open (" + String.join(", ", parts) + ")");
            x += bar + gap;
        }
        return new PageData.Chart(svg.append("</svg>").toString(), rows);
    }

    /** The findings the stakeholder sees that came, went or changed between two revisions (as mamori diff). */
    private PageData.DiffView diff(LandscapePages.Context c, int from, int to) {
        Snapshots.Snapshot before =
                pages.snapshots.snapshot(c.viewer(), pages.snapshots.revision(c.viewer(), Optional.of(from)));
        Snapshots.Snapshot after =
                pages.snapshots.snapshot(c.viewer(), pages.snapshots.revision(c.viewer(), Optional.of(to)));
        List<Finding> seenBefore = pages.snapshots.visible(before, c.stakeholder());
        List<Finding> seenAfter = pages.snapshots.visible(after, c.stakeholder());
        AssessmentDiff d = AssessmentDiff.between(
                Snapshot.of(Pages.seenBy(before.assessment(), seenBefore), VERSION),
                Snapshot.of(Pages.seenBy(after.assessment(), seenAfter), VERSION));
        return new PageData.DiffView(
                from,
                to,
                d.added().stream()
                        .map(f -> f.severity() + " · " + f.key() + " — " + f.title() + " (" + f.file() + ":" + f.line()
                                + ")")
                        .toList(),
                d.resolved().stream()
                        .map(f -> f.severity() + " · " + f.key() + " — " + f.title())
                        .toList(),
                d.changed().stream()
                        .map(ch -> ch.after().key() + ": " + String.join("; ", ch.what()))
                        .toList());
    }

    WebResponse admin(WebRequest r, LandscapePages.Context c, List<String> rest) {
        boolean manages = c.who().serverAdmin() || LandscapePages.has(c, Role.ADMIN);
        boolean audits = LandscapePages.has(c, Role.AUDITOR);
        if (!manages && !audits) {
            return pages.error(
                    403,
                    "only " + c.stakeholder() + "'s admins and auditors (and the server's admins) open its admin page");
        }
        String landscapeId = c.viewer().landscape().id();
        if (r.method().equals("POST")) {
            if (!manages) {
                return pages.error(403, "only " + c.stakeholder() + "'s admins manage its members");
            }
            String account = r.form("account").orElse("").strip();
            Role role = Role.of(r.form("role").orElse(""))
                    .orElseThrow(() -> ApiError.badRequest("a role is admin, maintainer, viewer or auditor"));
            if (rest.size() == 2 && rest.get(1).equals("grant")) {
                pages.services.accounts().grant(c.who(), landscapeId, c.stakeholder(), account, role);
            } else if (rest.size() == 2 && rest.get(1).equals("withdraw")) {
                pages.services.accounts().withdraw(c.who(), landscapeId, c.stakeholder(), account, role);
            } else {
                return pages.error(404, "there is no such form");
            }
            return WebResponse.redirect(c.base() + "admin");
        }
        if (rest.size() != 1) {
            return pages.error(404, "there is no such page");
        }
        List<PageData.MemberRow> members = manages
                ? pages.services.accounts().members(c.who(), landscapeId, c.stakeholder()).stream()
                        .map(m ->
                                new PageData.MemberRow(String.valueOf(m.get("account")), String.valueOf(m.get("role"))))
                        .toList()
                : List.of();
        List<AuditRow> audit = new ArrayList<>();
        String verification = "";
        if (audits) {
            verification = pages.services.transactions().run(conn -> {
                for (AuditLog.Entry e : pages.services
                        .audit()
                        .list(conn, Optional.of(new AuditLog.Concerning(landscapeId, c.stakeholder())), 0, 200)) {
                    audit.add(auditRow(e));
                }
                return verification(AuditLog.verify(conn));
            });
        }
        // The landscape's stakeholders as its model declares them (the latest revision), when it has one.
        List<String> stakeholders = new ArrayList<>();
        if (pages.snapshots.any(c.viewer())) {
            latest(c)
                    .assessment()
                    .landscape()
                    .stakeholders()
                    .values()
                    .forEach(st -> stakeholders.add(st.id() + ": " + st.name()
                            + (st.roles().isEmpty() ? "" : " (" + String.join(", ", st.roles()) + ")")));
        }
        return pages.page(
                200,
                "admin.jte",
                landscape().layout(c, "Admin", "admin"),
                new PageData.AdminPage(
                        stakeholders,
                        manages,
                        members,
                        audits,
                        audit,
                        verification,
                        List.of("viewer", "maintainer", "auditor", "admin")));
    }

    static AuditRow auditRow(AuditLog.Entry e) {
        return new AuditRow(
                e.seq(),
                e.at().toString(),
                e.actor(),
                e.action(),
                e.detail(),
                e.hash().substring(0, 12));
    }

    static String verification(AuditLog.Verification v) {
        return v.firstBroken()
                .map(b -> "BROKEN at record " + b.seq() + ": " + b.reason())
                .orElse("The chain of " + v.records() + " records was recomputed just now: intact.");
    }
}
