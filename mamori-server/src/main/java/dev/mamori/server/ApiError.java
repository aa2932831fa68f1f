package dev.mamori.server;

import java.util.List;
import java.util.Map;

/**
 * A request the server refuses, with the status, a stable code for programs and a sentence for
 * people; {@code details} carries what a client needs to fix it (the located errors of a push).
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient List<Map<String, Object>> details;

    public ApiError(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public ApiError(int status, String code, String message, List<Map<String, Object>> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Map<String, Object>> details() {
        return details;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "bad-request", message);
    }

    public static ApiError unauthorized() {
        return new ApiError(401, "unauthorized", "a valid API token is needed (Authorization: Bearer TOKEN)");
    }

    public static ApiError forbidden(String message) {
        return new ApiError(403, "forbidden", message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "not-found", message);
    }
}
