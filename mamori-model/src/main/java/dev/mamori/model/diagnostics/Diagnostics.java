package dev.mamori.model.diagnostics;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every diagnostic of one run, so that the user sees all problems at once instead of
 * fixing them one by one.
 */
public final class Diagnostics {

    private final List<Diagnostic> items = new ArrayList<>();
    private int errors;

    public void error(SourceLocation at, String code, String message) {
        items.add(new Diagnostic(Severity.ERROR, at, code, message));
        errors++;
    }

    public void warning(SourceLocation at, String code, String message) {
        items.add(new Diagnostic(Severity.WARNING, at, code, message));
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    /** All diagnostics in file order, each exactly once. */
    public List<Diagnostic> sorted() {
        return items.stream().distinct().sorted(Diagnostic.IN_FILE_ORDER).toList();
    }
}
