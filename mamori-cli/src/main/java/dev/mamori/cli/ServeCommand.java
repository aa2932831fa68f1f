package dev.mamori.cli;

import dev.mamori.server.MamoriServer;
import dev.mamori.server.db.StartFailure;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
            "its schema up to date, and serves the JSON API under /api/v1 on 127.0.0.1 (--bind opens",
            "another address). --database postgresql://USER:PASSWORD@HOST:PORT/DB, or the environment",
            "variable MAMORI_DATABASE_URL, uses an external PostgreSQL instead. Runs until stopped",
            "(Ctrl-C or SIGTERM), then stops the database it started."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the server ran and was stopped",
            "2:usage error (unknown option, bad port)",
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
        Optional<String> url =
                Optional.ofNullable(database).or(() -> Optional.ofNullable(System.getenv("MAMORI_DATABASE_URL")));
        Path folder = parent.workingDirectory().resolve(data).toAbsolutePath().normalize();
        MamoriServer server;
        try {
            server = MamoriServer.start(
                    new MamoriServer.Options(bind, port, folder, url),
                    new PrintStream(System.err, true, StandardCharsets.UTF_8));
        } catch (StartFailure e) {
            err.println("mamori serve: " + e.getMessage());
            return ExitCode.UNAVAILABLE;
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

    private static String hostForUrl(String bind) {
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }
}
