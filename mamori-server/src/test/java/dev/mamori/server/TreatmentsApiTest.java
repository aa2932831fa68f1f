package dev.mamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Treatments through the server: written into the stakeholder's treatments file as a new
 * revision, shown in its assessment, refused to everyone but the maintainers of the element's
 * stakeholder, listed when they lapse soon, and re-opened by a re-assessment once they have lapsed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TreatmentsApiTest {

    private static final Path DATA = TestData.folder();
    private static final MovableClock CLOCK = new MovableClock();
    private static MamoriServer server;
    private static Venue venue;
    /** An open finding on one of venue-ops's own systems: rule and element. */
    private static String rule;

    private static String element;

    @BeforeAll
    static void start() {
        server = MamoriServer.start(
                MamoriServer.Options.loopback(0, DATA),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new MamoriServer.Tuning(CLOCK, Duration.ofMillis(100), 3, Optional.empty()));
        venue = new Venue(server);
        JsonNode findings = venue.client
                .get(
                        "/api/v1/landscapes/venue/findings?stakeholder=venue-ops&open=true&limit=500",
                        venue.token("venue-ops/viewer"))
                .json()
                .path("findings");
        for (JsonNode f : findings) {
            if (f.path("system").asText().equals("cctv")
                    && f.path("elementKind").asText().equals("component")
                    && !f.has("treatment")) {
                rule = f.path("rule").asText();
                element = f.path("element").asText();
                break;
            }
        }
        assertThat(rule).as("an open, untreated finding on cctv").isNotNull();
    }

    @AfterAll
    static void stop() {
        server.close();
        TestData.delete(DATA);
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC);
    }

    private static Client.Answer treat(String who, String stakeholder, String status, LocalDate until) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stakeholder", stakeholder);
        body.put("rule", rule);
        body.put("element", element);
        body.put("status", status);
        body.put("reason", "Replaced with the \"new\" NVR fleet; see the plan:\nphase 2 in spring");
        body.put("until", until.toString());
        body.put("ticket", "VOPS-9");
        return venue.client.post("/api/v1/landscapes/venue/treatments", venue.token(who), body);
    }

    private static JsonNode finding(int revision) {
        JsonNode findings = venue.client
                .get(
                        "/api/v1/landscapes/venue/findings?stakeholder=venue-ops&limit=500&revision=" + revision,
                        venue.token("venue-ops/viewer"))
                .json()
                .path("findings");
        for (JsonNode f : findings) {
            if (f.path("rule").asText().equals(rule)
                    && f.path("element").asText().equals(element)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + rule + " on " + element + " in revision " + revision);
    }

    private static int latest() {
        return venue.client
                .get("/api/v1/landscapes/venue/revisions?stakeholder=venue-ops", venue.token("venue-ops/viewer"))
                .json()
                .get(0)
                .path("revision")
                .asInt();
    }

    @Test
    @Order(1)
    void onlyTheMaintainersOfTheElementsStakeholderTreatIt() {
        int before = latest();
        for (String role : List.of("viewer", "auditor", "admin")) {
            assertThat(treat("venue-ops/" + role, "venue-ops", "accepted", today().plusDays(10))
                            .status())
                    .as(role)
                    .isEqualTo(403);
        }
        // orgcom's maintainers neither treat as venue-ops nor treat venue-ops's element as orgcom.
        assertThat(treat("orgcom/maintainer", "venue-ops", "accepted", today().plusDays(10))
                        .status())
                .isEqualTo(403);
        Client.Answer asOwn = treat("orgcom/maintainer", "orgcom", "accepted", today().plusDays(10));
        assertThat(asOwn.status()).isEqualTo(403);
        assertThat(asOwn.json().path("message").asText()).contains("venue-ops");
        assertThat(venue.client
                        .post("/api/v1/landscapes/venue/treatments", null, Map.of())
                        .status())
                .isEqualTo(401);
        assertThat(latest()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void badDecisionsAreRefusedWithTheFieldNamed() {
        assertThat(treat("venue-ops/maintainer", "venue-ops", "ignored", today().plusDays(10))
                        .json()
                        .path("message")
                        .asText())
                .contains("'status'");
        Client.Answer past = treat("venue-ops/maintainer", "venue-ops", "accepted", today());
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().path("message").asText()).contains("'until'");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stakeholder", "venue-ops");
        body.put("rule", rule);
        body.put("element", "cctv.no-such-component");
        body.put("status", "accepted");
        body.put("reason", "x");
        body.put("until", today().plusDays(3).toString());
        assertThat(venue.client
                        .post("/api/v1/landscapes/venue/treatments", venue.token("venue-ops/maintainer"), body)
                        .status())
                .isEqualTo(404);
    }

    @Test
    @Order(3)
    void aMaintainersTreatmentIsANewRevisionOfItsTreatmentsFileAndShowsInItsAssessment() {
        int before = latest();
        assertThat(finding(before).path("open").asBoolean()).isTrue();
        Client.Answer answer = treat("venue-ops/maintainer", "venue-ops", "accepted", today().plusDays(10));
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        assertThat(answer.json().path("revision").asInt()).isEqualTo(before + 1);
        assertThat(answer.json().path("finding").path("status").asText()).isEqualTo("accepted");
        JsonNode treated = finding(before + 1);
        assertThat(treated.path("open").asBoolean()).isFalse();
        assertThat(treated.path("treatment").path("reason").asText()).contains("\"new\" NVR fleet");
        assertThat(treated.path("treatment").path("location").path("file").asText())
                .endsWith("treatments/venue-ops.yaml");
        // The file is the truth: the decision is in the stakeholder's own file, theirs to read.
        JsonNode file = venue.client
                .get(
                        "/api/v1/landscapes/venue/files?stakeholder=venue-ops&path=treatments/venue-ops.yaml",
                        venue.token("venue-ops/viewer"))
                .json();
        assertThat(file.path("content").asText())
                .contains(
                        "rule: \"" + rule + "\"", "on: \"" + element + "\"", "status: accepted", "ticket: \"VOPS-9\"");
        assertThat(venue.client
                        .get(
                                "/api/v1/landscapes/venue/files?stakeholder=orgcom&path=treatments/venue-ops.yaml",
                                venue.token("orgcom/viewer"))
                        .status())
                .isEqualTo(404);
        JsonNode revision = venue.client
                .get("/api/v1/landscapes/venue/revisions?stakeholder=venue-ops", venue.token("venue-ops/viewer"))
                .json()
                .get(0);
        assertThat(revision.path("kind").asText()).isEqualTo("treatment");
        assertThat(revision.path("author").asText()).isEqualTo("venue-ops-maintainer");
        JsonNode audit = venue.client
                .get("/api/v1/landscapes/venue/audit?stakeholder=venue-ops", venue.token("venue-ops/auditor"))
                .json();
        assertThat(audit.toString()).contains("\"treatment\"");
        // The old revision is as it was.
        assertThat(finding(before).path("open").asBoolean()).isTrue();
    }

    @Test
    @Order(4)
    void treatmentsThatLapseWithinTheDaysAskedForAreListed() {
        JsonNode soon = venue.client
                .get(
                        "/api/v1/landscapes/venue/treatments?stakeholder=venue-ops&expiring=14",
                        venue.token("venue-ops/viewer"))
                .json();
        JsonNode mine = null;
        for (JsonNode t : soon.path("treatments")) {
            if (t.path("rule").asText().equals(rule)
                    && t.path("element").asText().equals(element)) {
                mine = t;
            }
        }
        assertThat(mine).as(soon.toString()).isNotNull();
        assertThat(mine.path("daysLeft").asInt()).isEqualTo(10);
        assertThat(mine.path("expired").asBoolean()).isFalse();
        JsonNode later = venue.client
                .get(
                        "/api/v1/landscapes/venue/treatments?stakeholder=venue-ops&expiring=5",
                        venue.token("venue-ops/viewer"))
                .json();
        assertThat(later.toString()).doesNotContain("\"" + element + "\"");
        // orgcom neither wrote nor decided it.
        JsonNode orgcom = venue.client
                .get("/api/v1/landscapes/venue/treatments?stakeholder=orgcom", venue.token("orgcom/viewer"))
                .json();
        assertThat(orgcom.toString()).doesNotContain("VOPS-9");
    }

    private static long expiryWarnings(String stakeholder) {
        JsonNode inbox = venue.client
                .get("/api/v1/landscapes/venue/inbox?stakeholder=" + stakeholder, venue.token(stakeholder + "/viewer"))
                .json();
        long n = 0;
        for (JsonNode item : inbox.path("items")) {
            if (item.path("kind").asText().equals("treatment-expiring")
                    && item.path("element").asText().equals(element)) {
                assertThat(item.path("daysLeft").asInt()).isEqualTo(10);
                n++;
            }
        }
        return n;
    }

    @Test
    @Order(5)
    void aReassessmentWarnsTheOwnerOfATreatmentThatLapsesWithinFourteenDaysOnce() {
        assertThat(expiryWarnings("venue-ops")).isZero();
        Client.Answer first = venue.client.post("/api/v1/reassess", venue.adminToken, Map.of());
        assertThat(first.json().path("expiryWarnings").asInt()).as(first.text()).isPositive();
        assertThat(expiryWarnings("venue-ops")).isEqualTo(1);
        venue.client.post("/api/v1/reassess", venue.adminToken, Map.of());
        assertThat(expiryWarnings("venue-ops")).as("told once").isEqualTo(1);
        assertThat(expiryWarnings("orgcom")).isZero();
    }

    @Test
    @Order(6)
    void aReassessmentAfterTheDateReopensTheFindingAndOneWithNothingNewChangesNothing() {
        int before = latest();
        Client.Answer same = venue.client.post("/api/v1/reassess", venue.adminToken, Map.of());
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().path("landscapes").path("venue").asText()).isEqualTo("unchanged");
        assertThat(latest()).isEqualTo(before);
        assertThat(venue.client
                        .post("/api/v1/reassess", venue.token("venue-ops/maintainer"), Map.of())
                        .status())
                .isEqualTo(403);
        CLOCK.advance(Duration.ofDays(11));
        Client.Answer again = venue.client.post("/api/v1/reassess", venue.adminToken, Map.of());
        assertThat(again.json().path("landscapes").path("venue").asInt())
                .as(again.text())
                .isEqualTo(before + 1);
        JsonNode reopened = finding(before + 1);
        assertThat(reopened.path("open").asBoolean()).isTrue();
        assertThat(reopened.path("treatment").path("expired").asBoolean()).isTrue();
        JsonNode revision = venue.client
                .get("/api/v1/landscapes/venue/revisions?stakeholder=orgcom", venue.token("orgcom/viewer"))
                .json()
                .get(0);
        assertThat(revision.path("kind").asText()).isEqualTo("reassess");
        assertThat(revision.path("contentHash").asText())
                .isEqualTo(venue.client
                        .get("/api/v1/landscapes/venue/revisions?stakeholder=orgcom", venue.token("orgcom/viewer"))
                        .json()
                        .get(1)
                        .path("contentHash")
                        .asText());
        JsonNode lapsed = venue.client
                .get(
                        "/api/v1/landscapes/venue/treatments?stakeholder=venue-ops&expiring=0",
                        venue.token("venue-ops/viewer"))
                .json();
        assertThat(lapsed.toString()).contains("\"expired\":true");
    }
}
