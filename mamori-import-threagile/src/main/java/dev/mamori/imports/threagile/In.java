package dev.mamori.imports.threagile;

import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.diagnostics.Suggestions;
import dev.mamori.model.syntax.ListNode;
import dev.mamori.model.syntax.MapNode;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One mapping of the Threagile input, read the way Threagile reads it: an empty value is an absent
 * one, lists hold texts, booleans are true or false. A value of the wrong shape is a located error
 * (the input is malformed); a key Threagile does not know is a located warning, since it is not
 * imported.
 */
final class In {

    final MapNode node;
    /** What the mapping is, for messages: "technical asset 'web'". */
    final String what;

    private final Diagnostics diagnostics;

    In(MapNode node, String what, Diagnostics diagnostics) {
        this.node = node;
        this.what = what;
        this.diagnostics = diagnostics;
    }

    SourceLocation at() {
        return node.at();
    }

    /** Where {@code key} is written, or the mapping itself when it is absent. */
    SourceLocation at(String key) {
        return node.entry(key).map(MapNode.Entry::keyAt).orElse(node.at());
    }

    /** Warns about every key outside {@code known}: it is not part of the format, so not imported. */
    void onlyKnown(Set<String> known) {
        for (MapNode.Entry entry : node.entries()) {
            if (!known.contains(entry.key())) {
                diagnostics.warning(
                        entry.keyAt(),
                        "not-imported",
                        "'" + entry.key() + "' is not a key of a Threagile " + kind()
                                + Suggestions.didYouMean(entry.key(), known) + "; it is not imported");
            }
        }
    }

    private String kind() {
        int quote = what.indexOf(" '");
        return quote < 0 ? what : what.substring(0, quote);
    }

    /** The value of {@code key}, absent when the key is missing or its value is empty. */
    Optional<Node> value(String key) {
        return node.get(key).filter(n -> !isEmpty(n));
    }

    /** An empty value: YAML's null, or nothing at all after the key (which the parser reads as ""). */
    static boolean isEmpty(Node n) {
        return n instanceof ScalarNode s
                && (s.isNull()
                        || (s.kind() == ScalarNode.Kind.STRING && s.text().isEmpty()));
    }

    Optional<ScalarNode> scalar(String key) {
        Optional<Node> value = value(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof ScalarNode s) {
            return Optional.of(s);
        }
        wrong(value.get(), key, "a single value");
        return Optional.empty();
    }

    /** The text of {@code key}, stripped; absent when missing, empty or not a single value. */
    Optional<String> text(String key) {
        return scalar(key).map(s -> s.text().strip()).filter(s -> !s.isEmpty());
    }

    String text(String key, String otherwise) {
        return text(key).orElse(otherwise);
    }

    /** A boolean; Threagile's 0.9 parser also took yes and no, so they are read too. */
    boolean bool(String key) {
        Optional<ScalarNode> s = scalar(key);
        if (s.isEmpty()) {
            return false;
        }
        String text = s.get().text().strip().toLowerCase(Locale.ROOT);
        switch (text) {
            case "true", "yes", "on" -> {
                return true;
            }
            case "false", "no", "off" -> {
                return false;
            }
            default -> {
                wrong(s.get(), key, "true or false");
                return false;
            }
        }
    }

    /** The texts of a list; absent or empty is an empty list. */
    List<ScalarNode> texts(String key) {
        Optional<Node> value = value(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (!(value.get() instanceof ListNode list)) {
            wrong(value.get(), key, "a list");
            return List.of();
        }
        List<ScalarNode> out = new ArrayList<>();
        for (Node item : list.items()) {
            if (item instanceof ScalarNode s && !s.isNull() && !s.text().isBlank()) {
                out.add(new ScalarNode(s.at(), s.text().strip(), s.kind()));
            } else if (!(item instanceof ScalarNode)) {
                wrong(item, key, "a list of texts");
            }
        }
        return out;
    }

    /** A mapping value; absent or empty is an empty mapping. */
    Optional<MapNode> map(String key) {
        Optional<Node> value = value(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof MapNode m) {
            return Optional.of(m);
        }
        wrong(value.get(), key, "a mapping");
        return Optional.empty();
    }

    /** A word of {@code words}; another value is an error, since Threagile itself refuses it. */
    Optional<ScalarNode> word(String key, List<String> words) {
        Optional<ScalarNode> s = scalar(key).filter(v -> !v.text().isBlank());
        if (s.isPresent() && !words.contains(s.get().text().strip())) {
            diagnostics.error(
                    s.get().at(),
                    "unknown-word",
                    "'" + s.get().text().strip() + "' is not a valid " + key.replace('_', ' ') + " of a Threagile "
                            + kind()
                            + Suggestions.didYouMean(s.get().text().strip(), words) + "; expected one of: "
                            + String.join(", ", words));
            return Optional.empty();
        }
        return s.map(v -> new ScalarNode(v.at(), v.text().strip(), v.kind()));
    }

    void wrong(Node value, String key, String expected) {
        diagnostics.error(
                value.at(),
                "wrong-type",
                "'" + key + "' of " + what + " is " + value.describe() + ", but Threagile expects " + expected);
    }
}
