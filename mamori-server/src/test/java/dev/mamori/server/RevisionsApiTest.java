package dev.mamori.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pushes: validated against the whole landscape, refused whole or kept as immutable, assessed revisions. */
class RevisionsApiTest {

    private static final Path DATA = TestData.folder();
    private static MamoriServer server;
    private static Venue venue;

    @BeforeAll
    static void start() {
        server = TestData.quietServer(DATA);
        venue = new Venue(server);
    }

    @AfterAll
    static void stop() {
        server.close();
        TestData.delete(DATA);
    }

    private static int revisions() {
        return venue.client
                .get("/api/v1/landscapes/venue/revisions?stakeholder=orgcom", venue.token("orgcom/viewer"))
                .json()
                .size();
    }

    @Test
    void theFirstPushIsRevisionOneWithItsHashAndItsAssessment() {
        JsonNode list = venue.client
                .get("/api/v1/landscapes/venue/revisions?stakeholder=venue-ops", venue.token("venue-ops/viewer"))
                .json();
        JsonNode first = list.get(list.size() - 1);
        assertThat(first.path("revision").asInt()).isEqualTo(1);
        assertThat(first.path("contentHash").asText()).matches("[0-9a-f]{64}");
        assertThat(first.path("author").asText()).isEqualTo("integrator");
        assertThat(first.path("message").asText()).isEqualTo("the venue as agreed at the kick-off");
        JsonNode findings = venue.client
                .get(
                        "/api/v1/landscapes/venue/findings?stakeholder=orgcom&revision=1&limit=500",
                        venue.token("orgcom/viewer"))
                .json();
        assertThat(findings.path("total").asInt()).isPositive();
        assertThat(findings.path("findings").get(0).path("rule").asText()).isNotEmpty();
        assertThat(findings.path("findings")
                        .get(0)
                        .path("location")
                        .path("line")
                        .asInt())
                .isPositive();
    }

    @Test
    void anInvalidPushIsRefusedWithTheLocatedErrorsAndChangesNothing() {
        int before = revisions();
        String broken = Venue.read("access.yaml").replaceFirst("zone: gate-ot", "zone: gate-nowhere");
        Client.Answer answer = venue.pushContents("orgcom/maintainer", "orgcom", "typo", Map.of("access.yaml", broken));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("error").asText()).isEqualTo("invalid");
        JsonNode error = answer.json().path("details").get(0);
        assertThat(error.path("file").asText()).isEqualTo("access.yaml");
        assertThat(error.path("line").asInt()).isEqualTo(43);
        assertThat(error.path("message").asText()).contains("gate-nowhere");
        assertThat(revisions()).isEqualTo(before);
    }

    @Test
    void anAcceptedPushIsANewRevisionOfThatStakeholder() {
        String changed = Venue.read("access.yaml")
                .replace("One VLAN per plaza, routed", "One VLAN per plaza (renumbered), routed");
        Client.Answer answer = venue.pushContents(
                "orgcom/maintainer", "orgcom", "gate VLANs renumbered", Map.of("access.yaml", changed));
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        int number = answer.json().path("revision").asInt();
        assertThat(number).isGreaterThan(1);
        assertThat(answer.json().path("contentHash").asText()).matches("[0-9a-f]{64}");
        JsonNode asOps = venue.client
                .get("/api/v1/landscapes/venue/revisions?stakeholder=venue-ops", venue.token("venue-ops/viewer"))
                .json();
        JsonNode seenByOps = asOps.get(0);
        assertThat(seenByOps.path("stakeholder").asText()).isEqualTo("orgcom");
        assertThat(seenByOps.has("author")).as("another's author is not shown").isFalse();
        assertThat(seenByOps.has("message")).isFalse();
        JsonNode file = venue.client
                .get("/api/v1/landscapes/venue/files?stakeholder=orgcom&path=access.yaml", venue.token("orgcom/viewer"))
                .json();
        assertThat(file.path("content").asText()).contains("(renumbered)");
    }

    @Test
    void billsOfMaterialsGoWithTheModelThatNamesThem() {
        // The first revision holds the example's bills of materials, each its model file's stakeholder's.
        JsonNode router = venue.client
                .get(
                        "/api/v1/landscapes/venue/files?stakeholder=orgcom&path=sbom/lte-router.cdx.json",
                        venue.token("orgcom/viewer"))
                .json();
        assertThat(router.path("content").asText()).contains("\"bomFormat\": \"CycloneDX\"");
        assertThat(venue.client
                        .get(
                                "/api/v1/landscapes/venue/files?stakeholder=venue-ops&path=sbom/lte-router.cdx.json",
                                venue.token("venue-ops/viewer"))
                        .status())
                .isEqualTo(404);
        int before = revisions();
        String sbom = Venue.read("sbom/cameras-legacy.cdx.json");
        // One that no component names is refused; so is one that is not JSON or XML by its name.
        Client.Answer stray =
                venue.pushContents("venue-ops/maintainer", "venue-ops", "stray", Map.of("sbom/stray.cdx.json", sbom));
        assertThat(stray.status()).as(stray.text()).isEqualTo(422);
        assertThat(stray.json().path("message").asText()).contains("no component names it");
        Client.Answer text =
                venue.pushContents("venue-ops/maintainer", "venue-ops", "text", Map.of("sbom/cameras.txt", sbom));
        assertThat(text.status()).isEqualTo(400);
        // A model naming a bill of materials the landscape does not hold: the located error of the model.
        String cctv = Venue.read("cctv.yaml");
        String renamed = cctv.replace("sbom: sbom/cameras-legacy.cdx.json", "sbom: sbom/cameras-legacy-2.cdx.json");
        assertThat(renamed).isNotEqualTo(cctv);
        Client.Answer missing =
                venue.pushContents("venue-ops/maintainer", "venue-ops", "missing", Map.of("cctv.yaml", renamed));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().path("details").get(0).path("code").asText()).isEqualTo("unreadable-sbom");
        assertThat(revisions()).isEqualTo(before);
        // With the file it names, the push is taken.
        Map<String, String> both = new java.util.LinkedHashMap<>();
        both.put("cctv.yaml", renamed);
        both.put("sbom/cameras-legacy-2.cdx.json", sbom);
        Client.Answer taken = venue.pushContents("venue-ops/maintainer", "venue-ops", "new firmware", both);
        assertThat(taken.status()).as(taken.text()).isEqualTo(201);
        assertThat(venue.client
                        .get(
                                "/api/v1/landscapes/venue/files?stakeholder=venue-ops&path=sbom/cameras-legacy-2.cdx.json",
                                venue.token("venue-ops/viewer"))
                        .json()
                        .path("content")
                        .asText())
                .isEqualTo(sbom);
    }

    @Test
    void onlyTheStakeholdersMaintainersPushItsFiles() {
        int before = revisions();
        Client.Answer byOps = venue.push("venue-ops/maintainer", "venue-ops", "not ours", List.of("access.yaml"));
        assertThat(byOps.status()).isEqualTo(403);
        assertThat(byOps.json().path("message").asText()).contains("orgcom");
        Client.Answer byViewer = venue.push("orgcom/viewer", "orgcom", "viewers do not push", List.of("access.yaml"));
        assertThat(byViewer.status()).isEqualTo(403);
        Client.Answer byAdmin = venue.push("orgcom/admin", "orgcom", "admins do not push", List.of("access.yaml"));
        assertThat(byAdmin.status()).isEqualTo(403);
        // A new file that takes another's system: refused too.
        Client.Answer hijack = venue.pushContents(
                "venue-ops/maintainer",
                "venue-ops",
                "hijack",
                Map.of("more/access-copy.yaml", Venue.read("access.yaml")));
        assertThat(hijack.status()).isIn(403, 422);
        assertThat(revisions()).isEqualTo(before);
    }

    @Test
    void hostileNamesAndSizesAreRefusedWith4xx() {
        for (String name : List.of("../escape.yaml", "/etc/passwd.yaml", "a/../../b.yaml", "x.sh", "a\\b.yaml", "")) {
            Client.Answer answer =
                    venue.pushContents("orgcom/maintainer", "orgcom", "hostile", Map.of(name, "mamori: 1\n"));
            assertThat(answer.status()).as(name).isEqualTo(400);
            assertThat(answer.text()).doesNotContain("Exception");
        }
        String huge = "#".repeat(17 * 1024 * 1024);
        Client.Answer big = venue.pushContents("orgcom/maintainer", "orgcom", "big", Map.of("access.yaml", huge));
        assertThat(big.status()).isEqualTo(413);
        Client.Answer notJson =
                venue.client.post("/api/v1/landscapes/venue/push", venue.token("orgcom/maintainer"), "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(venue.client.get("/api/v1/health", null).status()).isEqualTo(200);
    }

    @Test
    void revisionsAndTheirAssessmentsCannotBeChangedInTheDatabase() throws Exception {
        try (Connection c = server.database().connect();
                Statement s = c.createStatement()) {
            for (String sql : List.of(
                    "UPDATE revision SET message = 'rewritten'",
                    "DELETE FROM revision_file",
                    "UPDATE finding SET open = false",
                    "DELETE FROM systemic_path")) {
                assertThatThrownBy(() -> s.execute(sql))
                        .as(sql)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("immutable");
            }
        }
    }

    @Test
    void findingsArePagedMostSevereFirst() {
        JsonNode all = venue.client
                .get("/api/v1/landscapes/venue/findings?stakeholder=orgcom&limit=500", venue.token("orgcom/viewer"))
                .json();
        JsonNode page = venue.client
                .get(
                        "/api/v1/landscapes/venue/findings?stakeholder=orgcom&offset=2&limit=3",
                        venue.token("orgcom/viewer"))
                .json();
        assertThat(page.path("total").asInt()).isEqualTo(all.path("total").asInt());
        assertThat(page.path("findings").size()).isEqualTo(3);
        assertThat(page.path("findings").get(0)).isEqualTo(all.path("findings").get(2));
        assertThat(all.path("findings").get(0).path("severity").asText()).isEqualTo("critical");
        Set<String> severities = new java.util.TreeSet<>();
        venue.client
                .get(
                        "/api/v1/landscapes/venue/findings?stakeholder=orgcom&severity=high&limit=500",
                        venue.token("orgcom/viewer"))
                .json()
                .path("findings")
                .forEach(f -> severities.add(f.path("severity").asText()));
        assertThat(severities).isSubsetOf("high", "critical");
    }
}
