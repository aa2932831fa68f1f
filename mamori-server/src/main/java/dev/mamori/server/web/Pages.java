package dev.mamori.server.web;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.RiskAssessment;
import dev.mamori.model.IotSystem;
import dev.mamori.report.diagram.Diagram;
import dev.mamori.server.ApiError;
import dev.mamori.server.Services;
import dev.mamori.server.account.Accounts;
import dev.mamori.server.account.Principal;
import dev.mamori.server.account.Role;
import dev.mamori.server.revision.Views;
import dev.mamori.server.web.PageData.Layout;
import dev.mamori.server.web.PageData.Link;
import dev.mamori.server.web.PageData.Tab;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pages: each reads who is signed in and as which stakeholder, asks the same services the API
 * does (so that a page shows no more than the API would give that stakeholder), and renders a
 * template. Landscape pages live under {@code /l/LANDSCAPE/STAKEHOLDER/…}.
 */
final class Pages {

    /** A page's answer and, when the page opened or replaced the session, that session (for its cookie). */
    record Result(WebResponse response, Optional<Sessions.Session> session) {
        static Result of(WebResponse response) {
            return new Result(response, Optional.empty());
        }
    }

    /** The tabs of a landscape, in order: path segment and label. */
    static final List<String[]> TABS = List.of(
            new String[] {"", "Map"},
            new String[] {"findings", "Findings"},
            new String[] {"treatments", "Treatments"},
            new String[] {"paths", "Systemic paths"},
            new String[] {"missions", "Missions"},
            new String[] {"compliance", "Compliance"},
            new String[] {"history", "History"},
            new String[] {"inbox", "Inbox"},
            new String[] {"admin", "Admin"});

    final Services services;
    final Sessions sessions;
    final Templates templates;
    final Snapshots snapshots;
    private final LandscapePages landscape;

    Pages(Services services, Sessions sessions, Templates templates, Snapshots snapshots) {
        this.services = services;
        this.sessions = sessions;
        this.templates = templates;
        this.snapshots = snapshots;
        this.landscape = new LandscapePages(this);
    }

    Result serve(WebRequest r) {
        List<String> s = r.segments();
        String first = s.isEmpty() ? "" : s.get(0);
        boolean get = r.method().equals("GET");
        if (first.equals("login") && s.size() == 1) {
            return get ? loginPage(r, "", 200) : login(r);
        }
        if (first.equals("favicon.ico")) {
            return Result.of(WebResponse.redirect("/static/favicon.svg"));
        }
        Optional<Principal> who = WebPages.principal(services, r.session());
        if (who.isEmpty()) {
            if (!get) {
                return Result.of(error(401, "you are signed out; sign in again"));
            }
            // Pages need a signed-in person: the browser goes to the login form and comes back after.
            return Result.of(WebResponse.redirect("/login?next=" + encode(r.path())));
        }
        Principal p = who.get();
        Sessions.Session session = r.session().orElseThrow();
        if (first.equals("logout") && s.size() == 1 && !get) {
            session.signedIn.ifPresent(si -> services.accounts().revoke(p, si.tokenId()));
            sessions.close(session);
            return new Result(WebResponse.redirect("/login"), Optional.of(sessions.open(Optional.empty())));
        }
        if (s.isEmpty() && get) {
            return Result.of(home(p, session));
        }
        if (first.equals("account")) {
            return Result.of(new AccountPages(this).serve(r, p, session));
        }
        if (first.equals("audit") && s.size() == 1 && get) {
            return Result.of(landscape.serverAudit(p, session));
        }
        if (first.equals("l") && s.size() >= 2) {
            return Result.of(landscape.serve(r, p, session));
        }
        return Result.of(error(404, "there is no such page"));
    }

    private Result loginPage(WebRequest r, String error, int status) {
        Sessions.Session session = r.session().orElseGet(() -> sessions.open(Optional.empty()));
        String next = r.query("next")
                .or(() -> r.form("next"))
                .filter(Pages::localPath)
                .orElse("/");
        Layout layout = layout("Sign in", "", session, "", "", "", List.of());
        String html = templates.render("login.jte", Map.of("layout", layout, "page", new PageData.Login(next, error)));
        // A refused sign-in answers with the API's status: 401 for a wrong name or password, 429 while throttled.
        WebResponse response = WebResponse.html(status, html);
        return new Result(response, r.session().isPresent() ? Optional.empty() : Optional.of(session));
    }

    private Result login(WebRequest r) {
        String name = r.form("name").orElse("");
        String password = r.form("password").orElse("");
        Accounts.Token token;
        try {
            token = services.accounts().login(name, password, "web session", r.remoteAddress());
        } catch (ApiError e) {
            if (e.status() == 401 || e.status() == 429 || e.status() == 400) {
                return loginPage(r, e.getMessage(), e.status());
            }
            throw e;
        }
        // A new session id at login: an id planted before it (session fixation) is worth nothing after.
        r.session().ifPresent(sessions::close);
        Sessions.Session session = sessions.open(Optional.of(new Sessions.SignedIn(name, token.id(), token.secret())));
        String next = r.form("next").filter(Pages::localPath).orElse("/");
        return new Result(WebResponse.redirect(next), Optional.of(session));
    }

    /** Only a path of this site, never another site ({@code //host} or {@code /\host} count as one). */
    static boolean localPath(String next) {
        return next.startsWith("/")
                && !next.startsWith("//")
                && !next.startsWith("/\\")
                && next.length() < 500
                // No control character: a line break would end the Location header and start another.
                && next.chars().noneMatch(ch -> ch < 0x20 || ch == 0x7f);
    }

    private WebResponse home(Principal p, Sessions.Session session) {
        List<PageData.LandscapeLinks> list = new ArrayList<>();
        for (Map<String, Object> l : services.landscapes().list(p)) {
            String id = String.valueOf(l.get("id"));
            List<Link> links = p.memberships().stream()
                    .filter(m -> m.landscape().equals(id))
                    .map(Principal.Membership::stakeholder)
                    .distinct()
                    .map(st -> new Link(st, "/l/" + encode(id) + "/" + encode(st) + "/"))
                    .toList();
            list.add(new PageData.LandscapeLinks(id, links));
        }
        return page(200, "home.jte", layout("Landscapes", p, session, "", "", "", List.of()), new PageData.Home(list));
    }

    WebResponse page(int status, String template, Layout layout, Object page) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("layout", layout);
        parameters.put("page", page);
        return WebResponse.html(status, templates.render(template, parameters));
    }

    /** A page that says what went wrong, in the frame of a signed-out page (it knows no one). */
    WebResponse error(int status, String message) {
        Layout layout = new Layout("Error " + status, "", "", "", "", List.of(), List.of(), false);
        String heading = switch (status) {
            case 400 -> "Not understood";
            case 401 -> "Signed out";
            case 403 -> "Not yours to see or do";
            case 404 -> "Not found";
            case 413 -> "Too large";
            case 429 -> "Too many attempts";
            default -> status >= 500 ? "The server failed" : "Refused";
        };
        return page(status, "message.jte", layout, new PageData.Message(heading, message, status));
    }

    Layout layout(
            String title,
            Principal p,
            Sessions.Session session,
            String landscapeId,
            String stakeholder,
            String tab,
            List<String> mine) {
        return layout(title, p.name(), session, landscapeId, stakeholder, tab, mine, p.serverAdmin());
    }

    Layout layout(
            String title,
            String user,
            Sessions.Session session,
            String landscapeId,
            String stakeholder,
            String tab,
            List<String> mine) {
        return layout(title, user, session, landscapeId, stakeholder, tab, mine, false);
    }

    private static Layout layout(
            String title,
            String user,
            Sessions.Session session,
            String landscapeId,
            String stakeholder,
            String tab,
            List<String> mine,
            boolean serverAdmin) {
        List<Tab> tabs = new ArrayList<>();
        List<Link> others = new ArrayList<>();
        if (!landscapeId.isEmpty()) {
            String base = base(landscapeId, stakeholder);
            for (String[] t : TABS) {
                tabs.add(new Tab(t[1], base + t[0], t[0].equals(tab)));
            }
            for (String st : mine) {
                if (!st.equals(stakeholder)) {
                    others.add(new Link(st, base(landscapeId, st) + tab));
                }
            }
        }
        return new Layout(title, user, session.csrf, landscapeId, stakeholder, tabs, others, serverAdmin);
    }

    static String base(String landscapeId, String stakeholder) {
        return "/l/" + encode(landscapeId) + "/" + encode(stakeholder) + "/";
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The stakeholders the person belongs to in a landscape. */
    static List<String> mine(Principal p, String landscapeId) {
        return p.memberships().stream()
                .filter(m -> m.landscape().equals(landscapeId))
                .map(Principal.Membership::stakeholder)
                .distinct()
                .toList();
    }

    static boolean has(Principal p, Views.Viewer v, Role role) {
        return p.has(v.landscape().id(), v.stakeholder(), role);
    }

    /** The diagram style sheet's CSP hash: the one inline style the pages allow. */
    static String diagramStyleHash() {
        // The sheet's text, not a probe diagram laid out at start (ELK's classes and a layout cost
        // most of a second of every cold start).
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(Diagram.embeddedStyle().getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(hash) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    /** An assessment holding only the findings one stakeholder may see: what its reports are made of. */
    static Assessment seenBy(Assessment a, List<Finding> visible) {
        RiskAssessment risk = new RiskAssessment(visible, List.of(), a.risk().rulesRun());
        return new Assessment(
                a.landscape(), a.today(), a.rules(), risk, a.systemic(), a.missions(), List.of(), a.compliance());
    }

    static String systemName(Assessment a, String id) {
        IotSystem s = a.landscape().systems().get(id);
        return s == null ? id : s.name();
    }
}
