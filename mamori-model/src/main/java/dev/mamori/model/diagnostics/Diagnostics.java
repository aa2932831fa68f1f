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
        items.add(new Diagnostic(Severity.ERROR, at, code, oneLine(message)));
        errors++;
    }

    public void warning(SourceLocation at, String code, String message) {
        items.add(new Diagnostic(Severity.WARNING, at, code, oneLine(message)));
    }

    /**
     * Messages quote what the user wrote, which may hold line breaks or control characters; they
     * are escaped here, once for all messages, so that each diagnostic stays one line.
     */
    static String oneLine(String message) {
        StringBuilder out = null;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                if (out == null) {
                    out = new StringBuilder(message.substring(0, i));
                }
                switch (c) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(String.format("\\u%04x", (int) c));
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? message : out.toString();
    }

    /** Diagnostics collected apart, while it was not yet known whether they should be shown. */
    public void addAll(List<Diagnostic> collected) {
        for (Diagnostic d : collected) {
            items.add(d);
            if (d.severity() == Severity.ERROR) {
                errors++;
            }
        }
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    /** All diagnostics in file order, each exactly once. */
    public List<Diagnostic> sorted() {
        return items.stream().distinct().sorted(Diagnostic.IN_FILE_ORDER).toList();
    }
}
