package dev.mamori.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** A number given on the command line, checked against the range where it means something. */
final class NumberOption {

    private NumberOption() {}

    /** {@code value} when {@code min <= value <= max}, else a usage error naming the option and its range. */
    static int within(CommandLine commandLine, String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(
                    commandLine, option + " takes a whole number from " + min + " to " + max + ", not " + value);
        }
        return value;
    }
}
