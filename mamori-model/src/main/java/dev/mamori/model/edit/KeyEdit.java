package dev.mamori.model.edit;

import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.syntax.ListNode;
import dev.mamori.model.syntax.MapNode;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.ReadLimits;
import dev.mamori.model.syntax.TreeReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sets one key of one element in a model file's text, leaving every other character as it was
 * (comments, order, quoting, layout): the element is found in the file's tree by where it is
 * written, the key's value is replaced where it stands, or the key is added beside the element's
 * others, in the element's own style (inside its braces, or as a line of its block).
 *
 * @param element where the element is written: its key (a component, a zone) or its mapping (a flow)
 * @param value the new value as YAML text: a plain word, a number, or a flow list such as {@code [a, b]}
 * @param asks whether a person chooses this value among the finding's edits (an owner among the
 *     stakeholders, a target security level): any of them fixes the finding, but which one is right
 *     is theirs to say, so {@code mamori fix} applies it only when named ({@code --value})
 */
public record KeyEdit(SourceLocation element, String key, String value, boolean asks) {

    /** An edit the rule chooses itself: the value that fixes the finding. */
    public KeyEdit(SourceLocation element, String key, String value) {
        this(element, key, value, false);
    }

    /** One edit for each value a person may choose, in the order given. */
    public static java.util.List<KeyEdit> choices(SourceLocation element, String key, java.util.List<String> values) {
        return values.stream().map(v -> new KeyEdit(element, key, v, true)).toList();
    }

    /** The file's new text, or why the edit cannot be made there. */
    public sealed interface Result {
        record Edited(String text) implements Result {}

        record Refused(String reason) implements Result {}
    }

    public Result applyTo(String text) {
        Optional<Node> root = new TreeReader(ReadLimits.DEFAULT)
                .read(
                        element.file(),
                        text.getBytes(StandardCharsets.UTF_8),
                        TreeReader.Syntax.forFileName(element.file()),
                        new Diagnostics());
        if (root.isEmpty()) {
            return new Result.Refused(element.file() + " cannot be read as YAML");
        }
        Optional<MapNode> target = find(root.get());
        if (target.isEmpty()) {
            return new Result.Refused("no element written as a mapping at " + element.line() + ":" + element.column());
        }
        Lines lines = new Lines(text);
        MapNode map = target.get();
        boolean flow = lines.charAt(map.at()) == '{';
        Optional<MapNode.Entry> existing = map.entry(key);
        if (existing.isPresent()) {
            SourceLocation at = existing.get().value().at();
            int start = lines.offset(at);
            int end = valueEnd(text, start, flow);
            return new Result.Edited(text.substring(0, start) + value + text.substring(end));
        }
        if (flow) {
            int open = lines.offset(map.at());
            int close = matching(text, open);
            if (close < 0) {
                return new Result.Refused(
                        "the braces at " + map.at().line() + ":" + map.at().column() + " do not close");
            }
            int before = close;
            while (before > open + 1 && Character.isWhitespace(text.charAt(before - 1))) {
                before--;
            }
            String insert = map.entries().isEmpty() ? " " + key + ": " + value + " " : ", " + key + ": " + value + " ";
            return new Result.Edited(text.substring(0, before) + insert + text.substring(close));
        }
        if (map.entries().isEmpty()) {
            return new Result.Refused("the element at " + element.line() + " has no keys to stand beside");
        }
        SourceLocation first = map.entries().get(0).keyAt();
        int lineStart = lines.offset(new SourceLocation(first.file(), first.line(), 1));
        String indent = " ".repeat(first.column() - 1);
        return new Result.Edited(
                text.substring(0, lineStart) + indent + key + ": " + value + "\n" + text.substring(lineStart));
    }

    /**
     * The mapping the element's location names: the value of the key written there (a component, a
     * zone), else the mapping that starts there (a flow in a list). Keys first: a block mapping starts
     * where its first key is written, which would otherwise be taken for the element it contains.
     */
    private Optional<MapNode> find(Node root) {
        List<MapNode> maps = new ArrayList<>();
        List<Node> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            Node node = pending.remove(pending.size() - 1);
            if (node instanceof MapNode map) {
                maps.add(map);
                for (MapNode.Entry entry : map.entries()) {
                    if (same(entry.keyAt()) && entry.value() instanceof MapNode value) {
                        return Optional.of(value);
                    }
                    pending.add(entry.value());
                }
            } else if (node instanceof ListNode list) {
                pending.addAll(list.items());
            }
        }
        return maps.stream().filter(m -> same(m.at())).findFirst();
    }

    private boolean same(SourceLocation at) {
        return at.line() == element.line() && at.column() == element.column();
    }

    /** Where a value written from {@code start} ends: its closing bracket or quote, or the end of its word. */
    private static int valueEnd(String text, int start, boolean flow) {
        char c = text.charAt(start);
        if (c == '[' || c == '{') {
            return matching(text, start) + 1;
        }
        if (c == '"' || c == '\'') {
            int i = start + 1;
            while (i < text.length() && text.charAt(i) != c) {
                i += text.charAt(i) == '\\' && c == '"' ? 2 : 1;
            }
            return Math.min(text.length(), i + 1);
        }
        int i = start;
        while (i < text.length()) {
            char x = text.charAt(i);
            if (x == '\n' || flow && (x == ',' || x == '}' || x == ']') || x == '#' && text.charAt(i - 1) == ' ') {
                break;
            }
            i++;
        }
        while (i > start && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** The bracket that closes the one at {@code open}, skipping quoted text; -1 if none. */
    private static int matching(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Line and column to offsets in the text (columns count characters, as the parser's do). */
    private record Lines(String text, int[] starts) {
        Lines(String text) {
            this(text, starts(text));
        }

        private static int[] starts(String text) {
            List<Integer> out = new ArrayList<>(List.of(0));
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    out.add(i + 1);
                }
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        int offset(SourceLocation at) {
            return starts[at.line() - 1] + at.column() - 1;
        }

        char charAt(SourceLocation at) {
            int offset = offset(at);
            return offset < text.length() ? text.charAt(offset) : 0;
        }
    }
}
