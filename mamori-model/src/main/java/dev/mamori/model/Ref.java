package dev.mamori.model;

import dev.mamori.model.diagnostics.SourceLocation;
import java.util.List;

/**
 * A reference to another element as the user wrote it: a bare id ({@code gate}) resolved first in
 * the system it was written in and then among the landscape's own elements, or a qualified id
 * ({@code access.gate}, {@code access.gate.crowd-crush}) naming the system explicitly.
 *
 * @param system the system the reference was written in, or null at landscape level
 */
public record Ref(String text, String system, SourceLocation at) {

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
