package dev.mamori.model.diagnostics;

import java.util.Comparator;

/**
 * One problem found in a model, located.
 *
 * @param code a stable kebab-case identifier of the kind of problem (for editors, CI and tests)
 * @param message what is wrong and what was expected, in words for people
 */
public record Diagnostic(Severity severity, SourceLocation at, String code, String message) {

    /** File, then line, then column; errors before warnings at the same place. */
    public static final Comparator<Diagnostic> IN_FILE_ORDER = Comparator.comparing(Diagnostic::at)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::message);

    /** The one-line form {@code FILE:LINE:COL: error: MESSAGE}. */
    @Override
    public String toString() {
        return at + ": " + severity.word() + ": " + message;
    }
}
