package dev.mamori.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.server.audit.AuditLog;
import dev.mamori.server.revision.Revisions;
import dev.mamori.server.revision.Revisions.PushedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's way to bring in a revision without a push ({@link Revisions#seed}): the push's
 * validation, assessment and records, without a person's roles and the 200-file limit.
 */
class SeedTest {

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

    private static JsonNode revisions() {
        return venue.client
                .get("/api/v1/landscapes/venue/revisions?stakeholder=orgcom", venue.token("orgcom/viewer"))
                .json();
    }

    private static PushedFile file(String path, String content) {
        return new PushedFile(path, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSeedIsARevisionAsAPushMakesItBeyondAPushsFileLimit() throws Exception {
        int before = revisions().size();
        String changed =
                Venue.read("access.yaml").replace("One VLAN per plaza, routed", "One VLAN per plaza (seeded), routed");
        List<PushedFile> files = new ArrayList<>();
        files.add(file("access.yaml", changed));
        // More files than a push may carry: notes of no system, each a valid (empty) model file.
        for (int i = 0; i < Revisions.MAX_FILES; i++) {
            files.add(file(String.format("notes/note%03d.yaml", i), "mamori: 1\n"));
        }
        Map<String, Object> seeded =
                server.services().revisions().seed("venue", "orgcom", "operator", "brought in by the operator", files);

        assertThat(seeded.get("revision")).isEqualTo(before + 1);
        JsonNode latest = revisions().get(0);
        assertThat(latest.path("revision").asInt()).isEqualTo(before + 1);
        assertThat(latest.path("stakeholder").asText()).isEqualTo("orgcom");
        assertThat(latest.path("author").asText()).isEqualTo("operator");
        assertThat(latest.path("message").asText()).isEqualTo("brought in by the operator");
        // Merged with the revision before, as a push is: the other files are still there.
        JsonNode access = venue.client
                .get("/api/v1/landscapes/venue/files?stakeholder=orgcom&path=access.yaml", venue.token("orgcom/viewer"))
                .json();
        assertThat(access.path("content").asText()).contains("(seeded)");
        Client.Answer cctv = venue.client.get(
                "/api/v1/landscapes/venue/files?stakeholder=venue-ops&path=cctv.yaml", venue.token("venue-ops/viewer"));
        assertThat(cctv.status()).isEqualTo(200);
        // Assessed and stored: the revision's findings are served.
        JsonNode findings = venue.client
                .get(
                        "/api/v1/landscapes/venue/findings?stakeholder=orgcom&revision=" + (before + 1) + "&limit=5",
                        venue.token("orgcom/viewer"))
                .json();
        assertThat(findings.path("total").asInt()).isPositive();
        // Recorded in the audit log like any write, and the chain still verifies.
        try (Connection c = server.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT actor, action FROM audit_record ORDER BY seq DESC LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("operator");
            assertThat(rs.getString(2)).isEqualTo("push");
        }
        try (Connection c = server.database().connect()) {
            assertThat(AuditLog.verify(c).intact()).isTrue();
        }
    }

    @Test
    void anInvalidSeedIsRefusedWithTheLocatedErrorsAndChangesNothing() {
        int before = revisions().size();
        String broken = Venue.read("access.yaml").replaceFirst("zone: gate-ot", "zone: gate-nowhere");
        assertThatThrownBy(() -> server.services()
                        .revisions()
                        .seed("venue", "orgcom", "operator", "broken", List.of(file("access.yaml", broken))))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("invalid");
                });
        assertThatThrownBy(() -> server.services()
                        .revisions()
                        .seed(
                                "nowhere",
                                "orgcom",
                                "operator",
                                "no such landscape",
                                List.of(file("a.yaml", "mamori: 1\n"))))
                .isInstanceOfSatisfying(
                        ApiError.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(revisions().size()).isEqualTo(before);
    }
}
