package dev.mamori.server.http;

import dev.mamori.server.MamoriServer;
import dev.mamori.server.Services;
import dev.mamori.server.http.Router.Response;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** The routes of {@code /api/v1}: each one reads the request, checks who may, and calls a service. */
public final class Api {

    private Api() {}

    public static Router routes(Services services, String schemaVersion, PrintStream log) {
        Router router = new Router(MamoriServer.MAX_BODY_BYTES, log);
        router.route("GET", "/api/v1/health", request -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "ok");
            body.put("schema", schemaVersion);
            return Response.ok(body);
        });
        return router;
    }
}
