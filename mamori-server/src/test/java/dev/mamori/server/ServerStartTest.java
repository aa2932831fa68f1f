package dev.mamori.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.server.db.StartFailure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The server starts its own PostgreSQL, migrates it, serves on loopback, and keeps its data. */
class ServerStartTest {

    private static final Path DATA = TestData.folder();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @AfterAll
    static void clean() {
        TestData.delete(DATA);
    }

    private MamoriServer start() {
        return MamoriServer.start(
                MamoriServer.Options.loopback(0, DATA), new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Test
    void startsStopsAndKeepsItsDataAcrossRestarts() throws Exception {
        try (MamoriServer server = start()) {
            Client.Answer health = new Client(server.port()).get("/api/v1/health", null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("status").asText()).isEqualTo("ok");
            assertThat(health.json().path("schema").asText()).isEqualTo(server.schemaVersion());
            assertThat(Files.isDirectory(DATA.resolve("postgres"))).isTrue();
            try (Connection c = server.database().connect();
                    Statement s = c.createStatement()) {
                s.execute("INSERT INTO landscape (id, root_file) VALUES ('kept', 'landscape.yaml')"
                        + " ON CONFLICT DO NOTHING");
            }
        }
        try (MamoriServer again = start();
                Connection c = again.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT root_file FROM landscape WHERE id = 'kept'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("landscape.yaml");
        }
    }

    @Test
    void unknownPathsAndMethodsAreJsonErrorsWithoutTraces() {
        try (MamoriServer server = start()) {
            Client client = new Client(server.port());
            Client.Answer missing = client.get("/api/v1/nothing-here", null);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().path("error").asText()).isEqualTo("not-found");
            Client.Answer method = client.send("DELETE", "/api/v1/health", null, new byte[0]);
            assertThat(method.status()).isEqualTo(405);
            assertThat(missing.text() + method.text())
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void refusesADatabaseMigratedByANewerServer() throws Exception {
        try (MamoriServer server = start();
                Connection c = server.database().connect();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, execution_time, success) VALUES (999, '999', 'from the future', 'SQL',"
                    + " 'V999__future.sql', 0, 'test', 0, true)");
        }
        try {
            assertThatThrownBy(this::start)
                    .isInstanceOf(StartFailure.class)
                    .hasMessageContaining("schema is at version 999")
                    .hasMessageContaining("newer than this server knows");
        } finally {
            // The next test in this class starts on the same data: take the future back out.
            try (dev.mamori.server.db.Database db = MamoriServer.openDatabase(MamoriServer.Options.loopback(0, DATA));
                    Connection c = db.connect();
                    Statement s = c.createStatement()) {
                s.execute("DELETE FROM schema_history WHERE version = '999'");
            }
        }
    }

    @Test
    void anExternalDatabaseUrlThatIsNoUrlIsAStartFailure() {
        assertThatThrownBy(() -> MamoriServer.openDatabase(
                        new MamoriServer.Options("127.0.0.1", 0, DATA, java.util.Optional.of("mysql://somewhere/db"))))
                .isInstanceOf(StartFailure.class)
                .hasMessageContaining("postgresql://");
    }
}
