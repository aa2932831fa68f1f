package dev.mamori.cli;

/** The exit codes of every command, documented in the help and the README. */
final class ExitCode {

    private ExitCode() {}

    /** The command did what was asked; for validate, the model is valid. */
    static final int OK = 0;

    /** The model is invalid (or, for later commands, the gate failed). */
    static final int INVALID = 1;

    /** The command line was wrong: unknown option, missing file argument, output already there. */
    static final int USAGE = 2;

    /** Mamori itself failed: a bug, to be reported. */
    static final int INTERNAL = 3;
}
