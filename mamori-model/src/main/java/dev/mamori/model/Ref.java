package dev.mamori.model;

import dev.mamori.model.diagnostics.SourceLocation;
import java.util.List;

/**
 * A reference to another element as the user wrote it: a bare id ({@code gate}) resolved first in
 * the system it was written in and then among the landscape's own elements, or a qualified id
 * ({@code access.gate}, {@code access.gate.crowd-crush}) naming the system explicitly.
 *
 * <p>Where it was written is kept as its parts, as the parse tree's nodes keep theirs: every flow
 * holds three references or more, and a {@link SourceLocation} object each was a third of a flow's
 * memory in a large landscape (docs/performance.md). {@link #at()} builds the location when asked.
 *
 * @param system the system the reference was written in, or null at landscape level
 */
public record Ref(String text, String system, String file, int line, int column) {

    public Ref {
        SourceLocation.check(line, column);
    }

    public Ref(String text, String system, SourceLocation at) {
        this(text, system, at.file(), at.line(), at.column());
    }

    /** Where the reference was written. */
    public SourceLocation at() {
        return new SourceLocation(file, line, column);
    }

    /** The qualified ids this reference may stand for, most specific first. */
    public List<String> candidates() {
        if (text.contains(".") || system == null) {
            return List.of(text);
        }
        return List.of(system + "." + text, text);
    }

    @Override
    public String toString() {
        return text;
    }
}
