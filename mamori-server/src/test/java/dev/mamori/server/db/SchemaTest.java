package dev.mamori.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A start on a database already at this server's schema skips Flyway; anything else goes through
 * it. The shortcut must agree with Flyway on what "already at this schema" is.
 */
class SchemaTest {

    private static Path data;
    private static Database database;

    @BeforeAll
    static void start() throws IOException {
        // Open to others: as root, the embedded PostgreSQL runs unprivileged and must reach its cluster.
        data = Files.createTempDirectory("mamori-schema-test");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        database = Database.embedded(data);
    }

    @AfterAll
    static void stop() throws IOException {
        database.close();
        try (Stream<Path> all = Files.walk(data)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void theListedMigrationsAreTheFolders() throws IOException, URISyntaxException {
        Path folder = Path.of(Schema.class.getResource("/db/migration").toURI());
        List<String> files;
        try (Stream<Path> all = Files.list(folder)) {
            files = all.map(p -> p.getFileName().toString())
                    .sorted(Comparator.comparingInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))))
                    .toList();
        }
        assertThat(Schema.MIGRATIONS).isEqualTo(files);
    }

    @Test
    void onlyAHistoryOfExactlyTheseMigrationsSkipsFlyway() throws SQLException {
        // A new database: no history, Flyway migrates.
        assertThat(Schema.current(database.dataSource())).isEmpty();
        String version = Schema.migrate(database.dataSource());
        String newest = Schema.MIGRATIONS.get(Schema.MIGRATIONS.size() - 1);
        assertThat(version).isEqualTo(newest.substring(1, newest.indexOf("__")));
        // The checksums computed here are the ones Flyway recorded.
        Map<String, Integer> recorded = new TreeMap<>();
        Map<String, Integer> computed = new TreeMap<>();
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT script, checksum FROM schema_history")) {
            while (rs.next()) {
                recorded.put(rs.getString(1), rs.getInt(2));
                computed.put(rs.getString(1), Schema.checksum(rs.getString(1)));
            }
        }
        assertThat(recorded).hasSize(Schema.MIGRATIONS.size()).isEqualTo(computed);
        assertThat(Schema.current(database.dataSource())).isEqualTo(Optional.of(version));
        assertThat(Schema.migrate(database.dataSource())).isEqualTo(version);

        // A migration edited after it was applied: no shortcut, and Flyway refuses the start.
        execute("UPDATE schema_history SET checksum = checksum + 1 WHERE version = '3'");
        try {
            assertThat(Schema.current(database.dataSource())).isEmpty();
            assertThatThrownBy(() -> Schema.migrate(database.dataSource()))
                    .isInstanceOf(StartFailure.class)
                    .hasMessageContaining("checksum");
        } finally {
            execute("UPDATE schema_history SET checksum = checksum - 1 WHERE version = '3'");
        }
        // A failed migration in the history: no shortcut either.
        execute("UPDATE schema_history SET success = false WHERE version = '6'");
        try {
            assertThat(Schema.current(database.dataSource())).isEmpty();
        } finally {
            execute("UPDATE schema_history SET success = true WHERE version = '6'");
        }
        assertThat(Schema.current(database.dataSource())).isEqualTo(Optional.of(version));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
