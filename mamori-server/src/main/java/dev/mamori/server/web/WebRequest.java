package dev.mamori.server.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request for a page as the handlers see it: the path split into segments, the query and the
 * form (both decoded), the cookies, and the browser session when it has one.
 */
record WebRequest(
        String method,
        String path,
        List<String> segments,
        Map<String, List<String>> query,
        Map<String, List<String>> form,
        Optional<Sessions.Session> session,
        String remoteAddress) {

    WebRequest {
        segments = List.copyOf(segments);
        query = Map.copyOf(query);
        form = Map.copyOf(form);
    }

    Optional<String> query(String name) {
        return first(query, name);
    }

    Optional<String> form(String name) {
        return first(form, name);
    }

    private static Optional<String> first(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }
}
