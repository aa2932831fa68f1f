package dev.mamori.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/**
 * How a command that reads a model without assessing it loads it (a picocli mixin): the day expiry
 * dates are judged against, and the landscape folder reads are confined to.
 */
final class LoadOptions {

    @Option(
            names = "--today",
            paramLabel = "DATE",
            description = "Judge expiry dates against DATE (YYYY-MM-DD) instead of today, for reproducible runs.")
    LocalDate today;

    @Option(
            names = "--root",
            paramLabel = "DIR",
            description = "The landscape folder: imports and catalogs are read only inside it (default: the first"
                    + " model file's folder).")
    Path root;
}
