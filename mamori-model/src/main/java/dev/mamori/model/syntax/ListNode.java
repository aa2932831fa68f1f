package dev.mamori.model.syntax;

import dev.mamori.model.diagnostics.SourceLocation;
import java.util.List;

/** A sequence of values. Its location is kept as its parts, as in {@link ScalarNode}. */
public record ListNode(String file, int line, int column, List<Node> items) implements Node {

    public ListNode {
        SourceLocation.check(line, column);
        items = List.copyOf(items);
    }

    public ListNode(SourceLocation at, List<Node> items) {
        this(at.file(), at.line(), at.column(), items);
    }

    @Override
    public SourceLocation at() {
        return new SourceLocation(file, line, column);
    }

    @Override
    public String describe() {
        return "a list";
    }
}
