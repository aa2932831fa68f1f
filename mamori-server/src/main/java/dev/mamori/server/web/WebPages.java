package dev.mamori.server.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.mamori.server.ApiError;
import dev.mamori.server.Services;
import dev.mamori.server.account.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The web pages of the server, everything outside {@code /api/}: server-rendered HTML from
 * templates compiled at build time, the style sheet and script from the jar, a browser session in
 * a cookie, a synchronizer token on every form, and a Content-Security-Policy that allows no
 * inline script at all. Whatever fails inside, the browser gets a page with a sentence; the stack
 * trace goes to the server's error stream only.
 */
public final class WebPages implements HttpHandler {

    /** The largest form a page accepts (a password change, a grant: all small). */
    static final int MAX_FORM_BYTES = 64 * 1024;

    static final String COOKIE = "mamori_session";

    private final Services services;
    private final Sessions sessions;
    private final Pages pages;
    private final Assets assets;
    private final boolean secureCookies;
    private final PrintStream log;
    private final String policy;

    private WebPages(Services services, boolean secureCookies, PrintStream log) {
        this.services = services;
        this.secureCookies = secureCookies;
        this.log = log;
        this.sessions = new Sessions(Clock.systemUTC(), signedIn -> revokeQuietly(signedIn));
        this.assets = new Assets();
        this.pages = new Pages(services, sessions, new Templates(), new Snapshots(services.transactions()));
        // Scripts and style sheets from this server only. The diagrams carry their own style sheet inside
        // the SVG (so that one saved alone looks the same); that one sheet is allowed by its hash, nothing else inline.
        this.policy = "default-src 'none'; script-src 'self'; style-src 'self' " + Pages.diagramStyleHash()
                + "; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none';"
                + " base-uri 'none'";
    }

    /**
     * The pages' handler for an HTTP server.
     *
     * @param secureCookies mark the session cookie Secure: the server is reached over TLS (a proxy in front)
     */
    public static WebPages of(Services services, boolean secureCookies, PrintStream log) {
        return new WebPages(services, secureCookies, log);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        WebResponse response;
        Optional<Sessions.Session> fresh = Optional.empty();
        try {
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/static/") && exchange.getRequestMethod().equals("GET")) {
                response = assets.get(path.substring("/static/".length()));
            } else {
                Holder holder = new Holder();
                response = dispatch(exchange, holder);
                fresh = holder.session;
            }
        } catch (ApiError e) {
            response = pages.error(e.status(), e.getMessage());
        } catch (RuntimeException | Error e) {
            e.printStackTrace(log);
            response = pages.error(500, "the server failed on this page; its log says why");
        }
        send(exchange, response, fresh);
    }

    /** Where the dispatch leaves a session it opened or replaced, for its cookie. */
    private static final class Holder {
        Optional<Sessions.Session> session = Optional.empty();
    }

    private WebResponse dispatch(HttpExchange exchange, Holder holder) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("POST") && !method.equals("HEAD")) {
            return pages.error(405, method + " is not used by the pages");
        }
        String path = exchange.getRequestURI().getRawPath();
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segments.add(decode(s));
            }
        }
        Optional<Sessions.Session> session = cookie(exchange, COOKIE).flatMap(sessions::find);
        Map<String, List<String>> form = Map.of();
        if (method.equals("POST")) {
            form = form(exchange);
            // The synchronizer token: a form is taken only with the token of the session that showed it.
            String sent = first(form, "csrf").orElse("");
            if (session.isEmpty() || !constantTimeEquals(sent, session.get().csrf)) {
                return pages.error(
                        403, "this form has expired or did not come from this site; reload the page and try again");
            }
        }
        WebRequest request = new WebRequest(
                method.equals("HEAD") ? "GET" : method,
                path,
                segments,
                query(exchange.getRequestURI().getRawQuery()),
                form,
                session,
                exchange.getRemoteAddress().getAddress().getHostAddress());
        Pages.Result result = pages.serve(request);
        holder.session = result.session();
        return result.response();
    }

    private void send(HttpExchange exchange, WebResponse response, Optional<Sessions.Session> session)
            throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        headers.set("Content-Security-Policy", policy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        if (!response.headers().containsKey("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
        response.headers().forEach(headers::set);
        session.ifPresent(s -> headers.add("Set-Cookie", cookie(s)));
        boolean head = exchange.getRequestMethod().equals("HEAD");
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(body);
            }
        }
    }

    /** The session cookie: out of scripts' reach, never sent by another site's page, Secure behind TLS. */
    String cookie(Sessions.Session s) {
        return cookie(s.id, secureCookies);
    }

    static String cookie(String id, boolean secure) {
        return COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    private void revokeQuietly(Sessions.SignedIn signedIn) {
        try {
            services.accounts()
                    .authenticate(signedIn.secret())
                    .ifPresent(p -> services.accounts().revoke(p, signedIn.tokenId()));
        } catch (RuntimeException e) {
            e.printStackTrace(log);
        }
    }

    /** The signed-in account of a session, read afresh (a revoked token or a withdrawn role counts at once). */
    static Optional<Principal> principal(Services services, Optional<Sessions.Session> session) {
        return session.flatMap(s -> s.signedIn)
                .flatMap(si -> services.accounts().authenticate(si.secret()));
    }

    private static Optional<String> cookie(HttpExchange exchange, String name) {
        List<String> headers = exchange.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return Optional.empty();
        }
        for (String header : headers) {
            for (String part : header.split(";")) {
                String p = part.trim();
                int eq = p.indexOf('=');
                if (eq > 0 && p.substring(0, eq).equals(name)) {
                    return Optional.of(p.substring(eq + 1));
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, List<String>> form(HttpExchange exchange) throws IOException {
        String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type"))
                .orElse("");
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_FORM_BYTES + 1);
            if (body.length > MAX_FORM_BYTES) {
                throw new ApiError(413, "too-large", "the form is larger than " + MAX_FORM_BYTES + " bytes");
            }
            if (!type.startsWith("application/x-www-form-urlencoded")) {
                return Map.of();
            }
            return query(new String(body, StandardCharsets.UTF_8));
        }
    }

    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1));
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static Optional<String> first(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    private static String decodeQuery(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("the address is not correctly percent-encoded");
        }
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("the address is not correctly percent-encoded");
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
