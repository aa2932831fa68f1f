package dev.mamori.server.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * The server's tables, created and changed by the migrations in {@code db/migration} (Flyway).
 * A database migrated by a newer server is refused rather than used: this server does not know what
 * the newer migrations changed.
 */
public final class Schema {

    private Schema() {}

    /**
     * The migrations in {@code db/migration}, oldest first. Listed here so that a start on a database
     * already at the newest one need not scan the class path for them (SchemaTest checks that this
     * list is the folder's).
     */
    static final List<String> MIGRATIONS = List.of(
            "V1__landscapes.sql",
            "V2__accounts.sql",
            "V3__audit.sql",
            "V4__revisions.sql",
            "V5__treatments_inbox_webhooks.sql",
            "V6__finding_facets_compliance.sql");

    /** One applied migration as Flyway records it in the history table. */
    record Applied(String version, String script, int checksum) {}

    /**
     * Brings the schema up to this server's newest migration.
     *
     * @return the schema version now in force
     * @throws StartFailure when the database holds migrations newer than this server knows, or a
     *     migration fails
     */
    public static String migrate(DataSource dataSource) {
        // Flyway's set-up, its scan of the class path and its validation were a quarter of a restart's
        // start-up (docs/performance.md); when the history already holds exactly this server's
        // migrations, each applied with success and with the checksum its file has now, there is
        // nothing for Flyway to do or to refuse. Anything else (a new database, a migration to apply,
        // one from a newer server, a failed or edited one) goes to Flyway, which migrates or says why not.
        Optional<String> current = current(dataSource);
        if (current.isPresent()) {
            return current.get();
        }
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table("schema_history")
                .load();
        try {
            List<MigrationInfo> future = Arrays.stream(flyway.info().applied())
                    .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                            || m.getState() == MigrationState.FUTURE_FAILED)
                    .toList();
            if (!future.isEmpty()) {
                MigrationInfo newest = future.get(future.size() - 1);
                throw new StartFailure("the database's schema is at version " + newest.getVersion()
                        + ", newer than this server knows (" + newestKnown(flyway) + "): run a newer Mamori server");
            }
            flyway.migrate();
            return known(flyway);
        } catch (FlywayException e) {
            throw new StartFailure("the database schema could not be brought up to date: " + e.getMessage(), e);
        }
    }

    /**
     * The newest version when the database's history is exactly this server's migrations, applied
     * with success and with the checksums their files have; empty otherwise, or when the history
     * cannot be read (Flyway then says what is wrong).
     */
    static Optional<String> current(DataSource dataSource) {
        List<Applied> expected = new ArrayList<>();
        for (String script : MIGRATIONS) {
            expected.add(new Applied(script.substring(1, script.indexOf("__")), script, checksum(script)));
        }
        List<Applied> applied = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement exists = c.prepareStatement("SELECT to_regclass('schema_history') IS NOT NULL");
                    ResultSet rs = exists.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT version, script, checksum, success, type"
                            + " FROM schema_history ORDER BY installed_rank");
                    ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    int checksum = rs.getInt(3);
                    boolean noChecksum = rs.wasNull();
                    if (!rs.getBoolean(4) || noChecksum || !"SQL".equals(rs.getString(5))) {
                        return Optional.empty();
                    }
                    applied.add(new Applied(rs.getString(1), rs.getString(2), checksum));
                }
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
        return applied.equals(expected)
                ? Optional.of(expected.get(expected.size() - 1).version())
                : Optional.empty();
    }

    /**
     * A migration file's checksum as Flyway computes and records it: CRC-32 over the UTF-8 bytes of
     * each of its lines, without their line breaks or a byte-order mark. Should a later Flyway
     * compute it otherwise, the histories stop matching and every start goes through Flyway again,
     * slower but right (and SchemaTest fails).
     */
    static int checksum(String script) {
        CRC32 crc = new CRC32();
        try (InputStream in = Schema.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) {
                throw new StartFailure("the migration " + script + " is missing from the server's jar");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String text = line.startsWith("\uFEFF") ? line.substring(1) : line;
                crc.update(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new StartFailure("the migration " + script + " could not be read: " + e.getMessage(), e);
        }
        return (int) crc.getValue();
    }

    private static String newestKnown(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS
                        && m.getState() != MigrationState.FUTURE_FAILED
                        && m.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .map(Object::toString)
                .orElse("none");
    }

    private static String known(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null
                ? "none"
                : current.getVersion().toString();
    }
}
