package dev.mamori.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled stadium landscape, served by a server a test starts: accounts for the stakeholders
 * venue-ops and orgcom (admin, maintainer, viewer, auditor each) and an integrator who maintains
 * every stakeholder and pushes the first revision.
 */
final class Venue {

    static final Path FOLDER = Path.of("..", "examples", "venue");
    static final List<String> FILES = List.of(
            "landscape.yaml",
            "access.yaml",
            "cctv.yaml",
            "facility.yaml",
            "operations.yaml",
            "sensing.yaml",
            "telco.yaml",
            "ticketing.yaml",
            "transport.yaml");
    /** The bills of materials the example's components name with sbom:, pushed with the model files. */
    static final List<String> SBOMS =
            List.of("sbom/cameras-legacy.cdx.json", "sbom/cameras-ptz.spdx.json", "sbom/lte-router.cdx.json");

    static final List<String> ROLES = List.of("admin", "maintainer", "viewer", "auditor");
    static final List<String> STAKEHOLDERS = List.of("venue-ops", "orgcom");

    final MamoriServer server;
    final Client client;
    final String adminToken;
    /** The server admin's generated password, for signing in through the pages. */
    final String adminPassword;
    /** Token per "stakeholder/role", and "integrator". */
    final Map<String, String> tokens = new LinkedHashMap<>();

    Venue(MamoriServer server) {
        this.server = server;
        this.client = new Client(server.port());
        String password = server.initAdmin("server-admin", Optional.empty()).orElseThrow();
        this.adminPassword = password;
        this.adminToken = login("server-admin", password);
        check(client.post("/api/v1/landscapes", adminToken, Map.of("id", "venue", "root", "landscape.yaml")), 201);
        for (String stakeholder : STAKEHOLDERS) {
            for (String role : ROLES) {
                tokens.put(stakeholder + "/" + role, person(stakeholder + "-" + role, Map.of(stakeholder, role)));
            }
        }
        Map<String, String> everything = new LinkedHashMap<>();
        for (String s : List.of("venue-ops", "orgcom", "telco", "transport-operator")) {
            everything.put(s, "maintainer");
        }
        tokens.put("integrator", person("integrator", everything));
        List<String> all = new ArrayList<>(FILES);
        all.addAll(SBOMS);
        Client.Answer first = push("integrator", "venue-ops", "the venue as agreed at the kick-off", all);
        check(first, 201);
    }

    String token(String key) {
        return tokens.get(key);
    }

    private String person(String name, Map<String, String> roles) {
        String password = name + "-password-long";
        check(client.post("/api/v1/accounts", adminToken, Map.of("name", name, "password", password)), 201);
        roles.forEach((stakeholder, role) -> check(
                client.send(
                        "PUT",
                        "/api/v1/landscapes/venue/stakeholders/" + stakeholder + "/members/" + name + "/" + role,
                        adminToken,
                        new byte[0]),
                200));
        return login(name, password);
    }

    private String login(String name, String password) {
        Client.Answer answer =
                client.post("/api/v1/login", null, Map.of("name", name, "password", password, "label", "test"));
        check(answer, 201);
        return answer.json().path("token").asText();
    }

    /** A file of the example as it is in the repository, its sbom: lines included. */
    static String read(String file) {
        try {
            return Files.readString(FOLDER.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of a push as the API takes them: the bills of materials (under sbom/) marked as such. */
    static List<Map<String, String>> entries(Map<String, String> contents) {
        List<Map<String, String>> list = new ArrayList<>();
        contents.forEach((path, content) -> list.add(
                path.startsWith("sbom/")
                        ? Map.of("path", path, "content", content, "kind", "sbom")
                        : Map.of("path", path, "content", content)));
        return list;
    }

    Client.Answer push(String who, String stakeholder, String message, List<String> files) {
        Map<String, String> contents = new LinkedHashMap<>();
        files.forEach(f -> contents.put(f, read(f)));
        return pushContents(who, stakeholder, message, contents);
    }

    Client.Answer pushContents(String who, String stakeholder, String message, Map<String, String> contents) {
        List<Map<String, String>> list = entries(contents);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stakeholder", stakeholder);
        body.put("message", message);
        body.put("files", list);
        return client.post("/api/v1/landscapes/venue/push", token(who), body);
    }

    /**
     * The example as the engine assesses it today, away from the server (the files copied to a
     * folder of their own, so that the parse cache is not written into the repository): what a
     * page that shows revision 1 must agree with.
     */
    static dev.mamori.engine.assessment.Assessment assessed(
            dev.mamori.engine.systemic.SystemicAnalyzer.Options question) {
        Path folder = TestData.folder();
        try {
            List<String> all = new ArrayList<>(FILES);
            all.addAll(SBOMS);
            for (String f : all) {
                Path target = folder.resolve(f);
                Files.createDirectories(target.getParent());
                Files.writeString(target, read(f));
            }
            List<Path> roots = FILES.stream().map(Path::of).toList();
            dev.mamori.app.Workspace workspace = dev.mamori.app.Workspace.onDisk(folder, roots, Optional.of(folder));
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
            dev.mamori.app.Loaded loaded = workspace.load(roots, today);
            if (!loaded.valid()) {
                throw new AssertionError("the example does not load: " + loaded.diagnostics());
            }
            return workspace.assess(
                    loaded,
                    dev.mamori.engine.assessment.AssessmentOptions.on(today).withSystemic(question));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TestData.delete(folder);
        }
    }

    static void check(Client.Answer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + ", got " + answer.status() + ": " + answer.text());
        }
    }
}
