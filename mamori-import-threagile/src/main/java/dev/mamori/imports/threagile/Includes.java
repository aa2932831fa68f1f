package dev.mamori.imports.threagile;

import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.syntax.ListNode;
import dev.mamori.model.syntax.MapNode;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.ReadLimits;
import dev.mamori.model.syntax.ScalarNode;
import dev.mamori.model.syntax.TreeReader;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Threagile 1.0's {@code includes}: other files, relative to the including one, whose sections are
 * merged into the model the way Threagile merges them. Elements new to the model are added; an
 * element defined in two files is merged field by field: lists are joined, a boolean is true when
 * either file says so, justifications are joined, and two different values of any other field are
 * an error, as they are for Threagile. Every node keeps the file and line it was written at.
 */
final class Includes {

    /** Text fields Threagile joins rather than refuses when two files set them differently. */
    private static final Set<String> JOINED = Set.of(
            "management_summary_comment", "justification_cia_rating", "justification_out_of_scope", "justification");

    private final ModelSource source;
    private final ReadLimits limits;
    private final Diagnostics diagnostics;
    private final List<String> files = new ArrayList<>();
    private final Deque<Path> stack = new ArrayDeque<>();

    Includes(ModelSource source, ReadLimits limits, Diagnostics diagnostics) {
        this.source = source;
        this.limits = limits;
        this.diagnostics = diagnostics;
    }

    /** The files read, the root first. */
    List<String> files() {
        return files;
    }

    /** The root with everything it includes merged in, without its {@code includes} key. */
    MapNode resolve(Path path, MapNode root) {
        files.add(path.toString());
        stack.push(path.normalize());
        MapNode merged = withoutIncludes(root);
        for (ScalarNode include : includes(root)) {
            Optional<MapNode> included = read(path, include);
            if (included.isPresent()) {
                merged = merge(merged, included.get(), "the model");
            }
        }
        stack.pop();
        return merged;
    }

    private List<ScalarNode> includes(MapNode root) {
        Optional<Node> value = root.get("includes");
        if (value.isEmpty() || In.isEmpty(value.get())) {
            return List.of();
        }
        if (!(value.get() instanceof ListNode list)) {
            diagnostics.error(
                    value.get().at(),
                    "wrong-type",
                    "'includes' is " + value.get().describe() + ", but Threagile expects a list of file names");
            return List.of();
        }
        List<ScalarNode> out = new ArrayList<>();
        for (Node item : list.items()) {
            if (item instanceof ScalarNode s && !s.isNull() && !s.text().isBlank()) {
                out.add(s);
            } else {
                diagnostics.error(
                        item.at(),
                        "wrong-type",
                        "an include is " + item.describe() + ", but Threagile expects a file name");
            }
        }
        return out;
    }

    private static MapNode withoutIncludes(MapNode root) {
        return new MapNode(
                root.at(),
                root.entries().stream().filter(e -> !e.key().equals("includes")).toList());
    }

    /** Reads one included file, and what it includes in turn, relative to it. */
    private Optional<MapNode> read(Path including, ScalarNode include) {
        Path dir = including.getParent() == null ? Path.of("") : including.getParent();
        Path target;
        try {
            target = dir.resolve(include.text().strip()).normalize();
        } catch (InvalidPathException e) {
            diagnostics.error(
                    include.at(),
                    "missing-file",
                    "cannot include '" + include.text() + "': it is not a valid file name (" + e.getReason() + ")");
            return Optional.empty();
        }
        if (stack.contains(target)) {
            diagnostics.error(
                    include.at(),
                    "import-cycle",
                    "'" + include.text() + "' includes, directly or not, the file that includes it: " + target
                            + "; an include cycle never ends");
            return Optional.empty();
        }
        if (files.size() >= limits.maxFiles()) {
            diagnostics.error(
                    include.at(), "too-many-files", "the model includes more than " + limits.maxFiles() + " files");
            return Optional.empty();
        }
        Optional<byte[]> bytes;
        try {
            bytes = source.read(target);
        } catch (IOException e) {
            diagnostics.error(include.at(), "unreadable", "cannot read " + target + ": " + e.getMessage());
            return Optional.empty();
        }
        if (bytes.isEmpty()) {
            diagnostics.error(
                    include.at(),
                    "missing-file",
                    "cannot include '" + include.text() + "': there is no file " + target
                            + " (includes are relative to the including file)");
            return Optional.empty();
        }
        Optional<Node> tree = new TreeReader(limits)
                .read(target.toString(), bytes.get(), TreeReader.Syntax.forFileName(target.toString()), diagnostics);
        if (tree.isEmpty()) {
            return Optional.empty();
        }
        if (!(tree.get() instanceof MapNode map)) {
            diagnostics.error(
                    tree.get().at(),
                    "not-a-threagile-model",
                    "an included Threagile file holds a mapping of sections; this one holds "
                            + tree.get().describe());
            return Optional.empty();
        }
        if (map.entry("mamori").isPresent()) {
            diagnostics.error(
                    map.entry("mamori").get().keyAt(),
                    "not-a-threagile-model",
                    "'" + include.text() + "' is a Mamori model, not a Threagile one; a Threagile model can include"
                            + " only Threagile files");
            return Optional.empty();
        }
        return Optional.of(resolve(target, map));
    }

    /** {@code b} merged into {@code a}; {@code what} names the mapping in messages. */
    private MapNode merge(MapNode a, MapNode b, String what) {
        Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
        a.entries().forEach(e -> entries.put(e.key(), e));
        for (MapNode.Entry e : b.entries()) {
            MapNode.Entry first = entries.get(e.key());
            if (first == null) {
                entries.put(e.key(), e);
            } else {
                entries.put(
                        e.key(),
                        new MapNode.Entry(
                                e.key(),
                                first.keyAt(),
                                mergeValue(first.value(), e.value(), e.key(), "'" + e.key() + "' of " + what)));
            }
        }
        return new MapNode(a.at(), new ArrayList<>(entries.values()));
    }

    private Node mergeValue(Node a, Node b, String key, String what) {
        if (isEmpty(a)) {
            return b;
        }
        if (isEmpty(b)) {
            return a;
        }
        if (a instanceof MapNode ma && b instanceof MapNode mb) {
            return merge(ma, mb, what);
        }
        if (a instanceof ListNode la && b instanceof ListNode lb) {
            List<Node> items = new ArrayList<>(la.items());
            for (Node item : lb.items()) {
                boolean present = item instanceof ScalarNode s
                        && la.items().stream()
                                .anyMatch(i ->
                                        i instanceof ScalarNode t && t.text().equals(s.text()));
                if (!present) {
                    items.add(item);
                }
            }
            return new ListNode(la.at(), items);
        }
        if (a instanceof ScalarNode sa && b instanceof ScalarNode sb) {
            if (sa.text().strip().equals(sb.text().strip())) {
                return a;
            }
            if (sa.kind() == ScalarNode.Kind.BOOLEAN && sb.kind() == ScalarNode.Kind.BOOLEAN) {
                return sa.text().equals("true") ? a : b;
            }
            if (JOINED.contains(key)) {
                return new ScalarNode(
                        sa.at(), sa.text().strip() + "\n" + sb.text().strip(), ScalarNode.Kind.STRING);
            }
            diagnostics.error(
                    sb.at(),
                    "include-conflict",
                    what + " is '" + oneLine(sb.text()) + "' here but '" + oneLine(sa.text()) + "' at " + sa.at()
                            + "; Threagile refuses two different values for it");
            return a;
        }
        diagnostics.error(
                b.at(),
                "include-conflict",
                what + " is " + b.describe() + " here but " + a.describe() + " at " + a.at()
                        + "; the files must agree on its shape");
        return a;
    }

    private static boolean isEmpty(Node node) {
        return node instanceof ScalarNode s && (s.isNull() || s.text().isBlank());
    }

    private static String oneLine(String text) {
        String s = text.strip().replaceAll("\\s+", " ");
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
