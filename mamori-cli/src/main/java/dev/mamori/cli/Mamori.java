package dev.mamori.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
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
        // The progress line draws with control characters of its own, so it gets the raw writer;
        // everything else a command prints goes through the filter.
        CommandLine commandLine =
                MamoriCommand.commandLine(new MamoriCommand(workingDirectory, progressOnTerminal, err), args);
        PrintWriter safeOut = new PrintWriter(new TerminalSafeWriter(out), true);
        PrintWriter safeErr = new PrintWriter(new TerminalSafeWriter(err), true);
        commandLine.setOut(safeOut);
        commandLine.setErr(safeErr);
        // picocli's own message for a bad date names java.time classes; say what a date looks like.
        commandLine.registerConverter(LocalDate.class, Mamori::date);
        commandLine.setParameterExceptionHandler(Mamori::usageError);
        CommandHelp.rewrap(commandLine);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            if (e.getCause() instanceof OutOfMemoryError) {
                return outOfMemory(safeErr);
            }
            safeErr.println("mamori: internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            safeErr.println("This is a bug in Mamori; please report it with the command you ran."
                    + " Set MAMORI_DEBUG=1 to see the stack trace.");
            if (System.getenv("MAMORI_DEBUG") != null) {
                e.printStackTrace(safeErr);
            }
            safeErr.flush();
            return ExitCode.INTERNAL;
        });
        try {
            int code;
            try {
                code = commandLine.execute(args);
            } catch (OutOfMemoryError e) {
                return outOfMemory(err);
            }
            safeOut.flush();
            if (out.checkError()) {
                // A full disk or a closed pipe: the output the user asked for is not there.
                err.println("mamori: cannot write to standard output (a full disk, or the reader went away)");
                return ExitCode.USAGE;
            }
            return code;
        } finally {
            safeOut.flush();
            safeErr.flush();
        }
    }

    /**
     * A command line that cannot be run: the reason, and one line on where to read more, instead of
     * the whole help, which buried the reason.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("mamori: " + e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                err.println("mamori: did you mean " + String.join(" or ", suggestions) + "?");
            }
        }
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for its options.");
        err.flush();
        return ExitCode.USAGE;
    }
}
