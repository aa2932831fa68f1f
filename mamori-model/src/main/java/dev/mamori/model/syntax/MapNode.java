package dev.mamori.model.syntax;

import dev.mamori.model.diagnostics.SourceLocation;
import java.util.List;
import java.util.Optional;

/** A mapping whose keys are unique; entries keep the order in which they were written. */
public record MapNode(SourceLocation at, List<Entry> entries) implements Node {

    /** One {@code key: value} pair; {@code keyAt} is where the key was written. */
    public record Entry(String key, SourceLocation keyAt, Node value) {}

    public MapNode {
        entries = List.copyOf(entries);
    }

    public Optional<Entry> entry(String key) {
        for (Entry entry : entries) {
            if (entry.key().equals(key)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    public Optional<Node> get(String key) {
        return entry(key).map(Entry::value);
    }

    @Override
    public String describe() {
        return "a mapping";
    }
}
