package dev.mamori.cli;

import dev.mamori.server.ApiError;
import dev.mamori.server.MamoriServer;
import dev.mamori.server.db.StartFailure;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        header = "Run the Mamori server: one landscape kept by many stakeholders (docs/server.md).",
        description = {
            "Starts a PostgreSQL of its own (its data under --data, default ./mamori-data), brings",
            "its schema up to date, and serves the JSON API under /api/v1 and the web pages under / on",
            "127.0.0.1 (--bind opens another address; --secure-cookies behind a TLS proxy).",
            "--database postgresql://USER:PASSWORD@HOST:PORT/DB, or the environment",
            "variable MAMORI_DATABASE_URL, uses an external PostgreSQL instead. Runs until stopped",
            "(Ctrl-C or SIGTERM), then stops the database it started. --init-admin NAME first makes",
            "the server's admin account (landscapes, accounts, roles); its password is generated and",
            "printed once, or read from standard input with --password-stdin. --reassess 24h assesses",
            "the latest revision of every landscape again at start and then every 24 hours: treatments",
            "that lapsed re-open, a newer Mamori's rules apply; a landscape whose assessment is unchanged",
            "gets no new revision."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the server ran and was stopped",
            "2:usage error (unknown option, bad port or --reassess interval; --init-admin: the account exists or the password is too short)",
            "3:internal error in Mamori (a bug; please report it)",
            "5:the server could not start: the database did not start or is unreachable, its schema is newer"
                    + " than this server, or the port is taken"
        })
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    MamoriCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "The TCP port (default: 8080; 0 picks a free one).")
    int port = 8080;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            description = "The address to listen on (default: 127.0.0.1, this machine only).")
    String bind = "127.0.0.1";

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Where the embedded PostgreSQL keeps its data (default: ./mamori-data).")
    Path data = Path.of("mamori-data");

    @Option(
            names = "--database",
            paramLabel = "URL",
            description = "An external PostgreSQL (postgresql://USER:PASSWORD@HOST:PORT/DB) instead of the"
                    + " embedded one; default: MAMORI_DATABASE_URL when set.")
    String database;

    @Option(
            names = "--init-admin",
            paramLabel = "NAME",
            description = "First make the server's admin account NAME, with a generated password printed once"
                    + " (or, with --password-stdin, the first line of standard input).")
    String initAdmin;

    @Option(
            names = "--reassess",
            paramLabel = "INTERVAL",
            description = "Re-assess every landscape's latest revision at start and then every INTERVAL: a number"
                    + " and s, m, h or d (e.g. 24h), from 1m to 365d.")
    String reassess;

    @Option(names = "--password-stdin", description = "With --init-admin: read the password from standard input.")
    boolean passwordStdin;

    @Option(
            names = "--secure-cookies",
            description = "Mark the web pages' session cookie Secure: for a server reached over HTTPS (a TLS proxy"
                    + " in front), so that browsers never send the cookie in clear.")
    boolean secureCookies;

    /** Standard input, for --password-stdin; tests give their own. */
    java.io.InputStream stdin = System.in;

    /** Released by the shutdown hook (or a test) to stop the server. */
    final CountDownLatch stop = new CountDownLatch(1);

    /** Released once the server and its database are down: the hook waits for it, the JVM for the hook. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("mamori serve: --port must be between 0 and 65535, not " + port);
            return ExitCode.USAGE;
        }
        if (passwordStdin && initAdmin == null) {
            err.println("mamori serve: --password-stdin goes with --init-admin NAME");
            return ExitCode.USAGE;
        }
        Optional<Duration> every = Optional.empty();
        if (reassess != null) {
            every = interval(reassess);
            if (every.isEmpty()) {
                err.println("mamori serve: --reassess takes a number and s, m, h or d, from 1m to 365d (e.g. 24h),"
                        + " not '" + reassess + "'");
                return ExitCode.USAGE;
            }
        }
        Optional<String> password = Optional.empty();
        if (passwordStdin) {
            try {
                String line = new java.io.BufferedReader(new java.io.InputStreamReader(stdin, StandardCharsets.UTF_8))
                        .readLine();
                if (line == null || line.isBlank()) {
                    err.println("mamori serve: --password-stdin: standard input holds no password");
                    return ExitCode.USAGE;
                }
                password = Optional.of(line.strip());
            } catch (java.io.IOException e) {
                err.println("mamori serve: --password-stdin: " + e.getMessage());
                return ExitCode.USAGE;
            }
        }
        Optional<String> url =
                Optional.ofNullable(database).or(() -> Optional.ofNullable(System.getenv("MAMORI_DATABASE_URL")));
        Path folder = parent.workingDirectory().resolve(data).toAbsolutePath().normalize();
        MamoriServer server;
        try {
            MamoriServer.Tuning tuning = MamoriServer.Tuning.defaults();
            if (every.isPresent()) {
                tuning = tuning.withReassessEvery(every.get());
            }
            server = MamoriServer.start(
                    new MamoriServer.Options(bind, port, folder, url, secureCookies),
                    new PrintStream(System.err, true, StandardCharsets.UTF_8),
                    tuning);
        } catch (StartFailure e) {
            err.println("mamori serve: " + e.getMessage());
            return ExitCode.UNAVAILABLE;
        }
        if (initAdmin != null) {
            try {
                Optional<String> generated = server.initAdmin(initAdmin, password);
                out.println("Admin account " + initAdmin + " made."
                        + generated
                                .map(p -> " Its password, shown this once: " + p)
                                .orElse(""));
            } catch (ApiError e) {
                server.close();
                err.println("mamori serve: --init-admin " + initAdmin + ": " + e.getMessage());
                return ExitCode.USAGE;
            }
        }
        Thread hook = new Thread(
                () -> {
                    stop.countDown();
                    try {
                        stopped.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "mamori-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            out.println("Mamori server on http://" + hostForUrl(bind) + ":" + server.port() + "/api/v1 ("
                    + server.database().description() + ", schema version " + server.schemaVersion() + ")");
            if (every.isPresent()) {
                out.println("Re-assessing every landscape now and every " + reassess + ".");
            }
            out.println(
                    "Web pages on http://" + hostForUrl(bind) + ":" + server.port() + "/ (sign in with an account)");
            out.println("Stop it with Ctrl-C.");
            out.flush();
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already stopping: the hook has run.
            }
        }
        out.println("Mamori server stopped.");
        return ExitCode.OK;
    }

    /** {@code 90s}, {@code 30m}, {@code 24h}, {@code 7d}; empty when malformed or outside 1m to 365d. */
    static Optional<Duration> interval(String text) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("([0-9]{1,6})([smhd])").matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        return d.compareTo(Duration.ofMinutes(1)) < 0 || d.compareTo(Duration.ofDays(365)) > 0
                ? Optional.empty()
                : Optional.of(d);
    }

    private static String hostForUrl(String bind) {
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }
}
