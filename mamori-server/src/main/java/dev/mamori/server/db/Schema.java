package dev.mamori.server.db;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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
     * Brings the schema up to this server's newest migration.
     *
     * @return the schema version now in force
     * @throws StartFailure when the database holds migrations newer than this server knows, or a
     *     migration fails
     */
    public static String migrate(DataSource dataSource) {
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
