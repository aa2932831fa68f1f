package dev.mamori.model.syntax;

import dev.mamori.model.diagnostics.SourceLocation;
import java.util.List;

/** A sequence of values. */
public record ListNode(SourceLocation at, List<Node> items) implements Node {

    public ListNode {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }
}
