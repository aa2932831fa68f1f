package dev.mamori.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.mamori.server.ApiError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes {@code METHOD /path/{param}} to handlers and turns what they return or throw into JSON.
 * Whatever goes wrong inside, the client gets a status and a sentence, never a stack trace; the
 * trace goes to the server's own error stream.
 */
public final class Router implements HttpHandler {

    /** A handler's answer: the status and what is written as JSON. */
    public record Response(int status, Object body) {
        public static Response ok(Object body) {
            return new Response(200, body);
        }

        public static Response created(Object body) {
            return new Response(201, body);
        }
    }

    @FunctionalInterface
    public interface Handler {
        Response handle(Request request) throws Exception;
    }

    /** One route, as the OpenAPI document lists it. */
    public record Route(String method, String template, Pattern pattern, List<String> names, Handler handler) {}

    private static final Pattern PARAMETER = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<Route> routes = new ArrayList<>();
    private final long maxBodyBytes;
    private final PrintStream log;

    public Router(long maxBodyBytes, PrintStream log) {
        this.maxBodyBytes = maxBodyBytes;
        this.log = log;
    }

    public Router route(String method, String template, Handler handler) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAMETER.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            // A parameter is one path segment: never a slash, never empty.
            regex.append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, template, Pattern.compile(regex.toString()), List.copyOf(names), handler));
        return this;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public static ObjectMapper json() {
        return JSON;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Response response;
        try {
            response = dispatch(exchange);
        } catch (ApiError e) {
            response = error(e);
        } catch (RuntimeException | Error e) {
            e.printStackTrace(log);
            response = new Response(
                    500, errorBody("internal", "the server failed on this request; its log says why", List.of()));
        } catch (Exception e) {
            e.printStackTrace(log);
            response = new Response(
                    500, errorBody("internal", "the server failed on this request; its log says why", List.of()));
        }
        send(exchange, response);
    }

    private Response dispatch(HttpExchange exchange) throws Exception {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        boolean pathMatched = false;
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(path);
            if (!m.matches()) {
                continue;
            }
            pathMatched = true;
            if (!route.method().equals(method)) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < route.names().size(); i++) {
                parameters.put(route.names().get(i), decode(m.group(i + 1)));
            }
            Request request = new Request(
                    method,
                    path,
                    parameters,
                    query(exchange.getRequestURI().getRawQuery()),
                    Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")),
                    body(exchange),
                    exchange.getRemoteAddress().getAddress().getHostAddress());
            return route.handler().handle(request);
        }
        if (pathMatched) {
            throw new ApiError(405, "method-not-allowed", method + " is not served on this path");
        }
        throw ApiError.notFound("no such API path");
    }

    private byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            if (length != null) {
                long declared;
                try {
                    declared = Long.parseLong(length.trim());
                } catch (NumberFormatException e) {
                    throw ApiError.badRequest("Content-Length is not a number");
                }
                if (declared > maxBodyBytes) {
                    drain(in);
                    throw tooLarge();
                }
            }
            byte[] read = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (read.length > maxBodyBytes) {
                drain(in);
                throw tooLarge();
            }
            return read;
        }
    }

    /**
     * Reads and drops what is left of a refused body, up to a bound: a client still sending when
     * the connection closes would never see the 413 that says why. Past the bound the connection is
     * simply closed.
     */
    private void drain(InputStream in) throws IOException {
        long left = 4 * maxBodyBytes;
        byte[] buffer = new byte[64 * 1024];
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= n;
        }
    }

    private ApiError tooLarge() {
        return new ApiError(413, "too-large", "the request body is larger than " + maxBodyBytes + " bytes");
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("the path is not correctly percent-encoded");
        }
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1));
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decodeQuery(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("the query is not correctly percent-encoded");
        }
    }

    private static Response error(ApiError e) {
        return new Response(e.status(), errorBody(e.code(), e.getMessage(), e.details()));
    }

    private static Map<String, Object> errorBody(String code, String message, List<Map<String, Object>> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        if (!details.isEmpty()) {
            body.put("details", details);
        }
        return body;
    }

    private void send(HttpExchange exchange, Response response) throws IOException {
        byte[] bytes;
        int status = response.status();
        try {
            bytes = (JSON.writeValueAsString(response.body()) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            e.printStackTrace(log);
            status = 500;
            bytes = "{\"error\":\"internal\",\"message\":\"the answer could not be written\"}\n"
                    .getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
