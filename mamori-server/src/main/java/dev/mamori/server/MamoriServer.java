package dev.mamori.server;

import com.sun.net.httpserver.HttpServer;
import dev.mamori.server.db.Database;
import dev.mamori.server.db.Schema;
import dev.mamori.server.db.StartFailure;
import dev.mamori.server.http.Api;
import dev.mamori.server.http.Router;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The Mamori server: a database (embedded PostgreSQL under the data folder, or an external one),
 * its schema brought up to date, and the JSON API under {@code /api/v1} over HTTP, by default on
 * the loopback interface only. Closing it stops the HTTP server, then the embedded database.
 */
public final class MamoriServer implements AutoCloseable {

    /** The largest request body the API reads (a push of a stakeholder's files). */
    public static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

    /**
     * How to start.
     *
     * @param bind the address to listen on; loopback unless the operator opens it
     * @param port the TCP port, 0 for any free one
     * @param data the data folder: the embedded PostgreSQL's cluster and log
     * @param databaseUrl an external PostgreSQL to use instead of the embedded one
     * @param secureCookies mark the web pages' session cookie Secure (the server is reached over TLS)
     */
    public record Options(String bind, int port, Path data, Optional<String> databaseUrl, boolean secureCookies) {
        /** Without TLS in front: the web pages' session cookie is not marked Secure. */
        public Options(String bind, int port, Path data, Optional<String> databaseUrl) {
            this(bind, port, data, databaseUrl, false);
        }

        public static Options loopback(int port, Path data) {
            return new Options("127.0.0.1", port, data, Optional.empty());
        }
    }

    private final Database database;
    private final HttpServer http;
    private final ExecutorService workers;
    private final String schemaVersion;
    private final Services services;
    private final List<String> routes;

    private MamoriServer(
            Database database,
            HttpServer http,
            ExecutorService workers,
            String schemaVersion,
            Services services,
            List<String> routes) {
        this.routes = routes;
        this.database = database;
        this.http = http;
        this.workers = workers;
        this.schemaVersion = schemaVersion;
        this.services = services;
    }

    /**
     * Starts the database and the API.
     *
     * @throws StartFailure with a sentence for the operator when either cannot start
     */
    public static MamoriServer start(Options options, PrintStream log) {
        InetAddress address;
        try {
            address = InetAddress.getByName(options.bind());
        } catch (UnknownHostException e) {
            throw new StartFailure("cannot listen on " + options.bind() + ": no such address", e);
        }
        Database database = openDatabase(options);
        try {
            String version = Schema.migrate(database.dataSource());
            Services services = new Services(database, java.time.Clock.systemUTC());
            Router router = Api.routes(services, version, log);
            HttpServer http = HttpServer.create(new InetSocketAddress(address, options.port()), 64);
            http.createContext("/api/", router);
            // Everything else is the web pages (dev.mamori.server.web).
            http.createContext("/", dev.mamori.server.web.WebPages.of(services, options.secureCookies(), log));
            ExecutorService workers = Executors.newFixedThreadPool(16, r -> {
                Thread t = new Thread(r, "mamori-http");
                t.setDaemon(true);
                return t;
            });
            http.setExecutor(workers);
            http.start();
            List<String> routes = router.routes().stream()
                    .map(r -> r.method() + " " + r.template())
                    .toList();
            return new MamoriServer(database, http, workers, version, services, routes);
        } catch (IOException e) {
            database.close();
            throw new StartFailure(
                    "cannot listen on " + options.bind() + ":" + options.port() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Opens the database the options name, without starting the API: for maintenance commands. */
    public static Database openDatabase(Options options) {
        return options.databaseUrl().map(Database::external).orElseGet(() -> Database.embedded(options.data()));
    }

    /**
     * Makes the first admin of the server: an account that makes landscapes and accounts and grants
     * roles. {@code password} empty generates one, returned to be shown once.
     *
     * @throws ApiError 409 when the name is taken, 400 for a bad name or short password
     */
    public Optional<String> initAdmin(String name, Optional<String> password) {
        return services.accounts()
                .create("mamori serve --init-admin", name, password, true)
                .generatedPassword();
    }

    /** Every route the API serves, as {@code METHOD /template}. */
    public List<String> routes() {
        return routes;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String schemaVersion() {
        return schemaVersion;
    }

    public Database database() {
        return database;
    }

    public Services services() {
        return services;
    }

    @Override
    public void close() {
        http.stop(0);
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
    }
}
