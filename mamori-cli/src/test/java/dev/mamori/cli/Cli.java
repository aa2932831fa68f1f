package dev.mamori.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the command line in-process and keeps what it printed. */
record Cli(int exitCode, String out, String err) {

    /** The repository root: tests run in the mamori-cli module directory. */
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    static Cli run(Path workingDirectory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Mamori.run(args, new PrintWriter(out), new PrintWriter(err), workingDirectory);
        return new Cli(code, out.toString(), err.toString());
    }

    static Cli inRepository(String... args) {
        return run(REPOSITORY, args);
    }
}
