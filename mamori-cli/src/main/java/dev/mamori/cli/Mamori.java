package dev.mamori.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;

/** The {@code mamori} command: entry point and the handling every subcommand shares. */
public final class Mamori {

    private Mamori() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err, Path.of(""));
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs one command line and returns its exit code; never throws.
     *
     * @param workingDirectory where relative file names are resolved from
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Path workingDirectory) {
        CommandLine commandLine = new CommandLine(new MamoriCommand(workingDirectory));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            err.println("mamori: internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            err.println("This is a bug in Mamori; please report it with the command you ran."
                    + " Set MAMORI_DEBUG=1 to see the stack trace.");
            if (System.getenv("MAMORI_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCode.INTERNAL;
        });
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
