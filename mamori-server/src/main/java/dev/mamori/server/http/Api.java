package dev.mamori.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.server.ApiError;
import dev.mamori.server.MamoriServer;
import dev.mamori.server.Services;
import dev.mamori.server.account.Accounts;
import dev.mamori.server.account.Principal;
import dev.mamori.server.account.Role;
import dev.mamori.server.audit.AuditLog;
import dev.mamori.server.http.Router.Response;
import dev.mamori.server.landscape.Landscapes;
import dev.mamori.server.revision.Revisions;
import dev.mamori.server.revision.Views;
import dev.mamori.server.treatment.Treatments;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The routes of {@code /api/v1}: each one reads the request, checks who asks, and calls a service. */
public final class Api {

    private final Services services;

    private Api(Services services) {
        this.services = services;
    }

    public static Router routes(Services services, String schemaVersion, PrintStream log) {
        Api api = new Api(services);
        Router router = new Router(MamoriServer.MAX_BODY_BYTES, log);
        router.route("GET", "/api/v1/health", request -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "ok");
            body.put("schema", schemaVersion);
            return Response.ok(body);
        });
        JsonNode openapi = openapi();
        router.route("GET", "/api/v1/openapi.json", request -> Response.ok(openapi));
        router.route("POST", "/api/v1/login", api::login);
        router.route("GET", "/api/v1/me", api::me);
        router.route(
                "GET", "/api/v1/tokens", r -> Response.ok(services.accounts().tokens(api.who(r))));
        router.route("POST", "/api/v1/tokens", api::createToken);
        router.route("DELETE", "/api/v1/tokens/{token}", api::revokeToken);
        router.route("POST", "/api/v1/accounts", api::createAccount);
        router.route(
                "GET",
                "/api/v1/landscapes",
                r -> Response.ok(services.landscapes().list(api.who(r))));
        router.route("POST", "/api/v1/landscapes", api::createLandscape);
        router.route("GET", "/api/v1/landscapes/{landscape}/stakeholders/{stakeholder}/members", api::members);
        router.route(
                "PUT",
                "/api/v1/landscapes/{landscape}/stakeholders/{stakeholder}/members/{account}/{role}",
                r -> api.membership(r, true));
        router.route(
                "DELETE",
                "/api/v1/landscapes/{landscape}/stakeholders/{stakeholder}/members/{account}/{role}",
                r -> api.membership(r, false));
        router.route("POST", "/api/v1/landscapes/{landscape}/push", api::push);
        router.route(
                "GET",
                "/api/v1/landscapes/{landscape}/revisions",
                r -> Response.ok(services.views().revisions(api.viewer(r))));
        router.route("GET", "/api/v1/landscapes/{landscape}/findings", api::findings);
        router.route(
                "GET",
                "/api/v1/landscapes/{landscape}/paths",
                r -> Response.ok(services.views().paths(api.viewer(r), number(r, "revision"))));
        router.route(
                "GET",
                "/api/v1/landscapes/{landscape}/files",
                r -> Response.ok(services.views()
                        .file(
                                api.viewer(r),
                                r.queryValue("path")
                                        .orElseThrow(() -> ApiError.badRequest("name the file: ?path=NAME")),
                                number(r, "revision"))));
        router.route("GET", "/api/v1/landscapes/{landscape}/audit", api::landscapeAudit);
        router.route("GET", "/api/v1/audit", api::serverAudit);
        api.notifications(router);
        return router;
    }

    /** Treatments, the inbox, webhooks and re-assessment (docs/server.md). */
    private void notifications(Router router) {
        String landscape = "/api/v1/landscapes/{landscape}";
        String webhooks = landscape + "/stakeholders/{stakeholder}/webhooks";
        router.route("POST", landscape + "/treatments", this::treat);
        router.route(
                "GET",
                landscape + "/treatments",
                r -> Response.ok(services.treatments().list(viewer(r), number(r, "expiring"))));
        router.route(
                "GET",
                landscape + "/inbox",
                r -> Response.ok(services.inbox()
                        .list(
                                viewer(r),
                                number(r, "offset").orElse(0),
                                number(r, "limit").orElse(100))));
        router.route(
                "GET",
                webhooks,
                r -> Response.ok(
                        services.webhooks().list(who(r), r.parameter("landscape"), r.parameter("stakeholder"))));
        router.route("POST", webhooks, r -> {
            Body body = Body.of(r);
            return Response.created(services.webhooks()
                    .create(
                            who(r),
                            r.parameter("landscape"),
                            r.parameter("stakeholder"),
                            body.text("url"),
                            body.optionalText("secret")));
        });
        router.route(
                "DELETE",
                webhooks + "/{webhook}",
                r -> Response.ok(services.webhooks()
                        .remove(who(r), r.parameter("landscape"), r.parameter("stakeholder"), id(r, "webhook"))));
        router.route(
                "GET",
                webhooks + "/{webhook}/deliveries",
                r -> Response.ok(services.webhooks()
                        .deliveries(
                                who(r),
                                r.parameter("landscape"),
                                r.parameter("stakeholder"),
                                id(r, "webhook"),
                                number(r, "offset").orElse(0),
                                number(r, "limit").orElse(100))));
        router.route("POST", "/api/v1/reassess", r -> {
            if (!who(r).serverAdmin()) {
                throw ApiError.forbidden("only the server's admins start a re-assessment");
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("landscapes", services.revisions().reassess());
            answer.put("expiryWarnings", services.treatments().warnExpiring());
            return Response.ok(answer);
        });
    }

    private static long id(Request request, String name) {
        try {
            return Long.parseLong(request.parameter(name));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("a " + name + " id is a number");
        }
    }

    private Response treat(Request request) {
        Principal who = who(request);
        Body body = Body.of(request);
        Treatments.Decision decision = services.treatments()
                .decision(
                        body.text("stakeholder"),
                        body.text("rule"),
                        body.text("element"),
                        body.text("status"),
                        body.text("reason"),
                        body.text("until"),
                        body.optionalText("ticket"));
        return Response.created(services.treatments().record(who, request.parameter("landscape"), decision));
    }

    private Response landscapeAudit(Request request) {
        Views.Viewer viewer = viewer(request);
        Principal who = who(request);
        if (!who.has(viewer.landscape().id(), viewer.stakeholder(), Role.AUDITOR)) {
            throw ApiError.forbidden("only " + viewer.stakeholder() + "'s auditors read its audit records");
        }
        return Response.ok(audit(
                request, Optional.of(new AuditLog.Concerning(viewer.landscape().id(), viewer.stakeholder()))));
    }

    private Response serverAudit(Request request) {
        if (!who(request).serverAdmin()) {
            throw ApiError.forbidden("only the server's admins read the whole audit log");
        }
        return Response.ok(audit(request, Optional.empty()));
    }

    private List<Map<String, Object>> audit(Request request, Optional<AuditLog.Concerning> about) {
        int offset = number(request, "offset").orElse(0);
        int limit = number(request, "limit").orElse(100);
        if (offset < 0 || limit < 1 || limit > 500) {
            throw ApiError.badRequest("offset is 0 or more and limit 1 to 500");
        }
        return services.transactions().run(c -> services.audit().list(c, about, offset, limit)).stream()
                .map(AuditLog::json)
                .toList();
    }

    private Views.Viewer viewer(Request request) {
        return services.views().viewer(who(request), request.parameter("landscape"), request.queryValue("stakeholder"));
    }

    private static Optional<Integer> number(Request request, String name) {
        Optional<String> text = request.queryValue(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(text.get()));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("?" + name + "= takes a whole number");
        }
    }

    private Response push(Request request) {
        Principal who = who(request);
        Body body = Body.of(request);
        JsonNode files = body.json().get("files");
        if (files == null || !files.isArray()) {
            throw ApiError.badRequest("the body needs 'files': a list of {\"path\": …, \"content\": …}");
        }
        List<Revisions.PushedFile> pushed = new ArrayList<>();
        for (JsonNode f : files) {
            JsonNode path = f.get("path");
            JsonNode content = f.get("content");
            JsonNode kind = f.get("kind");
            if (path == null || !path.isTextual() || content == null || !content.isTextual()) {
                throw ApiError.badRequest("each file is {\"path\": TEXT, \"content\": TEXT, \"kind\"?: model|sbom}");
            }
            if (kind != null && !kind.isTextual()) {
                throw ApiError.badRequest("a file's 'kind' is model or sbom");
            }
            pushed.add(new Revisions.PushedFile(
                    path.asText(),
                    content.asText().getBytes(StandardCharsets.UTF_8),
                    kind == null ? Revisions.FileKind.MODEL : Revisions.FileKind.of(kind.asText())));
        }
        Map<String, Object> accepted = services.revisions()
                .push(
                        who,
                        request.parameter("landscape"),
                        body.text("stakeholder"),
                        body.optionalText("message").orElse(""),
                        pushed);
        return Response.created(accepted);
    }

    private Response findings(Request request) {
        Views.Viewer viewer = viewer(request);
        Optional<Integer> rank = request.queryValue("severity").map(word -> {
            List<String> order = List.of("info", "low", "medium", "high", "critical");
            int i = order.indexOf(word);
            if (i < 0) {
                throw ApiError.badRequest("?severity= is one of " + String.join(", ", order));
            }
            return i;
        });
        boolean openOnly = request.queryValue("open")
                .map(o -> {
                    if (!o.equals("true") && !o.equals("false")) {
                        throw ApiError.badRequest("?open= is true or false");
                    }
                    return o.equals("true");
                })
                .orElse(false);
        return Response.ok(services.views()
                .findings(
                        viewer,
                        number(request, "revision"),
                        rank,
                        openOnly,
                        number(request, "offset").orElse(0),
                        number(request, "limit").orElse(100)));
    }

    /** The hand-written OpenAPI 3.1 document of these routes (a test holds the two to each other). */
    private static JsonNode openapi() {
        try (java.io.InputStream in = Api.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the server's jar");
            }
            return Router.json().readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The account of the request's bearer token. */
    Principal who(Request request) {
        String header = request.authorization().orElseThrow(ApiError::unauthorized);
        if (!header.startsWith("Bearer ")) {
            throw ApiError.unauthorized();
        }
        return services.accounts()
                .authenticate(header.substring("Bearer ".length()).trim())
                .orElseThrow(ApiError::unauthorized);
    }

    private Response login(Request request) {
        Body body = Body.of(request);
        Accounts.Token token = services.accounts()
                .login(
                        body.text("name"),
                        body.text("password"),
                        body.optionalText("label").orElse("login"),
                        request.remoteAddress());
        return Response.created(token(token));
    }

    private static Map<String, Object> token(Accounts.Token token) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", token.id());
        t.put("label", token.label());
        t.put("token", token.secret());
        t.put("note", "the token is shown this once; the server keeps only its hash");
        return t;
    }

    private Response me(Request request) {
        Principal who = who(request);
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("name", who.name());
        me.put("serverAdmin", who.serverAdmin());
        me.put(
                "memberships",
                who.memberships().stream()
                        .map(m -> Map.of(
                                "landscape",
                                m.landscape(),
                                "stakeholder",
                                m.stakeholder(),
                                "role",
                                m.role().word()))
                        .toList());
        return Response.ok(me);
    }

    private Response createToken(Request request) {
        Principal who = who(request);
        Body body = Body.of(request);
        return Response.created(token(services.accounts().createToken(who, body.text("label"))));
    }

    private Response revokeToken(Request request) {
        Principal who = who(request);
        long id;
        try {
            id = Long.parseLong(request.parameter("token"));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("a token id is a number");
        }
        services.accounts().revoke(who, id);
        return Response.ok(Map.of("revoked", id));
    }

    private Response createAccount(Request request) {
        Principal who = who(request);
        if (!who.serverAdmin()) {
            throw ApiError.forbidden("only the server's admins make accounts");
        }
        Body body = Body.of(request);
        Accounts.Created created =
                services.accounts().create(who.name(), body.text("name"), body.optionalText("password"), false);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("name", created.name());
        created.generatedPassword().ifPresent(p -> answer.put("password", p));
        return Response.created(answer);
    }

    private Response createLandscape(Request request) {
        Principal who = who(request);
        Body body = Body.of(request);
        Landscapes.Info info = services.landscapes()
                .create(who, body.text("id"), body.optionalText("root").orElse("landscape.yaml"));
        return Response.created(Map.of("id", info.id(), "root", info.rootFile()));
    }

    private Response members(Request request) {
        Principal who = who(request);
        String landscape = services.landscapes()
                .visible(who, request.parameter("landscape"))
                .id();
        return Response.ok(services.accounts().members(who, landscape, request.parameter("stakeholder")));
    }

    private Response membership(Request request, boolean grant) {
        Principal who = who(request);
        String landscape = services.landscapes()
                .visible(who, request.parameter("landscape"))
                .id();
        Role role = Role.of(request.parameter("role"))
                .orElseThrow(() -> ApiError.badRequest("a role is admin, maintainer, viewer or auditor"));
        String stakeholder = request.parameter("stakeholder");
        String account = request.parameter("account");
        if (grant) {
            services.accounts().grant(who, landscape, stakeholder, account, role);
        } else {
            services.accounts().withdraw(who, landscape, stakeholder, account, role);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("landscape", landscape);
        answer.put("stakeholder", stakeholder);
        answer.put("account", account);
        answer.put("role", role.word());
        answer.put(grant ? "granted" : "withdrawn", true);
        return Response.ok(answer);
    }
}
