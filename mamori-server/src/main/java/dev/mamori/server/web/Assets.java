package dev.mamori.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The pages' style sheet, script and icon, served from the jar: nothing comes from another site. */
final class Assets {

    private static final Map<String, String> TYPES = Map.of(
            "mamori.css", "text/css; charset=utf-8",
            "mamori.js", "text/javascript; charset=utf-8",
            "favicon.svg", "image/svg+xml");

    private final Map<String, byte[]> files;

    Assets() {
        this.files = Map.of(
                "mamori.css", read("mamori.css"),
                "mamori.js", read("mamori.js"),
                "favicon.svg", read("favicon.svg"));
    }

    WebResponse get(String name) {
        byte[] body = files.get(name);
        if (body == null) {
            return new WebResponse(
                    404,
                    "text/plain; charset=utf-8",
                    "no such file\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    Map.of());
        }
        // The files change only with the server: a day's cache is safe and saves a request per page.
        return new WebResponse(200, TYPES.get(name), body, Map.of("Cache-Control", "max-age=86400"));
    }

    private static byte[] read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream("static/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the server's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
