package dev.mamori.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.mamori.server.db.Database;
import dev.mamori.server.db.Schema;
import dev.mamori.server.db.StartFailure;
import dev.mamori.server.http.Api;
import dev.mamori.server.http.Router;
import dev.mamori.server.revision.WarmUp;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

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
     * @param warmUpRounds how many times to assess a generated landscape after the start, so that
     *     the first pushes find their code loaded and compiled ({@link WarmUp}); 0: not at all
     */
    public record Tuning(
            Clock clock,
            Duration webhookFirstRetry,
            int webhookAttempts,
            Optional<Duration> reassessEvery,
            int warmUpRounds) {
        /** Without a warm-up. */
        public Tuning(Clock clock, Duration webhookFirstRetry, int webhookAttempts, Optional<Duration> reassessEvery) {
            this(clock, webhookFirstRetry, webhookAttempts, reassessEvery, 0);
        }

        /** No warm-up: tests and embedders start many servers and push little. */
        public static Tuning defaults() {
            return new Tuning(Clock.systemUTC(), Duration.ofSeconds(10), 6, Optional.empty(), 0);
        }

        public Tuning withReassessEvery(Duration every) {
            return new Tuning(clock, webhookFirstRetry, webhookAttempts, Optional.of(every), warmUpRounds);
        }

        public Tuning withWarmUp(int rounds) {
            return new Tuning(clock, webhookFirstRetry, webhookAttempts, reassessEvery, rounds);
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
    private final CompletableFuture<WarmUp.Done> warmedUp;
    /** Set by close(): the warm-up stops after the round under way. */
    private final java.util.concurrent.atomic.AtomicBoolean closing;

    private MamoriServer(
            Database database,
            HttpServer http,
            ExecutorService workers,
            String schemaVersion,
            Services services,
            List<String> routes,
            ScheduledExecutorService background,
            CompletableFuture<WarmUp.Done> warmedUp,
            java.util.concurrent.atomic.AtomicBoolean closing) {
        this.warmedUp = warmedUp;
        this.closing = closing;
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
        // The embedded PostgreSQL starts on a thread of its own; what needs no database is made meanwhile.
        Database database = openDatabase(options);
        try {
            Services services = new Services(database, tuning);
            // Everything but the API is the web pages (dev.mamori.server.web). Making their handler
            // lays out a probe diagram for their style sheet's hash, most of a second on a busy
            // machine: it is made on a thread of its own, and a page asked for before then waits.
            Deferred pages =
                    Deferred.make(() -> dev.mamori.server.web.WebPages.of(services, options.secureCookies(), log), log);
            String version = Schema.migrate(database.dataSource());
            Router router = Api.routes(services, version, log);
            HttpServer http = HttpServer.create(new InetSocketAddress(address, options.port()), 256);
            http.createContext("/api/", router);
            http.createContext("/", pages);
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
            java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
            // Once the pages are made too: the start's own work is done first.
            CompletableFuture<WarmUp.Done> warm =
                    pages.handler.handle((made, failed) -> null).thenCompose(x -> warmUp(tuning, log, closing::get));
            return new MamoriServer(database, http, workers, version, services, routes, background, warm, closing);
        } catch (IOException e) {
            database.close();
            throw new StartFailure(
                    "cannot listen on " + options.bind() + ":" + options.port() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * A handler made on a thread of its own while the server starts; requests that come before it
     * is made wait for it. Should making it fail (a bug), its requests are answered 500 and the
     * failure is in the log.
     */
    private static final class Deferred implements HttpHandler {
        private final CompletableFuture<HttpHandler> handler = new CompletableFuture<>();

        static Deferred make(Supplier<HttpHandler> make, PrintStream log) {
            Deferred d = new Deferred();
            Thread t = new Thread(
                    () -> {
                        try {
                            d.handler.complete(make.get());
                        } catch (RuntimeException | Error e) {
                            e.printStackTrace(log);
                            d.handler.completeExceptionally(e);
                        }
                    },
                    "mamori-pages-start");
            t.setDaemon(true);
            t.start();
            return d;
        }

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            HttpHandler made;
            try {
                made = handler.join();
            } catch (CompletionException e) {
                byte[] body =
                        "the web pages could not start; the server's log says why\n".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(500, body.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(body);
                }
                return;
            }
            made.handle(exchange);
        }
    }

    /**
     * After the start, on a thread of its own at the lowest priority: what a push runs, on a
     * generated landscape, {@code warmUpRounds} times (nothing is stored). The first pushes after a
     * start took two to three times as long as later ones (docs/performance.md).
     */
    private static CompletableFuture<WarmUp.Done> warmUp(
            Tuning tuning, PrintStream log, java.util.function.BooleanSupplier closing) {
        CompletableFuture<WarmUp.Done> done = new CompletableFuture<>();
        if (tuning.warmUpRounds() <= 0) {
            done.complete(new WarmUp.Done(0, 0, 0));
            return done;
        }
        Thread t = new Thread(
                () -> {
                    try {
                        WarmUp.Done d = WarmUp.run(
                                tuning.warmUpRounds(),
                                LocalDate.ofInstant(tuning.clock().instant(), ZoneOffset.UTC),
                                closing);
                        log.println("warmed up: " + d.rounds() + " assessments of a generated landscape of "
                                + WarmUp.components() + " components (" + d.findings() + " findings) in "
                                + d.millis() + " ms");
                        done.complete(d);
                    } catch (RuntimeException | Error e) {
                        // Only the first pushes are slower for it.
                        log.println("the warm-up failed: " + e);
                        done.completeExceptionally(e);
                    }
                },
                "mamori-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return done;
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

    /** Completes when the warm-up after the start is over (at once when there is none). */
    public CompletableFuture<WarmUp.Done> warmedUp() {
        return warmedUp;
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
        closing.set(true);
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
