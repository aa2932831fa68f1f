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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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

    /**
     * What tests and operators may change beyond the options: the clock (expiry is judged against
     * its day), how webhook deliveries are retried, and how often every landscape is re-assessed.
     *
     * @param webhookFirstRetry the wait before a failed delivery's second attempt; it doubles after
     * @param webhookAttempts how many attempts a delivery gets before it is marked failed
     * @param reassessEvery re-assess every landscape at start and then this often; empty: never
     */
    public record Tuning(
            Clock clock, Duration webhookFirstRetry, int webhookAttempts, Optional<Duration> reassessEvery) {
        public static Tuning defaults() {
            return new Tuning(Clock.systemUTC(), Duration.ofSeconds(10), 6, Optional.empty());
        }

        public Tuning withReassessEvery(Duration every) {
            return new Tuning(clock, webhookFirstRetry, webhookAttempts, Optional.of(every));
        }
    }

    /**
     * The threads that answer requests. Writes of one landscape wait for each other without a
     * database connection (see Revisions.serially), so reads go on while pushes queue.
     */
    private static final int WORKERS = 32;

    /** How often the webhook sender looks for due deliveries. */
    private static final Duration WEBHOOK_POLL = Duration.ofMillis(250);

    private final Database database;
    private final ScheduledExecutorService background;
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
            List<String> routes,
            ScheduledExecutorService background) {
        this.background = background;
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
        return start(options, log, Tuning.defaults());
    }

    /**
     * Starts the database and the API, tuned.
     *
     * @throws StartFailure with a sentence for the operator when either cannot start
     */
    public static MamoriServer start(Options options, PrintStream log, Tuning tuning) {
        InetAddress address;
        try {
            address = InetAddress.getByName(options.bind());
        } catch (UnknownHostException e) {
            throw new StartFailure("cannot listen on " + options.bind() + ": no such address", e);
        }
        Database database = openDatabase(options);
        try {
            String version = Schema.migrate(database.dataSource());
            Services services = new Services(database, tuning);
            Router router = Api.routes(services, version, log);
            HttpServer http = HttpServer.create(new InetSocketAddress(address, options.port()), 256);
            http.createContext("/api/", router);
            // Everything else is the web pages (dev.mamori.server.web).
            http.createContext("/", dev.mamori.server.web.WebPages.of(services, options.secureCookies(), log));
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> {
                Thread t = new Thread(r, "mamori-http");
                t.setDaemon(true);
                return t;
            });
            http.setExecutor(workers);
            http.start();
            List<String> routes = router.routes().stream()
                    .map(r -> r.method() + " " + r.template())
                    .toList();
            ScheduledExecutorService background = Executors.newScheduledThreadPool(2, r -> {
                Thread t = new Thread(r, "mamori-background");
                t.setDaemon(true);
                return t;
            });
            var unused = background.scheduleWithFixedDelay(
                    () -> quietly(log, () -> services.webhooks().deliverDue(log)),
                    WEBHOOK_POLL.toMillis(),
                    WEBHOOK_POLL.toMillis(),
                    TimeUnit.MILLISECONDS);
            if (tuning.reassessEvery().isPresent()) {
                var unusedReassessing = background.scheduleWithFixedDelay(
                        () -> quietly(log, () -> {
                            log.println("re-assessed: " + services.revisions().reassess());
                            log.println("treatments lapsing soon, warnings given: "
                                    + services.treatments().warnExpiring());
                        }),
                        0,
                        tuning.reassessEvery().get().toMillis(),
                        TimeUnit.MILLISECONDS);
            }
            return new MamoriServer(database, http, workers, version, services, routes, background);
        } catch (IOException e) {
            database.close();
            throw new StartFailure(
                    "cannot listen on " + options.bind() + ":" + options.port() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Runs background work; a failure is logged and the schedule goes on. */
    private static void quietly(PrintStream log, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            e.printStackTrace(log);
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
        background.shutdownNow();
        try {
            background.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
