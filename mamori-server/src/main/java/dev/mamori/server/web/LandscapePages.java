package dev.mamori.server.web;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.model.CredentialRelation;
import dev.mamori.model.Flow;
import dev.mamori.model.IotSystem;
import dev.mamori.model.Ref;
import dev.mamori.report.diagram.Diagram;
import dev.mamori.report.diagram.Diagrams;
import dev.mamori.server.ApiError;
import dev.mamori.server.account.Principal;
import dev.mamori.server.account.Role;
import dev.mamori.server.audit.AuditLog;
import dev.mamori.server.revision.Views;
import dev.mamori.server.web.PageData.Layout;
import dev.mamori.server.web.PageData.Link;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.elk.core.options.Direction;

/** The pages of one landscape as one stakeholder: map, findings, paths, missions, compliance, history, admin. */
final class LandscapePages {

    static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low", "info");

    private final Pages pages;
    private final FindingPages findings;
    private final AnalysisPages analyses;
    private final TreatmentPages treatments;
    private final InboxPages inbox;

    LandscapePages(Pages pages) {
        this.pages = pages;
        this.findings = new FindingPages(pages);
        this.analyses = new AnalysisPages(pages);
        this.treatments = new TreatmentPages(pages);
        this.inbox = new InboxPages(pages);
    }

    /** What every landscape page knows: who, as which stakeholder, and the frame. */
    record Context(Principal who, Views.Viewer viewer, Sessions.Session session, List<String> mine) {
        String base() {
            return Pages.base(viewer.landscape().id(), viewer.stakeholder());
        }

        String stakeholder() {
            return viewer.stakeholder();
        }
    }

    WebResponse serve(WebRequest r, Principal p, Sessions.Session session) {
        List<String> s = r.segments();
        String landscapeId = s.get(1);
        if (s.size() == 2) {
            pages.services.landscapes().visible(p, landscapeId);
            List<String> mine = Pages.mine(p, landscapeId);
            if (mine.isEmpty()) {
                throw ApiError.forbidden("you hold no role in landscape " + landscapeId);
            }
            return WebResponse.redirect(Pages.base(landscapeId, mine.get(0)));
        }
        Views.Viewer viewer = pages.services.views().viewer(p, landscapeId, Optional.of(s.get(2)));
        Context c =
                new Context(p, viewer, session, Pages.mine(p, viewer.landscape().id()));
        List<String> rest = s.subList(3, s.size());
        String tab = rest.isEmpty() ? "" : rest.get(0);
        boolean get = r.method().equals("GET");
        if (tab.equals("admin")) {
            return analyses.admin(r, c, rest);
        }
        // The inbox (and its webhooks) needs no revision: it is what revisions told.
        if (tab.equals("inbox")) {
            return inbox.serve(r, c, rest);
        }
        if (tab.equals("treatments") && !get) {
            return treatments.serve(r, c, rest);
        }
        if (!get) {
            return pages.error(405, "this page takes no form");
        }
        if (!pages.snapshots.any(viewer) && !tab.equals("history")) {
            return pages.page(
                    200,
                    "message.jte",
                    layout(c, "No revision yet", tab),
                    new PageData.Message(
                            "No revision yet",
                            "Landscape " + viewer.landscape().id() + " has no revision yet: its maintainers push the"
                                    + " first with mamori push.",
                            200));
        }
        return switch (tab) {
            case "" -> map(c);
            case "systems" -> rest.size() == 2 ? system(c, rest.get(1)) : notFound();
            case "findings" -> findings.serve(r, c, rest);
            case "paths" -> rest.size() == 1 ? analyses.paths(r, c) : notFound();
            case "missions" -> rest.size() == 1 ? analyses.missions(c) : notFound();
            case "compliance" -> analyses.compliance(r, c, rest);
            case "history" -> rest.size() == 1 ? analyses.history(r, c) : notFound();
            case "treatments" -> treatments.serve(r, c, rest);
            default -> notFound();
        };
    }

    private WebResponse notFound() {
        return pages.error(404, "there is no such page");
    }

    Layout layout(Context c, String title, String tab) {
        return pages.layout(
                title + " · " + c.viewer().landscape().id() + " as " + c.stakeholder(),
                c.who(),
                c.session(),
                c.viewer().landscape().id(),
                c.stakeholder(),
                tab,
                c.mine());
    }

    /**
     * The map: the stakeholder's systems coloured by their worst open finding, the interconnections
     * that touch them, and the other stakeholders' systems at the other end by name only (no
     * internals, no risk of theirs).
     */
    private WebResponse map(Context c) {
        Snapshots.Snapshot snap =
                pages.snapshots.snapshot(c.viewer(), pages.snapshots.revision(c.viewer(), Optional.empty()));
        Assessment a = snap.assessment();
        Set<String> own = snap.systemsOf(c.stakeholder());
        Map<String, String> worst = new TreeMap<>();
        Map<String, Integer> open = new TreeMap<>();
        // The open findings the stakeholder sees, by the system of their element, as stored with the revision.
        pages.services.transactions().run(conn -> {
            try (java.sql.PreparedStatement q =
                    conn.prepareStatement("SELECT system_id, severity, count(*) FROM finding"
                            + " WHERE revision_id = ? AND ? = ANY (stakeholders) AND open AND system_id IS NOT NULL"
                            + " GROUP BY system_id, severity")) {
                q.setLong(1, snap.revision().id());
                q.setString(2, c.stakeholder());
                try (java.sql.ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        String sys = rs.getString(1);
                        if (!own.contains(sys)) {
                            continue;
                        }
                        open.merge(sys, rs.getInt(3), Integer::sum);
                        String w = worst.get(sys);
                        if (w == null || SEVERITIES.indexOf(rs.getString(2)) < SEVERITIES.indexOf(w)) {
                            worst.put(sys, rs.getString(2));
                        }
                    }
                }
            }
            return null;
        });
        Map<String, String[]> links = new LinkedHashMap<>();
        for (Flow f : a.landscape().allFlows()) {
            link(
                    links,
                    systemOf(a, f.from(), f.system()),
                    systemOf(a, f.to(), f.system()),
                    f.commands() ? "command" : "data",
                    own);
        }
        for (CredentialRelation cr : a.landscape().allCredentials()) {
            for (Ref accepting : cr.acceptedBy()) {
                link(
                        links,
                        systemOf(a, cr.holder(), cr.system()),
                        systemOf(a, accepting, cr.system()),
                        "credential",
                        own);
            }
        }
        Set<String> shown = new java.util.TreeSet<>(own);
        links.values().forEach(l -> {
            shown.add(l[0]);
            shown.add(l[1]);
        });
        Diagram d = new Diagram(
                "map", "Landscape " + a.landscape().name() + " as " + c.stakeholder(), Direction.RIGHT, false);
        List<PageData.SystemRow> rows = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String id : shown) {
            IotSystem sys = a.landscape().systems().get(id);
            if (sys == null) {
                continue;
            }
            if (own.contains(id)) {
                String w = worst.getOrDefault(id, "");
                int n = open.getOrDefault(id, 0);
                d.box(
                        id,
                        null,
                        sys.name(),
                        sys.category() + " · " + n + " open",
                        "node system-box" + (w.isEmpty() ? "" : " worst-" + w),
                        id + ": " + sys.name() + (w.isEmpty() ? "" : "; worst open finding: " + w),
                        -1);
                rows.add(new PageData.SystemRow(
                        id,
                        sys.name(),
                        sys.category(),
                        sys.components().size(),
                        n,
                        w.isEmpty() ? "none" : w,
                        c.base() + "systems/" + Pages.encode(id)));
            } else {
                // Another stakeholder's system: its name and owner only.
                d.box(
                        id,
                        null,
                        id,
                        "of " + snap.systemOwners().getOrDefault(id, "another stakeholder"),
                        "node aggregate",
                        "system " + id + " of another stakeholder",
                        -1);
                others.add(id + " (" + snap.systemOwners().getOrDefault(id, "?") + ")");
            }
        }
        links.values().forEach(l -> d.link(l[0], l[1], l[2], l[0] + " → " + l[1] + " (" + l[2] + ")"));
        List<Link> legend = List.of(
                new Link("critical", "worst-critical"),
                new Link("high", "worst-high"),
                new Link("medium", "worst-medium"),
                new Link("low", "worst-low"),
                new Link("other stakeholder's", "other"));
        return pages.page(
                200,
                "map.jte",
                layout(c, "Map", ""),
                new PageData.MapPage(snap.revision().number(), d.svg(), rows, others, legend));
    }

    /** One pair of systems joined, kept once, when one end is the stakeholder's own. Commands win over data over credentials. */
    private static void link(Map<String, String[]> links, String a, String b, String kind, Set<String> own) {
        if (a == null || b == null || a.equals(b) || !(own.contains(a) || own.contains(b))) {
            return;
        }
        String key = a + "\u0000" + b;
        String[] known = links.get(key);
        if (known == null || rank(kind) > rank(known[2])) {
            links.put(key, new String[] {a, b, kind});
        }
    }

    private static int rank(String kind) {
        return switch (kind) {
            case "command" -> 2;
            case "data" -> 1;
            default -> 0;
        };
    }

    /** The system an element reference names: {@code system.id}, or the system it is written in. */
    static String systemOf(Assessment a, Ref ref, String writtenIn) {
        String text = ref.text();
        int dot = text.indexOf('.');
        if (dot > 0 && a.landscape().systems().containsKey(text.substring(0, dot))) {
            return text.substring(0, dot);
        }
        if (ref.system() != null && a.landscape().systems().containsKey(ref.system())) {
            return ref.system();
        }
        return writtenIn;
    }

    /** One of the stakeholder's own systems by layer; another's is as absent as one that does not exist. */
    private WebResponse system(Context c, String id) {
        Snapshots.Snapshot snap =
                pages.snapshots.snapshot(c.viewer(), pages.snapshots.revision(c.viewer(), Optional.empty()));
        IotSystem sys = snap.assessment().landscape().systems().get(id);
        if (sys == null || !c.stakeholder().equals(snap.systemOwners().get(id))) {
            return pages.error(404, "no system " + id + " of " + c.stakeholder());
        }
        String svg = new Diagrams(snap.assessment()).system(sys);
        return pages.page(
                200,
                "system.jte",
                layout(c, "System " + id, ""),
                new PageData.SystemPage(id, sys.name(), svg, c.base() + "findings?q=" + Pages.encode(id + ".")));
    }

    /** The whole audit log with its chain verified: the server's admins only. */
    WebResponse serverAudit(Principal p, Sessions.Session session) {
        if (!p.serverAdmin()) {
            return pages.error(403, "only the server's admins read the whole audit log");
        }
        List<PageData.AuditRow> rows = new ArrayList<>();
        String verification = pages.services.transactions().run(c -> {
            for (AuditLog.Entry e : pages.services.audit().list(c, Optional.empty(), 0, 200)) {
                rows.add(AnalysisPages.auditRow(e));
            }
            AuditLog.Verification v = AuditLog.verify(c);
            return AnalysisPages.verification(v);
        });
        return pages.page(
                200,
                "audit.jte",
                pages.layout("Audit log", p, session, "", "", "", List.of()),
                new PageData.AdminPage(List.of(), false, List.of(), true, rows, verification, List.of()));
    }

    static boolean has(Context c, Role role) {
        return c.who().has(c.viewer().landscape().id(), c.stakeholder(), role);
    }
}
