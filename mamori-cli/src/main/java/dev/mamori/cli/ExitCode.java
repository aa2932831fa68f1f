package dev.mamori.cli;

/** The exit codes of every command, documented in the help and the README. */
final class ExitCode {

    private ExitCode() {}

    /** The command did what was asked; for validate, the model is valid. */
    static final int OK = 0;

    /** The model is invalid, or {@code assess --fail-on} found an open finding at or above it. */
    static final int INVALID = 1;

    /** The command line was wrong: unknown option, missing file argument, output already there. */
    static final int USAGE = 2;

    /** Mamori itself failed: a bug, to be reported. */
    static final int INTERNAL = 3;

    /**
     * The deployment gate ({@code mamori verify}) failed: the model is valid and was assessed, and
     * an open finding is at or above the gate's severity. Distinct from 1 so that CI can tell "the
     * system is not ready" from "the model is broken".
     */
    static final int GATE_FAILED = 4;

    /**
     * {@code mamori drift} found the deployment different from the model; the same number as the
     * gate, for the same reason: CI can tell "not as modelled" from "the model is broken".
     */
    static final int DRIFT = 4;

    /**
     * The server side could not be had: {@code serve} could not start its database or listen, a
     * push or an audit check could not reach the server or the database. Distinct from 1 and 2 so
     * that a script can retry this one.
     */
    static final int UNAVAILABLE = 5;
}
