package dev.mamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.app.Loaded;
import dev.mamori.app.Workspace;
import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.assessment.AssessmentOptions;
import dev.mamori.model.IotSystem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint, as every role of two stakeholders (and as an outsider and nobody): what each may
 * do, and that what it reads is its own systems whole and of the other's only what touches it.
 */
class AuthorizationMatrixTest {

    private static final Path DATA = TestData.folder();
    private static MamoriServer server;
    private static Venue venue;
    /** System id to owning stakeholder, from the model itself. */
    private static final Map<String, String> OWNERS = new TreeMap<>();
    /** The findings of the whole landscape, as "rule element". */
    private static Assessment full;

    @BeforeAll
    static void start() {
        server = TestData.quietServer(DATA);
        venue = new Venue(server);
        List<Path> roots = Venue.FILES.stream().map(Path::of).toList();
        Workspace workspace =
                Workspace.onDisk(Venue.FOLDER, roots, Optional.empty()); // the landscape folder: that of the first file
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Loaded loaded = workspace.load(roots, today);
        full = workspace.assess(loaded, AssessmentOptions.on(today));
        for (IotSystem s : loaded.landscape().orElseThrow().systems().values()) {
            OWNERS.put(s.id(), s.owner().text());
        }
        venue.client.post(
                "/api/v1/accounts", venue.adminToken, Map.of("name", "outsider", "password", "outsider-password"));
        venue.tokens.put(
                "outsider",
                venue.client
                        .post("/api/v1/login", null, Map.of("name", "outsider", "password", "outsider-password"))
                        .json()
                        .path("token")
                        .asText());
    }

    @AfterAll
    static void stop() {
        server.close();
        TestData.delete(DATA);
    }

    private static Set<String> systemsOf(String stakeholder) {
        return OWNERS.entrySet().stream()
                .filter(e -> e.getValue().equals(stakeholder))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A read endpoint, as one stakeholder. */
    private static List<String> reads(String stakeholder) {
        String own = stakeholder.equals("orgcom") ? "access.yaml" : "cctv.yaml";
        String q = "?stakeholder=" + stakeholder;
        String base = "/api/v1/landscapes/venue";
        return List.of(
                base + "/revisions" + q,
                base + "/findings" + q + "&limit=500",
                base + "/paths" + q,
                base + "/files" + q + "&path=" + own,
                base + "/audit" + q,
                base + "/treatments" + q + "&expiring=30",
                base + "/inbox" + q,
                base + "/stakeholders/" + stakeholder + "/members",
                base + "/stakeholders/" + stakeholder + "/webhooks");
    }

    private static int expected(String endpoint, String role) {
        if (endpoint.contains("/audit")) {
            return role.equals("auditor") ? 200 : 403;
        }
        if (endpoint.contains("/members") || endpoint.contains("/webhooks")) {
            return role.equals("admin") ? 200 : 403;
        }
        return 200;
    }

    @Test
    void everyRoleReadsAsItsOwnStakeholderWhatItsRoleAllowsAndNothingAsTheOther() {
        List<String> seen = new ArrayList<>();
        for (String stakeholder : Venue.STAKEHOLDERS) {
            String other = stakeholder.equals("orgcom") ? "venue-ops" : "orgcom";
            for (String role : Venue.ROLES) {
                String token = venue.token(stakeholder + "/" + role);
                for (String endpoint : reads(stakeholder)) {
                    Client.Answer answer = venue.client.get(endpoint, token);
                    assertThat(answer.status())
                            .as(role + " of " + stakeholder + " GET " + endpoint)
                            .isEqualTo(expected(endpoint, role));
                    noTrace(answer);
                    seen.add(endpoint);
                }
                for (String endpoint : reads(other)) {
                    Client.Answer answer = venue.client.get(endpoint, token);
                    assertThat(answer.status())
                            .as(role + " of " + stakeholder + " GET " + endpoint)
                            .isIn(403, 404);
                    noTrace(answer);
                }
                for (String endpoint : reads(stakeholder)) {
                    assertThat(venue.client.get(endpoint, null).status())
                            .as("anonymous " + endpoint)
                            .isEqualTo(401);
                    assertThat(venue.client
                                    .get(endpoint, venue.token("outsider"))
                                    .status())
                            .as("outsider " + endpoint)
                            .isEqualTo(404);
                }
            }
        }
        assertThat(seen).isNotEmpty();
    }

    @Test
    void anotherStakeholdersFileIsAsAbsentAsNoFile() {
        Client.Answer answer = venue.client.get(
                "/api/v1/landscapes/venue/files?stakeholder=venue-ops&path=access.yaml",
                venue.token("venue-ops/viewer"));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text()).doesNotContain("turnstile");
    }

    @Test
    void onlyMaintainersPushAndOnlyAdminsGrantForTheirOwnStakeholder() {
        for (String stakeholder : Venue.STAKEHOLDERS) {
            String own = stakeholder.equals("orgcom") ? "access.yaml" : "cctv.yaml";
            String other = stakeholder.equals("orgcom") ? "venue-ops" : "orgcom";
            for (String role : Venue.ROLES) {
                String key = stakeholder + "/" + role;
                Client.Answer push = venue.push(key, stakeholder, "matrix", List.of(own));
                assertThat(push.status()).as(key + " pushes " + own).isEqualTo(role.equals("maintainer") ? 201 : 403);
                Client.Answer foreign = venue.push(key, other, "matrix", List.of(own));
                assertThat(foreign.status()).as(key + " pushes as " + other).isEqualTo(403);
                String grant = "/api/v1/landscapes/venue/stakeholders/%s/members/outsider/viewer";
                assertThat(venue.client
                                .send("PUT", grant.formatted(stakeholder), venue.token(key), new byte[0])
                                .status())
                        .as(key + " grants for " + stakeholder)
                        .isEqualTo(role.equals("admin") ? 200 : 403);
                assertThat(venue.client
                                .send("PUT", grant.formatted(other), venue.token(key), new byte[0])
                                .status())
                        .as(key + " grants for " + other)
                        .isEqualTo(403);
                venue.client.send("DELETE", grant.formatted(stakeholder), venue.adminToken, new byte[0]);
                assertThat(venue.client.get("/api/v1/audit", venue.token(key)).status())
                        .isEqualTo(403);
                assertThat(venue.client
                                .post("/api/v1/landscapes", venue.token(key), Map.of("id", "x"))
                                .status())
                        .isEqualTo(403);
            }
        }
        assertThat(venue.client.get("/api/v1/audit", venue.adminToken).status()).isEqualTo(200);
    }

    @Test
    void aStakeholderSeesItsOwnSystemsFindingsWholeAndOfOthersOnlyWhatTouchesIt() {
        for (String stakeholder : Venue.STAKEHOLDERS) {
            Set<String> own = systemsOf(stakeholder);
            JsonNode page = venue.client
                    .get(
                            "/api/v1/landscapes/venue/findings?stakeholder=" + stakeholder + "&revision=1&limit=500",
                            venue.token(stakeholder + "/viewer"))
                    .json();
            Set<String> served = new TreeSet<>();
            for (JsonNode f : page.path("findings")) {
                served.add(f.path("rule").asText() + " " + f.path("element").asText());
                String kind = f.path("elementKind").asText();
                if (f.has("system") && !own.contains(f.path("system").asText())) {
                    // Of another's system only the interconnections with this stakeholder's systems.
                    assertThat(kind).as(stakeholder + " sees " + f).isIn("flow", "credential relation");
                    // named by its own systems: in the element's id (system.x) or as a word of
                    // the explanation ("joins systems sensing and operations")
                    String text = f.path("explanation").asText() + " "
                            + f.path("element").asText();
                    assertThat(own.stream()
                                    .anyMatch(sys -> text.contains(sys + ".")
                                            || java.util.regex.Pattern.compile(
                                                            "\\b" + java.util.regex.Pattern.quote(sys) + "\\b")
                                                    .matcher(text)
                                                    .find()))
                            .as(stakeholder + " sees " + f)
                            .isTrue();
                } else if (!f.has("system")) {
                    assertThat(kind).isIn("mission", "flow", "credential relation", "stakeholder");
                }
            }
            Set<String> ownFindings = full.risk().findings().stream()
                    .filter(f -> f.element().system().map(own::contains).orElse(false))
                    .map(f -> f.rule() + " " + f.element().id())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(ownFindings).isNotEmpty();
            assertThat(served).containsAll(ownFindings);
        }
    }

    @Test
    void pathsEndInTheReadersSystemsAndHideTheOthersInternals() {
        for (String stakeholder : Venue.STAKEHOLDERS) {
            Set<String> own = systemsOf(stakeholder);
            JsonNode paths = venue.client
                    .get(
                            "/api/v1/landscapes/venue/paths?stakeholder=" + stakeholder + "&revision=1",
                            venue.token(stakeholder + "/maintainer"))
                    .json()
                    .path("paths");
            long expected = full.systemic().paths().stream()
                    .filter(p -> own.contains(p.targetSystem()))
                    .count();
            assertThat(paths.size()).as(stakeholder).isEqualTo((int) expected);
            for (JsonNode p : paths) {
                assertThat(own).contains(p.path("targetSystem").asText());
                String entry = p.path("entry").asText();
                assertThat(own.contains(entry.split("\\.", 2)[0]) || entry.startsWith("a component of system "))
                        .as(entry)
                        .isTrue();
                for (JsonNode hop : p.path("hops")) {
                    if (hop.has("from")) {
                        String from = hop.path("from").asText().split("\\.", 2)[0];
                        String to = hop.path("to").asText().split("\\.", 2)[0];
                        assertThat(own.contains(from) || own.contains(to))
                                .as(hop.toString())
                                .isTrue();
                    } else if (hop.has("inside")) {
                        assertThat(own).doesNotContain(hop.path("inside").asText());
                        assertThat(hop.path("summary").asText()).matches("\\d+ hops? inside system .+");
                    } else {
                        assertThat(hop.has("weakness")).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void injectionAndTraversalInEveryParameterAreRefusedWith4xx() {
        List<String> hostile = List.of(
                "'; DROP TABLE revision; --",
                "..%2F..%2Fetc%2Fpasswd",
                "%00",
                "orgcom' OR '1'='1",
                "<script>alert(1)</script>",
                "x".repeat(5000));
        String token = venue.token("orgcom/admin");
        for (String h : hostile) {
            String e = java.net.URLEncoder.encode(h, StandardCharsets.UTF_8);
            for (String endpoint : List.of(
                    "/api/v1/landscapes/" + e + "/findings?stakeholder=orgcom",
                    "/api/v1/landscapes/venue/findings?stakeholder=" + e,
                    "/api/v1/landscapes/venue/findings?stakeholder=orgcom&revision=" + e,
                    "/api/v1/landscapes/venue/findings?stakeholder=orgcom&severity=" + e,
                    "/api/v1/landscapes/venue/findings?stakeholder=orgcom&limit=" + e,
                    "/api/v1/landscapes/venue/files?stakeholder=orgcom&path=" + e,
                    "/api/v1/landscapes/venue/paths?stakeholder=orgcom&revision=" + e,
                    "/api/v1/landscapes/venue/stakeholders/" + e + "/members",
                    "/api/v1/landscapes/venue/stakeholders/" + e + "/webhooks",
                    "/api/v1/landscapes/venue/stakeholders/orgcom/webhooks/" + e + "/deliveries",
                    "/api/v1/landscapes/venue/inbox?stakeholder=orgcom&offset=" + e,
                    "/api/v1/landscapes/venue/treatments?stakeholder=orgcom&expiring=" + e,
                    "/api/v1/tokens/" + e)) {
                Client.Answer answer = endpoint.startsWith("/api/v1/tokens/")
                        ? venue.client.send("DELETE", endpoint, token, new byte[0])
                        : venue.client.get(endpoint, token);
                assertThat(answer.status()).as(endpoint).isBetween(400, 499);
                noTrace(answer);
            }
            Client.Answer grant = venue.client.send(
                    "PUT", "/api/v1/landscapes/venue/stakeholders/orgcom/members/" + e + "/viewer", token, new byte[0]);
            assertThat(grant.status()).as("grant to " + h).isBetween(400, 499);
            Client.Answer login = venue.client.post("/api/v1/login", null, Map.of("name", h, "password", h));
            assertThat(login.status()).as("login as " + h).isBetween(400, 499);
        }
        // The tables are all still there and the server still answers.
        assertThat(venue.client
                        .get("/api/v1/landscapes/venue/revisions?stakeholder=orgcom", token)
                        .json()
                        .size())
                .isPositive();
    }

    private static void noTrace(Client.Answer answer) {
        assertThat(answer.text()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
