package dev.mamori.model.syntax;

import dev.mamori.model.diagnostics.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * A mapping whose keys are unique; entries keep the order in which they were written. Locations
 * are kept as their parts, as in {@link ScalarNode}.
 */
public record MapNode(String file, int line, int column, List<Entry> entries) implements Node {

    /** One {@code key: value} pair; {@code keyAt()} is where the key was written. */
    public record Entry(String key, String file, int line, int column, Node value) {
        public Entry {
            SourceLocation.check(line, column);
        }

        public Entry(String key, SourceLocation keyAt, Node value) {
            this(key, keyAt.file(), keyAt.line(), keyAt.column(), value);
        }

        public SourceLocation keyAt() {
            return new SourceLocation(file, line, column);
        }
    }

    public MapNode {
        SourceLocation.check(line, column);
        entries = List.copyOf(entries);
    }

    public MapNode(SourceLocation at, List<Entry> entries) {
        this(at.file(), at.line(), at.column(), entries);
    }

    @Override
    public SourceLocation at() {
        return new SourceLocation(file, line, column);
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
