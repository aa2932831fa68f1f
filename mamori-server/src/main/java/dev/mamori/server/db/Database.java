package dev.mamori.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where the server keeps its state: a PostgreSQL it runs itself under the data folder, or an
 * external one named by URL, reached through a pool of connections (HikariCP) so that a request
 * does not pay for a new connection. Closing it closes the pool and stops the embedded database;
 * an external one is left running.
 *
 * <p>The embedded PostgreSQL starts on a thread of its own and the first use of the database waits
 * for it: its start (and {@code initdb} in a new data folder) is mostly another process's work, and
 * the server's own start-up goes on meanwhile (docs/performance.md).
 */
public final class Database implements AutoCloseable {

    /**
     * The most connections the pool opens: the API's worker threads, the background work (webhooks,
     * re-assessment) and a few to spare; well under PostgreSQL's default of 100.
     */
    public static final int POOL_SIZE = 40;

    /** A database that has started: its pool, and what stops it. */
    private record Started(HikariDataSource pool, AutoCloseable stop) {}

    private final CompletableFuture<Started> started;
    private final String description;

    private Database(CompletableFuture<Started> started, String description) {
        this.started = started;
        this.description = description;
    }

    private static HikariDataSource pooled(DataSource raw) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(raw);
        config.setPoolName("mamori");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(30_000);
        // A database that cannot be reached is reported by the first use (the schema migration),
        // with the server's own sentence, not by the pool's constructor.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /**
     * Starts (creating on first use) the PostgreSQL kept under {@code dataFolder}, on a thread of its
     * own: this returns at once, and the first use waits for the start (a {@link StartFailure} when
     * it failed).
     */
    public static Database embedded(Path dataFolder) {
        CompletableFuture<Started> started = new CompletableFuture<>();
        Thread starting = new Thread(
                () -> {
                    try {
                        EmbeddedPostgresql postgres = EmbeddedPostgresql.start(dataFolder);
                        started.complete(new Started(pooled(postgres.dataSource()), postgres));
                    } catch (RuntimeException | Error e) {
                        started.completeExceptionally(e);
                    }
                },
                "mamori-postgres-start");
        starting.setDaemon(true);
        starting.start();
        return new Database(started, "embedded PostgreSQL in " + dataFolder);
    }

    /**
     * An external PostgreSQL: {@code postgresql://USER:PASSWORD@HOST:PORT/DATABASE} (as libpq
     * writes it) or a JDBC URL {@code jdbc:postgresql://…}.
     *
     * @throws StartFailure when the URL is not one of these forms
     */
    public static Database external(String url) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        String trimmed = url.trim();
        if (trimmed.startsWith("jdbc:postgresql://")) {
            source.setURL(trimmed);
        } else if (trimmed.startsWith("postgresql://") || trimmed.startsWith("postgres://")) {
            URI uri;
            try {
                uri = new URI(trimmed);
            } catch (URISyntaxException e) {
                throw new StartFailure("the database URL is not a URL: " + e.getMessage(), e);
            }
            if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
                throw new StartFailure("the database URL names no host or no database: write"
                        + " postgresql://USER:PASSWORD@HOST:PORT/DATABASE");
            }
            String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
            String query = uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "";
            source.setURL("jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query);
            String userInfo = uri.getRawUserInfo();
            if (userInfo != null) {
                int colon = userInfo.indexOf(':');
                source.setUser(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
                if (colon >= 0) {
                    source.setPassword(decode(userInfo.substring(colon + 1)));
                }
            }
        } else {
            throw new StartFailure("the database URL must start with postgresql:// or jdbc:postgresql://");
        }
        // The password never appears in what is printed about the database.
        return new Database(
                CompletableFuture.completedFuture(new Started(pooled(source), () -> {})),
                "PostgreSQL at " + source.getServerNames()[0] + "/" + source.getDatabaseName());
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    /**
     * The pool, once the database has started.
     *
     * @throws StartFailure when the embedded PostgreSQL did not start
     */
    public DataSource dataSource() {
        return ready().pool();
    }

    public Connection connect() throws SQLException {
        return ready().pool().getConnection();
    }

    private Started ready() {
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw e;
        }
    }

    /** What the server prints about where its data is, without secrets. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        Started s;
        try {
            // A start still under way is waited for, so that no PostgreSQL is left running.
            s = started.join();
        } catch (CompletionException e) {
            return; // it did not start: nothing to stop
        }
        s.pool().close();
        try {
            s.stop().close();
        } catch (Exception e) {
            throw new IllegalStateException("the database did not stop: " + e.getMessage(), e);
        }
    }
}
