package dev.mamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web pages over plain HTTP: the headers every page carries (a Content-Security-Policy with no
 * inline script), the session cookie's flags, the synchronizer token every form needs, escaping of
 * what users wrote, and that a page shows a stakeholder the same findings the API gives it.
 */
class WebPagesHttpTest {

    private static final Path DATA = TestData.folder();
    private static MamoriServer server;
    private static Venue venue;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = TestData.quietServer(DATA);
        venue = new Venue(server);
    }

    @AfterAll
    static void stop() {
        server.close();
        TestData.delete(DATA);
    }

    private static HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String cookie, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(
                b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookieOf(HttpResponse<String> r) {
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    private static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a csrf field in the page").isTrue();
        return m.group(1);
    }

    /** Signs in through the form; returns the signed-in session's cookie. */
    private static String signIn(String account) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/login", null);
        String anonymous = cookieOf(page);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrfOf(page.body()));
        form.put("name", account);
        form.put("password", account + "-password-long");
        form.put("next", "/");
        HttpResponse<String> in = post("/login", anonymous, form);
        assertThat(in.statusCode()).isEqualTo(303);
        String signedIn = cookieOf(in);
        // A new session id at login.
        assertThat(signedIn).isNotEqualTo(anonymous);
        return signedIn;
    }

    @Test
    void everyPageCarriesAStrictPolicyAndTheCookieItsFlags() throws Exception {
        HttpResponse<String> login = get("/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
        String policy = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy)
                .contains("default-src 'none'", "script-src 'self';", "frame-ancestors 'none'", "form-action 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow())
                .contains("HttpOnly", "SameSite=Strict", "Path=/")
                .doesNotContain("Secure");
        // No inline script anywhere, no other site named.
        assertThat(login.body())
                .doesNotContainPattern("<script(?![^>]*src=\"/static/)")
                .doesNotContain("http://", "https://");
        HttpResponse<String> css = get("/static/mamori.css", null);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(get("/static/../pom.xml", null).statusCode()).isEqualTo(404);
        assertThat(get("/static/nothing.js", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aPageNeedsASignedInSessionAndAFormItsToken() throws Exception {
        HttpResponse<String> anonymous = get("/l/venue/orgcom/findings", null);
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).hasValue("/login?next=%2Fl%2Fvenue%2Forgcom%2Ffindings");
        // No session, no token, a wrong token: each refused, nothing done.
        Map<String, String> form = Map.of("name", "orgcom-viewer", "password", "orgcom-viewer-password-long");
        assertThat(post("/login", null, form).statusCode()).isEqualTo(403);
        String cookie = signIn("orgcom-viewer");
        Map<String, String> token = new LinkedHashMap<>();
        token.put("label", "made by another site");
        token.put("csrf", "not-the-token");
        assertThat(post("/account/tokens", cookie, token).statusCode()).isEqualTo(403);
        assertThat(venue.client.get("/api/v1/me", venue.token("orgcom/viewer")).status())
                .isEqualTo(200);
        HttpResponse<String> account = get("/account", cookie);
        assertThat(account.body()).doesNotContain("made by another site");
        token.put("csrf", csrfOf(account.body()));
        HttpResponse<String> made = post("/account/tokens", cookie, token);
        assertThat(made.statusCode()).isEqualTo(201);
        assertThat(made.body()).contains("mamori_");
        // Sign out: the session's token is revoked, the cookie is worth nothing after.
        HttpResponse<String> out = post("/logout", cookie, Map.of("csrf", csrfOf(made.body())));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(get("/account", cookie).statusCode()).isEqualTo(303);
    }

    @Test
    void aLoginSendsOnlyToAPageOfThisSite() throws Exception {
        HttpResponse<String> page = get("/login", null);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrfOf(page.body()));
        form.put("name", "venue-ops-viewer");
        form.put("password", "venue-ops-viewer-password-long");
        form.put("next", "//evil.example/");
        HttpResponse<String> in = post("/login", cookieOf(page), form);
        assertThat(in.headers().firstValue("Location")).hasValue("/");
        // The session the login page opened ended at the login: a second try starts from a new page.
        assertThat(post("/login", cookieOf(page), form).statusCode()).isEqualTo(403);
        page = get("/login", null);
        form.put("csrf", csrfOf(page.body()));
        form.put("password", "wrong password here");
        HttpResponse<String> wrong = post("/login", cookieOf(page), form);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("wrong account name or password");
        // Throttled as the API throttles: after five failures the page says to wait, with 429.
        form.put("name", "no-such-person");
        for (int i = 0; i < 5; i++) {
            page = get("/login", null);
            form.put("csrf", csrfOf(page.body()));
            assertThat(post("/login", cookieOf(page), form).statusCode()).isEqualTo(401);
        }
        page = get("/login", null);
        form.put("csrf", csrfOf(page.body()));
        HttpResponse<String> throttled = post("/login", cookieOf(page), form);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).contains("class=\"error\" role=\"alert\"").contains("try again");
    }

    @Test
    void whatUsersWroteIsEscapedAndThePagesShowWhatTheApiGives() throws Exception {
        String cookie = signIn("venue-ops-viewer");
        for (String stakeholder : Venue.STAKEHOLDERS) {
            String as = signIn(stakeholder + "-maintainer");
            HttpResponse<String> page = get("/l/venue/" + stakeholder + "/findings", as);
            long total = venue.client
                    .get(
                            "/api/v1/landscapes/venue/findings?stakeholder=" + stakeholder + "&limit=1",
                            venue.token(stakeholder + "/maintainer"))
                    .json()
                    .path("total")
                    .asLong();
            assertThat(page.body()).contains("<p class=\"count\" id=\"count\">" + total + " findings");
        }
        HttpResponse<String> bad = get("/l/venue/venue-ops/findings?severity=%3Cb%3E", cookie);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).doesNotContain("<b>");
        HttpResponse<String> search = get("/l/venue/venue-ops/findings?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", cookie);
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("value=\"&lt;script").doesNotContain("<script>alert");
        // Reading as a stakeholder one is not in, and a landscape that is not one's own.
        assertThat(get("/l/venue/orgcom/", cookie).statusCode()).isEqualTo(403);
        assertThat(get("/l/nowhere/venue-ops/", cookie).statusCode()).isEqualTo(404);
        assertThat(get("/l/venue/venue-ops/admin", cookie).statusCode()).isEqualTo(403);
        assertThat(get("/audit", cookie).statusCode()).isEqualTo(403);
    }

    /**
     * Every page of a landscape as every role of both stakeholders, for its own stakeholder and the
     * other: another's pages refused whole; the admin page to admins and auditors only; the forms
     * that change something to the role that may; the whole audit log to the server's admins only.
     */
    @Test
    void eachRoleOpensWhatItMayAndNothingOfTheOther() throws Exception {
        java.util.List<String> pages = java.util.List.of(
                "",
                "findings",
                "findings?severity=high",
                "treatments",
                "paths",
                "missions",
                "compliance",
                "compliance/sarif",
                "compliance/oscal",
                "compliance/ics",
                "history",
                "history?from=1&to=1",
                "inbox",
                "admin");
        java.util.Map<String, String> ownSystem = java.util.Map.of("venue-ops", "cctv", "orgcom", "access");
        for (String stakeholder : Venue.STAKEHOLDERS) {
            String other = stakeholder.equals("venue-ops") ? "orgcom" : "venue-ops";
            for (String role : Venue.ROLES) {
                String cookie = signIn(stakeholder + "-" + role);
                String who = stakeholder + "-" + role;
                for (String page : pages) {
                    int expected =
                            page.equals("admin") && !(role.equals("admin") || role.equals("auditor")) ? 403 : 200;
                    HttpResponse<String> own = get("/l/venue/" + stakeholder + "/" + page, cookie);
                    assertThat(own.statusCode()).as(who + " on its own " + page).isEqualTo(expected);
                    HttpResponse<String> theirs = get("/l/venue/" + other + "/" + page, cookie);
                    assertThat(theirs.statusCode())
                            .as(who + " on " + other + "'s " + page)
                            .isEqualTo(403);
                    assertThat(theirs.body())
                            .as(who + " on " + other + "'s " + page)
                            .doesNotContain("<table");
                }
                assertThat(get("/l/venue/" + stakeholder + "/systems/" + ownSystem.get(stakeholder), cookie)
                                .statusCode())
                        .isEqualTo(200);
                // Another's system does not open even from one's own side.
                assertThat(get("/l/venue/" + stakeholder + "/systems/" + ownSystem.get(other), cookie)
                                .statusCode())
                        .isEqualTo(404);
                assertThat(get("/audit", cookie).statusCode())
                        .as(who + " on the whole audit log")
                        .isEqualTo(403);
                String csrf = csrfOf(get("/account", cookie).body());
                Map<String, String> treat = new LinkedHashMap<>();
                treat.put("csrf", csrf);
                treat.put("rule", "no-such-rule");
                treat.put("element", ownSystem.get(stakeholder) + ".nothing");
                treat.put("status", "accepted");
                treat.put("reason", "a test");
                treat.put("until", "2020-01-01");
                assertThat(post("/l/venue/" + stakeholder + "/treatments", cookie, treat)
                                .statusCode())
                        .as(who + " treats")
                        .isEqualTo(role.equals("maintainer") ? 400 : 403);
                Map<String, String> grant = new LinkedHashMap<>();
                grant.put("csrf", csrf);
                grant.put("account", "no-such-account");
                grant.put("role", "viewer");
                assertThat(post("/l/venue/" + stakeholder + "/admin/grant", cookie, grant)
                                .statusCode())
                        .as(who + " grants")
                        .isEqualTo(role.equals("admin") ? 404 : 403);
                Map<String, String> hook = new LinkedHashMap<>();
                hook.put("csrf", csrf);
                hook.put("url", "not a url");
                assertThat(post("/l/venue/" + stakeholder + "/inbox/webhooks", cookie, hook)
                                .statusCode())
                        .as(who + " adds a webhook")
                        .isEqualTo(role.equals("admin") ? 400 : 403);
                // Nothing of the other's: each form refused there whatever the role.
                assertThat(post("/l/venue/" + other + "/treatments", cookie, treat)
                                .statusCode())
                        .isEqualTo(403);
                assertThat(post("/l/venue/" + other + "/admin/grant", cookie, grant)
                                .statusCode())
                        .isEqualTo(403);
                assertThat(post("/l/venue/" + other + "/inbox/webhooks", cookie, hook)
                                .statusCode())
                        .isEqualTo(403);
            }
        }
    }

    /** A landscape made but never pushed to: every page says so (or shows its empty history), none fails. */
    @Test
    void aLandscapeWithoutRevisionSaysSoOnEveryPage() throws Exception {
        Venue.check(
                venue.client.post(
                        "/api/v1/landscapes", venue.adminToken, Map.of("id", "blank", "root", "landscape.yaml")),
                201);
        Venue.check(
                venue.client.send(
                        "PUT",
                        "/api/v1/landscapes/blank/stakeholders/venue-ops/members/venue-ops-auditor/auditor",
                        venue.adminToken,
                        new byte[0]),
                200);
        String cookie = signIn("venue-ops-auditor");
        assertThat(get("/", cookie).body()).contains("<h2>blank</h2>");
        for (String page : java.util.List.of(
                "", "findings", "paths", "missions", "compliance", "compliance/sarif", "treatments")) {
            HttpResponse<String> answer = get("/l/blank/venue-ops/" + page, cookie);
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            assertThat(answer.body()).as(page).contains("Landscape blank has no revision yet");
        }
        HttpResponse<String> history = get("/l/blank/venue-ops/history", cookie);
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains("<p>No revision yet.</p>").doesNotContain("id=\"trend\"");
        HttpResponse<String> inbox = get("/l/blank/venue-ops/inbox", cookie);
        assertThat(inbox.body()).contains("0 changes others made for venue-ops");
        HttpResponse<String> admin = get("/l/blank/venue-ops/admin", cookie);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("intact").doesNotContain("id=\"stakeholders\"");
        // A revision asked for that is not there is a sentence, not a failure.
        HttpResponse<String> diff = get("/l/venue/venue-ops/history?from=1&to=99", cookie);
        assertThat(diff.statusCode()).isEqualTo(404);
        assertThat(diff.body()).contains("no revision 99");
    }

    @Test
    void theDownloadsHoldWhatTheStakeholderMaySeeAndAreTheSameTwice() throws Exception {
        String cookie = signIn("orgcom-auditor");
        HttpResponse<String> sarif = get("/l/venue/orgcom/compliance/sarif", cookie);
        assertThat(sarif.statusCode()).isEqualTo(200);
        assertThat(sarif.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"venue-orgcom-r");
        com.fasterxml.jackson.databind.JsonNode log =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(sarif.body());
        long api = venue.client
                .get("/api/v1/landscapes/venue/findings?stakeholder=orgcom&limit=1", venue.token("orgcom/auditor"))
                .json()
                .path("total")
                .asLong();
        assertThat(log.path("runs").get(0).path("results").size()).isEqualTo((int) api);
        assertThat(get("/l/venue/orgcom/compliance/sarif", cookie).body()).isEqualTo(sarif.body());
        HttpResponse<byte[]> oscal = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + server.port() + "/l/venue/orgcom/compliance/oscal"))
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(oscal.statusCode()).isEqualTo(200);
        java.util.List<String> names = new java.util.ArrayList<>();
        try (java.util.zip.ZipInputStream zip =
                new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(oscal.body()))) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                String json = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                // Only the stakeholder's own systems are judged: another's system is not named.
                assertThat(json).doesNotContain("\"Venue CCTV\"");
            }
        }
        assertThat(names).isNotEmpty().anyMatch(n -> n.contains("assessment-results"));
    }

    /**
     * The ETSI EN 303 645 conformance statement of a stakeholder's own systems, as {@code mamori
     * comply --format ics} writes it from the same files: each edition the catalog has, linked from
     * the compliance page; another's system absent; an edition that is not one refused.
     */
    @Test
    void theConformanceStatementIsTheEnginesForOnlyTheStakeholdersOwnSystems() throws Exception {
        String cookie = signIn("orgcom-maintainer");
        HttpResponse<String> page = get("/l/venue/orgcom/compliance", cookie);
        assertThat(page.body())
                .contains("href=\"/l/venue/orgcom/compliance/ics?standard=etsi-en-303-645-v3.1.3\"")
                .contains("href=\"/l/venue/orgcom/compliance/ics?standard=etsi-en-303-645-v2.1.1\"");
        dev.mamori.engine.assessment.Assessment expected =
                Venue.assessed(dev.mamori.engine.systemic.SystemicAnalyzer.Options.defaults());
        java.util.Set<String> own = new java.util.TreeSet<>();
        expected.landscape().systems().values().stream()
                .filter(s -> s.owner().text().equals("orgcom"))
                .forEach(s -> own.add(s.id()));
        assertThat(own).contains("access").doesNotContain("cctv");
        for (String standard : dev.mamori.engine.compliance.ConformanceStatement.etsiVersions()) {
            HttpResponse<String> ics = get("/l/venue/orgcom/compliance/ics?standard=" + standard, cookie);
            assertThat(ics.statusCode()).isEqualTo(200);
            assertThat(ics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/markdown");
            assertThat(ics.headers().firstValue("Content-Disposition").orElseThrow())
                    .isEqualTo("attachment; filename=\"venue-orgcom-r1-" + standard + ".md\"");
            java.util.List<String> parts = new java.util.ArrayList<>();
            for (var s : expected.compliance().systems()) {
                if (own.contains(s.system())) {
                    parts.add(dev.mamori.report.compliance.ConformanceStatementMarkdown.render(
                            dev.mamori.engine.compliance.ConformanceStatement.of(
                                    expected.compliance().catalog(), s, standard)));
                }
            }
            assertThat(parts).hasSize(own.size());
            assertThat(ics.body()).isEqualTo(String.join("\n", parts)).doesNotContain("System: `cctv`");
        }
        assertThat(get("/l/venue/orgcom/compliance/ics", cookie).headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"venue-orgcom-r1-etsi-en-303-645-v3.1.3.md\"");
        HttpResponse<String> other = get("/l/venue/orgcom/compliance/ics?standard=iso-iec-27001", cookie);
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.body()).contains("standard is one of etsi-en-303-645-v2.1.1, etsi-en-303-645-v3.1.3");
    }

    @Test
    void eachFilterCountsWhatTheApiFindingsSay() throws Exception {
        String cookie = signIn("venue-ops-viewer");
        java.util.List<com.fasterxml.jackson.databind.JsonNode> all = new java.util.ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            com.fasterxml.jackson.databind.JsonNode page = venue.client
                    .get(
                            "/api/v1/landscapes/venue/findings?offset=" + offset + "&limit=500",
                            venue.token("venue-ops/viewer"))
                    .json();
            page.path("findings").forEach(all::add);
            if (all.size() >= page.path("total").asInt()) {
                break;
            }
        }
        Map<String, java.util.function.Predicate<com.fasterxml.jackson.databind.JsonNode>> filters =
                new LinkedHashMap<>();
        filters.put("property=S", f -> f.path("properties").toString().contains("\"S\""));
        filters.put("property=A", f -> f.path("properties").toString().contains("\"A\""));
        filters.put("layer=device", f -> f.path("layer").asText().equals("device"));
        filters.put("layer=service", f -> f.path("layer").asText().equals("service"));
        filters.put("status=open", f -> f.path("status").asText().equals("open"));
        filters.put(
                "severity=high&layer=platform",
                f -> f.path("severity").asText().equals("high")
                        && f.path("layer").asText().equals("platform"));
        filters.put(
                "q=Default",
                f -> (f.path("rule").asText() + " " + f.path("title").asText() + " "
                                + f.path("element").asText() + " "
                                + f.path("explanation").asText())
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("default"));
        // A rule's filter, for a rule with findings at more than one severity where there is one.
        String rule = all.stream()
                .map(f -> f.path("rule").asText())
                .filter(r -> all.stream()
                                .filter(f -> f.path("rule").asText().equals(r))
                                .map(f -> f.path("severity").asText())
                                .distinct()
                                .count()
                        > 1)
                .findFirst()
                .orElse(all.get(0).path("rule").asText());
        filters.put("rule=" + rule, f -> f.path("rule").asText().equals(rule));
        filters.put(
                "rule=" + rule + "&status=open",
                f -> f.path("rule").asText().equals(rule)
                        && f.path("status").asText().equals("open"));
        for (Map.Entry<String, java.util.function.Predicate<com.fasterxml.jackson.databind.JsonNode>> e :
                filters.entrySet()) {
            long expected = all.stream().filter(e.getValue()).count();
            HttpResponse<String> page = get("/l/venue/venue-ops/findings?" + e.getKey(), cookie);
            assertThat(page.body()).as(e.getKey()).contains("id=\"count\">" + expected + " findings");
        }
        assertThat(all.stream().filter(filters.get("layer=device")).count()).isPositive();
    }
}
