package dev.mamori.server.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a page handler answers: a status, the body's type and bytes, and any further headers. */
record WebResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    WebResponse {
        headers = Map.copyOf(headers);
    }

    static WebResponse html(int status, String html) {
        return new WebResponse(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** After a form: the browser is sent on with GET (303), so that reloading does not post again. */
    static WebResponse redirect(String location) {
        return new WebResponse(303, "text/plain; charset=utf-8", new byte[0], Map.of("Location", location));
    }

    /** A file to save, not to show: a report download. */
    static WebResponse download(String contentType, String fileName, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        return new WebResponse(200, contentType, body, headers);
    }

    WebResponse with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new WebResponse(status, contentType, body, more);
    }
}
