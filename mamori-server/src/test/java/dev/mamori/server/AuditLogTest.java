package dev.mamori.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.server.audit.AuditLog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Every write leaves a chained audit record the database will not let anyone change. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditLogTest {

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

    private static AuditLog.Verification verify() throws SQLException {
        try (Connection c = server.database().connect()) {
            return AuditLog.verify(c);
        }
    }

    private static Set<String> actions() throws SQLException {
        Set<String> actions = new TreeSet<>();
        try (Connection c = server.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT action FROM audit_record")) {
            while (rs.next()) {
                actions.add(rs.getString(1));
            }
        }
        return actions;
    }

    @Test
    @Order(1)
    void everyKindOfWriteIsRecorded() throws Exception {
        venue.client.post("/api/v1/login", null, Map.of("name", "orgcom-viewer", "password", "wrong-password"));
        Client.Answer token = venue.client.post("/api/v1/tokens", venue.token("orgcom/viewer"), Map.of("label", "ci"));
        venue.client.send(
                "DELETE",
                "/api/v1/tokens/" + token.json().path("id").asLong(),
                venue.token("orgcom/viewer"),
                new byte[0]);
        venue.client.send(
                "DELETE",
                "/api/v1/landscapes/venue/stakeholders/orgcom/members/orgcom-viewer/viewer",
                venue.adminToken,
                new byte[0]);
        assertThat(actions())
                .contains(
                        "account.create",
                        "landscape.create",
                        "membership.grant",
                        "membership.withdraw",
                        "token.create",
                        "token.revoke",
                        "login.failure",
                        "push");
        assertThat(verify().intact()).isTrue();
    }

    @Test
    @Order(2)
    void concurrentWritesKeepOneUnbrokenChain() throws Exception {
        long before = verify().records();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Client.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                answers.add(pool.submit(() -> venue.client.post(
                        "/api/v1/tokens", venue.token("venue-ops/viewer"), Map.of("label", "parallel-" + n))));
            }
            for (Future<Client.Answer> a : answers) {
                assertThat(a.get().status()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        AuditLog.Verification after = verify();
        assertThat(after.intact()).isTrue();
        assertThat(after.records()).isEqualTo(before + 24);
    }

    @Test
    @Order(3)
    void theDatabaseRefusesToChangeOrRemoveARecord() throws Exception {
        try (Connection c = server.database().connect();
                Statement s = c.createStatement()) {
            for (String sql : List.of(
                    "UPDATE audit_record SET actor = 'mallory'",
                    "DELETE FROM audit_record WHERE seq = 1",
                    "TRUNCATE audit_record")) {
                assertThatThrownBy(() -> s.execute(sql))
                        .as(sql)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    @Order(4)
    void anAuditorReadsItsStakeholdersRecords() {
        Client.Answer answer =
                venue.client.get("/api/v1/landscapes/venue/audit?stakeholder=orgcom", venue.token("orgcom/auditor"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().size()).isPositive();
        answer.json().forEach(r -> assertThat(r.path("detail").asText()).contains("\"stakeholder\":\"orgcom\""));
    }

    @Test
    @Order(5)
    void aChangedRecordAndARemovedOneAreNamed() throws Exception {
        try (Connection c = server.database().connect();
                Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_no_change");
            s.execute("UPDATE audit_record SET detail = '{}' WHERE seq = 5");
        }
        AuditLog.Verification changed = verify();
        assertThat(changed.firstBroken()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(5);
            assertThat(b.reason()).contains("no longer matches its hash");
        });
        try (Connection c = server.database().connect();
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM audit_record WHERE seq = 2");
        }
        AuditLog.Verification removed = verify();
        assertThat(removed.firstBroken()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(2);
            assertThat(b.reason()).contains("missing");
        });
    }
}
