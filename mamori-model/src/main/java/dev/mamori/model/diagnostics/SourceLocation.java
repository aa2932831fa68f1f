package dev.mamori.model.diagnostics;

/**
 * A place in a model file, as people and editors read it: 1-based line and column.
 *
 * <p>Every element of a loaded model carries one, so that any message about it can point at the
 * line the user wrote.
 */
public record SourceLocation(String file, int line, int column) implements Comparable<SourceLocation> {

    public SourceLocation {
        check(line, column);
    }

    /** Refuses a line or column below 1, for whatever keeps a location as its parts. */
    public static void check(int line, int column) {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /** The start of a file, for problems that concern the file as a whole. */
    public static SourceLocation startOf(String file) {
        return new SourceLocation(file, 1, 1);
    }

    /**
     * The record's own equality, with the cheap parts first: lines and columns differ far more often
     * than files, and a model's locations share their file's string. Locations are compared in bulk
     * (a finding's flow is found by its location among every flow of the landscape), and the
     * generated equality compared the file's path first, character by character.
     */
    @Override
    public boolean equals(Object o) {
        return this == o
                || o instanceof SourceLocation other
                        && line == other.line
                        && column == other.column
                        && (file == other.file || file != null && file.equals(other.file));
    }

    @Override
    public int hashCode() {
        return ((file == null ? 0 : file.hashCode()) * 31 + line) * 31 + column;
    }

    @Override
    public int compareTo(SourceLocation other) {
        int byFile = file.compareTo(other.file);
        if (byFile != 0) {
            return byFile;
        }
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
