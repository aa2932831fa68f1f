package dev.mamori.model.diagnostics;

/**
 * A place in a model file, as people and editors read it: 1-based line and column.
 *
 * <p>Every element of a loaded model carries one, so that any message about it can point at the
 * line the user wrote.
 */
public record SourceLocation(String file, int line, int column) implements Comparable<SourceLocation> {

    public SourceLocation {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /** The start of a file, for problems that concern the file as a whole. */
    public static SourceLocation startOf(String file) {
        return new SourceLocation(file, 1, 1);
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
