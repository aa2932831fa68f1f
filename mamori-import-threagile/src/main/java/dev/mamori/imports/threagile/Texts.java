package dev.mamori.imports.threagile;

import dev.mamori.model.syntax.ScalarNode;
import java.nio.file.Path;
import java.util.List;

/** The small text operations every part of the import shares. */
final class Texts {

    private Texts() {}

    /** The texts of a list of {@code element}, stripped; absent or empty is an empty list. */
    static List<String> texts(In element, String key) {
        return element.texts(key).stream().map(ScalarNode::text).toList();
    }

    /** The element's tags after {@code prefix}, or "" when it has none. */
    static String tags(In element, String prefix) {
        List<String> tags = texts(element, "tags");
        return tags.isEmpty() ? "" : prefix + String.join(", ", tags);
    }

    /** A description followed by the facts it is written with, as one text of sentences. */
    static String sentence(String description, String facts) {
        String d = description.strip();
        if (d.isEmpty()) {
            return facts;
        }
        if (facts.isEmpty()) {
            return d;
        }
        return d + (d.endsWith(".") ? " " : ". ") + facts;
    }

    static ScalarNode strip(ScalarNode s) {
        return new ScalarNode(s.at(), s.text().strip(), s.kind());
    }

    /** The file's name without its directory and its YAML or JSON extension. */
    static String stem(String file) {
        String name = Path.of(file).getFileName().toString();
        return name.replaceFirst("\\.(ya?ml|json)$", "");
    }
}
