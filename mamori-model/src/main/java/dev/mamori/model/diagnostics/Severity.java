package dev.mamori.model.diagnostics;

/** How bad a diagnostic is: an error makes the model invalid, a warning does not. */
public enum Severity {
    ERROR,
    WARNING;

    /** The word printed in {@code FILE:LINE:COL: error: ...}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
