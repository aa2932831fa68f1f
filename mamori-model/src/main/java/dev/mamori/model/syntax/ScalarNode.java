package dev.mamori.model.syntax;

import dev.mamori.model.diagnostics.SourceLocation;

/**
 * A single value as written. The text is kept verbatim; {@code kind} says how the YAML or JSON
 * reader saw it, so that {@code count: "3"} and {@code count: 3} can be told apart when it matters.
 *
 * <p>Where it was written is kept as its parts rather than as a {@link SourceLocation} object: a
 * large landscape's tree has millions of values, and one object less per value is a third less
 * for the collector to copy while the tree is built (docs/performance.md).
 */
public record ScalarNode(String file, int line, int column, String text, Kind kind) implements Node {

    public ScalarNode {
        SourceLocation.check(line, column);
    }

    public ScalarNode(SourceLocation at, String text, Kind kind) {
        this(at.file(), at.line(), at.column(), text, kind);
    }

    @Override
    public SourceLocation at() {
        return new SourceLocation(file, line, column);
    }

    public enum Kind {
        STRING,
        INTEGER,
        DECIMAL,
        BOOLEAN,
        NULL
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    @Override
    public String describe() {
        return switch (kind) {
            case NULL -> "an empty value";
            case STRING -> "the text '" + abbreviate(text) + "'";
            default -> "the value " + abbreviate(text);
        };
    }

    private static String abbreviate(String s) {
        String oneLine = s.replace("\n", "\\n");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
    }
}
