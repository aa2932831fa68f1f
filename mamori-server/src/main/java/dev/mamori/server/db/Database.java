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
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where the server keeps its state: a PostgreSQL it runs itself under the data folder, or an
 * external one named by URL, reached through a pool of connections (HikariCP) so that a request
 * does not pay for a new connection. Closing it closes the pool and stops the embedded database;
 * an external one is left running.
 */
public final class Database implements AutoCloseable {

    /**
     * The most connections the pool opens: the API's worker threads, the background work (webhooks,
     * re-assessment) and a few to spare; well under PostgreSQL's default of 100.
     */
    public static final int POOL_SIZE = 40;

    private final HikariDataSource dataSource;
    private final String description;
    private final AutoCloseable stop;

    private Database(DataSource dataSource, String description, AutoCloseable stop) {
        this.dataSource = pooled(dataSource);
        this.description = description;
        this.stop = stop;
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

    /** Starts (creating on first use) the PostgreSQL kept under {@code dataFolder}. */
    public static Database embedded(Path dataFolder) {
        EmbeddedPostgresql postgres = EmbeddedPostgresql.start(dataFolder);
        return new Database(postgres.dataSource(), "embedded PostgreSQL in " + dataFolder, postgres);
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
                source, "PostgreSQL at " + source.getServerNames()[0] + "/" + source.getDatabaseName(), () -> {});
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /** What the server prints about where its data is, without secrets. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        dataSource.close();
        try {
            stop.close();
        } catch (Exception e) {
            throw new IllegalStateException("the database did not stop: " + e.getMessage(), e);
        }
    }
}
