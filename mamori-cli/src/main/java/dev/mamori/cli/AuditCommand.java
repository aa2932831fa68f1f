package dev.mamori.cli;

import dev.mamori.server.MamoriServer;
import dev.mamori.server.audit.AuditLog;
import dev.mamori.server.db.Database;
import dev.mamori.server.db.StartFailure;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        header = "Check the Mamori server's audit log (docs/server.md).",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @ParentCommand
    MamoriCommand parent;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name what to do: mamori audit verify");
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            header = "Recompute the audit log's hash chain and name the first broken record.",
            description = {
                "Reads every audit record of the server's database, oldest first, recomputes each",
                "one's hash from its fields and the hash before it, and stops at the first record that",
                "does not match (changed, or one before it removed). With --data it starts the",
                "embedded PostgreSQL of a stopped server; with --database (or MAMORI_DATABASE_URL) it",
                "reads a running one."
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:the chain is intact",
                "1:the chain is broken: the first broken record was named",
                "2:usage error (neither or both of --data and --database)",
                "3:internal error in Mamori (a bug; please report it)",
                "5:the database could not be started or reached"
            })
    static final class Verify implements Callable<Integer> {

        @ParentCommand
        AuditCommand audit;

        @Spec
        CommandSpec spec;

        static final class Where {
            @Option(names = "--data", paramLabel = "DIR", description = "The data folder of a stopped server.")
            Path data;

            @Option(names = "--database", paramLabel = "URL", description = "postgresql://USER:PASSWORD@HOST:PORT/DB")
            String database;
        }

        @ArgGroup(exclusive = true)
        Where where;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<String> url = Optional.ofNullable(where == null ? null : where.database);
            Path data = where == null ? null : where.data;
            if (url.isEmpty() && data == null) {
                url = Optional.ofNullable(System.getenv("MAMORI_DATABASE_URL"));
                if (url.isEmpty()) {
                    err.println("mamori audit verify: name the database: --data DIR or --database URL");
                    return ExitCode.USAGE;
                }
            }
            Path folder = data == null
                    ? Path.of("mamori-data")
                    : audit.parent
                            .workingDirectory()
                            .resolve(data)
                            .toAbsolutePath()
                            .normalize();
            if (data != null && !java.nio.file.Files.isDirectory(folder.resolve("postgres"))) {
                err.println("mamori audit verify: " + data + " holds no server data (no postgres folder)");
                return ExitCode.USAGE;
            }
            try (Database database = MamoriServer.openDatabase(new MamoriServer.Options("127.0.0.1", 0, folder, url));
                    Connection c = database.connect()) {
                AuditLog.Verification result = AuditLog.verify(c);
                if (result.intact()) {
                    out.println("Audit chain intact: " + result.records() + " records.");
                    return ExitCode.OK;
                }
                AuditLog.Broken broken = result.firstBroken().orElseThrow();
                out.println("Audit chain broken at record " + broken.seq() + ": " + broken.reason() + ".");
                return ExitCode.INVALID;
            } catch (StartFailure e) {
                err.println("mamori audit verify: " + e.getMessage());
                return ExitCode.UNAVAILABLE;
            } catch (SQLException e) {
                err.println("mamori audit verify: the database failed: " + e.getMessage());
                return ExitCode.UNAVAILABLE;
            }
        }
    }
}
