package dev.mamori.server.http;

import dev.mamori.server.ApiError;
import dev.mamori.server.MamoriServer;
import dev.mamori.server.Services;
import dev.mamori.server.account.Accounts;
import dev.mamori.server.account.Principal;
import dev.mamori.server.account.Role;
import dev.mamori.server.http.Router.Response;
import dev.mamori.server.landscape.Landscapes;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

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
        return router;
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
