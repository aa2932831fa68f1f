package dev.mamori.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.model.generate.LandscapeGenerator;
import dev.mamori.server.MamoriServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Mamori server with its embedded PostgreSQL on a temporary folder, holding a generated
 * landscape split as its stakeholders would keep it: a root file (stakeholders, interconnections,
 * missions) and one JSON file per system. An integrator maintaining every stakeholder pushed it
 * whole as the first revision; benchmarks then push and read over HTTP on loopback, as clients do.
 */
final class ServerFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final Path data;
    final MamoriServer server;
    final String token;
    final Map<String, String> files = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    /**
     * @param oneOwner every system owned by one stakeholder ({@code owner0}), who then reads every
     *     finding; else each system its own owner, as the generator makes them
     */
    ServerFixture(int systems, int componentsPerSystem, boolean oneOwner) {
        this(systems, componentsPerSystem, oneOwner, 0);
    }

    /**
     * @param warmUpRounds the server's warm-up after its start ({@code MamoriServer.Tuning.withWarmUp}),
     *     waited for before the landscape is pushed: as a server's first push comes some time after
     *     its start
     */
    ServerFixture(int systems, int componentsPerSystem, boolean oneOwner, int warmUpRounds) {
        try {
            data = Files.createTempDirectory("mamori-bench-server");
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = MamoriServer.start(
                MamoriServer.Options.loopback(0, data),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                MamoriServer.Tuning.defaults().withWarmUp(warmUpRounds));
        if (warmUpRounds > 0) {
            var done = server.warmedUp().join();
            System.out.printf(
                    java.util.Locale.ROOT,
                    "warm-up: %d rounds, %d findings, %d ms%n",
                    done.rounds(),
                    done.findings(),
                    done.millis());
        }
        base = "http://127.0.0.1:" + server.port() + "/api/v1";
        try {
            token = load(systems, componentsPerSystem, oneOwner);
        } catch (RuntimeException e) {
            // A set-up that fails leaves no PostgreSQL running and no data behind.
            close();
            throw e;
        }
    }

    private String load(int systems, int componentsPerSystem, boolean oneOwner) {
        String adminPassword = server.initAdmin("admin", Optional.empty()).orElseThrow();
        String admin = login("admin", adminPassword);
        Map<String, Object> root = new LandscapeGenerator(systems, componentsPerSystem, 7).toPlainValues();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> systemMap = (Map<String, Map<String, Object>>) root.remove("systems");
        if (oneOwner) {
            systemMap.values().forEach(s -> s.put("owner", "owner0"));
        }
        files.put("landscape.json", write(root));
        systemMap.forEach((id, system) -> {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("mamori", 1);
            file.put("systems", Map.of(id, system));
            files.put("systems/" + id + ".json", write(file));
        });
        check(send("POST", "/landscapes", admin, Map.of("id", "bench", "root", "landscape.json")), 201);
        check(send("POST", "/accounts", admin, Map.of("name", "integrator", "password", "integrator-password")), 201);
        @SuppressWarnings("unchecked")
        Map<String, Object> stakeholders = (Map<String, Object>) root.get("stakeholders");
        for (String s : stakeholders.keySet()) {
            check(
                    send("PUT", "/landscapes/bench/stakeholders/" + s + "/members/integrator/maintainer", admin, null),
                    200);
        }
        String token = login("integrator", "integrator-password");
        // A push carries at most 200 files and 16 MiB: a large landscape comes in 100 systems at a
        // time, each push with the root's interconnections and missions among the systems so far.
        List<String> ids = new ArrayList<>(systemMap.keySet());
        for (int end = Math.min(BATCH, ids.size()); ; end = Math.min(end + BATCH, ids.size())) {
            java.util.Set<String> sofar = new java.util.HashSet<>(ids.subList(0, end));
            Map<String, String> batch = new LinkedHashMap<>();
            batch.put("landscape.json", write(rootFor(root, sofar)));
            for (String id : ids.subList(Math.max(0, end - BATCH), end)) {
                batch.put("systems/" + id + ".json", files.get("systems/" + id + ".json"));
            }
            check(push(token, "owner0", "systems up to " + end, batch), 201);
            if (end == ids.size()) {
                break;
            }
        }
        return token;
    }

    private static final int BATCH = 100;

    /**
     * A generated landscape split as the fixture splits it (a root file, {@code landscape.json},
     * and one file per system), for a revision seeded without pushes.
     */
    static Map<String, String> split(int systems, int componentsPerSystem, boolean oneOwner) {
        Map<String, Object> root = new LandscapeGenerator(systems, componentsPerSystem, 7).toPlainValues();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> systemMap = (Map<String, Map<String, Object>>) root.remove("systems");
        if (oneOwner) {
            systemMap.values().forEach(s -> s.put("owner", "owner0"));
        }
        Map<String, String> split = new LinkedHashMap<>();
        split.put("landscape.json", write(root));
        systemMap.forEach((id, system) -> {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("mamori", 1);
            file.put("systems", Map.of(id, system));
            split.put("systems/" + id + ".json", write(file));
        });
        return split;
    }

    /** The root file with only what joins the systems named. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> rootFor(Map<String, Object> root, java.util.Set<String> systems) {
        Map<String, Object> cut = new LinkedHashMap<>(root);
        cut.put(
                "flows",
                ((List<Map<String, Object>>) root.get("flows"))
                        .stream()
                                .filter(f -> systems.contains(
                                                String.valueOf(f.get("from")).split("\\.")[0])
                                        && systems.contains(
                                                String.valueOf(f.get("to")).split("\\.")[0]))
                                .toList());
        Map<String, Object> missions = new LinkedHashMap<>();
        ((Map<String, Object>) root.get("missions")).forEach((id, m) -> {
            if (systems.contains(id.substring("serve-".length()))) {
                missions.put(id, m);
            }
        });
        cut.put("missions", missions);
        return cut;
    }

    private String login(String name, String password) {
        HttpResponse<String> answer = send("POST", "/login", null, Map.of("name", name, "password", password));
        check(answer, 201);
        return json(answer.body()).path("token").asText();
    }

    HttpResponse<String> push(String stakeholder, String message, Map<String, String> contents) {
        return push(token, stakeholder, message, contents);
    }

    private HttpResponse<String> push(String bearer, String stakeholder, String message, Map<String, String> contents) {
        List<Map<String, String>> list = new ArrayList<>();
        contents.forEach((path, content) -> list.add(Map.of("path", path, "content", content)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stakeholder", stakeholder);
        body.put("message", message);
        body.put("files", list);
        return send("POST", "/landscapes/bench/push", bearer, body);
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, token, null);
    }

    private HttpResponse<String> send(String method, String path, String bearer, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            b.method(
                    method,
                    body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void check(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer.statusCode() + ": "
                    + answer.body().substring(0, Math.min(2000, answer.body().length())));
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        try (Stream<Path> all = Files.walk(data)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
