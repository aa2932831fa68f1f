package dev.mamori.engine.compliance;

import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.diagnostics.Suggestions;
import dev.mamori.model.syntax.ListNode;
import dev.mamori.model.syntax.MapNode;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One mapping of a catalog file, checked against the keys it may have: an unknown key is reported
 * with "did you mean", a missing required key where the object is named, a value of the wrong shape
 * where it is written; every problem is reported and reading goes on.
 */
final class Fields {

    private final MapNode map;
    private final String what;
    private final Diagnostics diagnostics;

    private Fields(MapNode map, String what, Diagnostics diagnostics) {
        this.map = map;
        this.what = what;
        this.diagnostics = diagnostics;
    }

    /** Checks {@code node} as a {@code what} with keys {@code keys}, of which {@code required} must be there. */
    static Optional<Fields> check(
            Node node, String what, List<String> keys, List<String> required, Diagnostics diagnostics) {
        if (node instanceof ScalarNode s && s.isNull()) {
            node = new MapNode(s.at(), List.of());
        }
        if (!(node instanceof MapNode map)) {
            diagnostics.error(
                    node.at(), "wrong-type", "expected a mapping of " + what + " keys here, found " + node.describe());
            return Optional.empty();
        }
        for (MapNode.Entry entry : map.entries()) {
            if (!keys.contains(entry.key())) {
                diagnostics.error(
                        entry.keyAt(),
                        "unknown-key",
                        "unknown key '" + entry.key() + "' in " + what + Suggestions.didYouMean(entry.key(), keys)
                                + "; expected one of: " + String.join(", ", keys));
            }
        }
        for (String key : required) {
            if (map.get(key).isEmpty()) {
                diagnostics.error(map.at(), "missing-key", what + " needs '" + key + "'");
            }
        }
        return Optional.of(new Fields(map, what, diagnostics));
    }

    SourceLocation at() {
        return map.at();
    }

    SourceLocation at(String key) {
        return map.entry(key).map(e -> e.value().at()).orElse(map.at());
    }

    boolean has(String key) {
        return map.get(key)
                .filter(n -> !(n instanceof ScalarNode s && s.isNull()))
                .isPresent();
    }

    Optional<Node> node(String key) {
        return map.get(key);
    }

    /** A scalar's text; a mapping or list where text belongs is reported and reads as absent. */
    Optional<String> text(String key) {
        Optional<Node> node = map.get(key);
        if (node.isEmpty() || (node.get() instanceof ScalarNode s && s.isNull())) {
            return Optional.empty();
        }
        if (node.get() instanceof ScalarNode s) {
            return Optional.of(s.text());
        }
        diagnostics.error(
                node.get().at(),
                "wrong-type",
                "'" + key + "' of " + what + " takes a single value, found "
                        + node.get().describe());
        return Optional.empty();
    }

    String text(String key, String otherwise) {
        return text(key).orElse(otherwise);
    }

    /** A list of scalars, or one scalar standing for a list of one. */
    List<ScalarNode> words(String key) {
        Optional<Node> node = map.get(key);
        if (node.isEmpty() || (node.get() instanceof ScalarNode s && s.isNull())) {
            return List.of();
        }
        if (node.get() instanceof ScalarNode s) {
            return List.of(s);
        }
        List<ScalarNode> out = new ArrayList<>();
        if (node.get() instanceof ListNode list) {
            for (Node item : list.items()) {
                if (item instanceof ScalarNode s && !s.isNull()) {
                    out.add(s);
                } else {
                    diagnostics.error(
                            item.at(), "wrong-type", "expected a word in '" + key + "', found " + item.describe());
                }
            }
            return out;
        }
        diagnostics.error(node.get().at(), "wrong-type", "'" + key + "' of " + what + " takes a list, found a mapping");
        return List.of();
    }

    /** The entries of an id-keyed mapping. */
    List<MapNode.Entry> entries(String key) {
        Optional<Node> node = map.get(key);
        if (node.isEmpty() || (node.get() instanceof ScalarNode s && s.isNull())) {
            return List.of();
        }
        if (node.get() instanceof MapNode m) {
            return m.entries();
        }
        diagnostics.error(
                node.get().at(),
                "wrong-type",
                "'" + key + "' of " + what + " takes a mapping of ids, found "
                        + node.get().describe());
        return List.of();
    }
}
