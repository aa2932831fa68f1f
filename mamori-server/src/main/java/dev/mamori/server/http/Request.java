package dev.mamori.server.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One API request as handlers see it: the path's parameters already matched, the query decoded,
 * the body read (bounded).
 */
public record Request(
        String method,
        String path,
        Map<String, String> pathParameters,
        Map<String, List<String>> query,
        Optional<String> authorization,
        byte[] body,
        String remoteAddress) {

    public Request {
        pathParameters = Map.copyOf(pathParameters);
        query = Map.copyOf(query);
    }

    public String parameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalStateException("the route has no parameter " + name);
        }
        return value;
    }

    public Optional<String> queryValue(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
