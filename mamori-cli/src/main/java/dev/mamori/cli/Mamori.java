package dev.mamori.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** The {@code mamori} command: entry point and the handling every subcommand shares. */
public final class Mamori {

    private Mamori() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        // A progress line only where a person watches: Java sees a console when the terminal holds
        // both ends; piped or redirected output, CI and the tests (which call run below) get none.
        boolean terminal = System.console() != null && System.getenv("MAMORI_NO_PROGRESS") == null;
        int code = run(args, out, err, Path.of(""), terminal);
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
        return run(args, out, err, workingDirectory, false);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("expected a date like 2026-01-31, not '" + text + "'");
        }
    }

    /**
     * Memory ran out: say so on one line, without a stack trace, and how to give Java more. The
     * input limits keep a hostile model from getting here, so what remains is a landscape that is
     * genuinely larger than the memory Java was given.
     */
    private static int outOfMemory(PrintWriter err) {
        err.println("mamori: internal error: out of memory (Java may use "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MB); give it more with JAVA_TOOL_OPTIONS=-Xmx8g, or split the landscape");
        err.flush();
        return ExitCode.INTERNAL;
    }

    /** As above; {@code progressOnTerminal} shows a progress line on {@code err} during long runs. */
    static int run(String[] args, PrintWriter out, PrintWriter err, Path workingDirectory, boolean progressOnTerminal) {
        CommandLine commandLine = new CommandLine(new MamoriCommand(workingDirectory, progressOnTerminal));
        // picocli's own message for a bad date names java.time classes; say what a date looks like.
        commandLine.registerConverter(LocalDate.class, Mamori::date);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            if (e.getCause() instanceof OutOfMemoryError) {
                return outOfMemory(err);
            }
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
        } catch (OutOfMemoryError e) {
            return outOfMemory(err);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
