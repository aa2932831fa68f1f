package dev.mamori.imports.threagile;

import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.syntax.ListNode;
import dev.mamori.model.syntax.MapNode;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The Mamori model under construction. Every part remembers where in the Threagile input it comes
 * from, so that the model can be loaded as a located tree (and a finding on an imported component
 * points at the technical asset the user wrote), and every part can carry comments, so that what
 * has no Mamori key is still written out beside the element it belongs to.
 */
final class Out {

    private Out() {}

    /** A mapping whose entries keep the order they were put in. */
    static final class OutMap {
        final SourceLocation at;
        private final LinkedHashMap<String, Slot> entries = new LinkedHashMap<>();
        /** Comments written after the last entry. */
        final List<String> trailing = new ArrayList<>();

        OutMap(SourceLocation at) {
            this.at = at;
        }

        /** One entry: where it comes from, its value and the comments written above it. */
        static final class Slot {
            final SourceLocation at;
            final Object value;
            final List<String> comments = new ArrayList<>();

            Slot(SourceLocation at, Object value) {
                this.at = at;
                this.value = value;
            }
        }

        /** Sets {@code key}; a value is text, a boolean, a whole number, an OutMap, an OutList or a list of texts. */
        OutMap put(String key, SourceLocation at, Object value) {
            Slot old = entries.get(key);
            Slot slot = new Slot(at, value);
            if (old != null) {
                slot.comments.addAll(old.comments);
            }
            entries.put(key, slot);
            return this;
        }

        /** Sets {@code key} unless the value is null or an empty text or list. */
        OutMap putIfPresent(String key, SourceLocation at, Object value) {
            if (value == null
                    || (value instanceof String s && s.isBlank())
                    || (value instanceof List<?> l && l.isEmpty())) {
                return this;
            }
            return put(key, at, value);
        }

        OutMap map(String key, SourceLocation at) {
            Slot slot = entries.get(key);
            if (slot != null && slot.value instanceof OutMap m) {
                return m;
            }
            OutMap m = new OutMap(at);
            put(key, at, m);
            return m;
        }

        OutList list(String key, SourceLocation at) {
            Slot slot = entries.get(key);
            if (slot != null && slot.value instanceof OutList l) {
                return l;
            }
            OutList l = new OutList(at);
            put(key, at, l);
            return l;
        }

        boolean has(String key) {
            return entries.containsKey(key);
        }

        Object get(String key) {
            Slot slot = entries.get(key);
            return slot == null ? null : slot.value;
        }

        /** Comments written above {@code key}, which must already be set. */
        void comment(String key, List<String> lines) {
            entries.get(key).comments.addAll(lines);
        }

        LinkedHashMap<String, Slot> entries() {
            return entries;
        }

        boolean isEmpty() {
            return entries.isEmpty();
        }

        MapNode toNode() {
            List<MapNode.Entry> out = new ArrayList<>(entries.size());
            entries.forEach((key, slot) -> out.add(new MapNode.Entry(key, slot.at, node(slot.value, slot.at))));
            return new MapNode(at, out);
        }
    }

    /** A sequence of mappings or scalars. */
    static final class OutList {
        final SourceLocation at;
        final List<Item> items = new ArrayList<>();

        OutList(SourceLocation at) {
            this.at = at;
        }

        /** One item, with the comments written above it. */
        static final class Item {
            final SourceLocation at;
            final Object value;
            final List<String> comments = new ArrayList<>();

            Item(SourceLocation at, Object value) {
                this.at = at;
                this.value = value;
            }
        }

        Item add(SourceLocation at, Object value) {
            Item item = new Item(at, value);
            items.add(item);
            return item;
        }

        ListNode toNode() {
            List<Node> out = new ArrayList<>(items.size());
            items.forEach(i -> out.add(node(i.value, i.at)));
            return new ListNode(at, out);
        }
    }

    static Node node(Object value, SourceLocation at) {
        if (value instanceof OutMap m) {
            return m.toNode();
        }
        if (value instanceof OutList l) {
            return l.toNode();
        }
        if (value instanceof List<?> list) {
            List<Node> items = new ArrayList<>(list.size());
            list.forEach(i -> items.add(node(i, at)));
            return new ListNode(at, items);
        }
        if (value instanceof Boolean b) {
            return new ScalarNode(at, b.toString(), ScalarNode.Kind.BOOLEAN);
        }
        if (value instanceof Integer || value instanceof Long) {
            return new ScalarNode(at, value.toString(), ScalarNode.Kind.INTEGER);
        }
        if (value instanceof String s) {
            return new ScalarNode(at, s, ScalarNode.Kind.STRING);
        }
        throw new IllegalArgumentException("not a model value: " + value);
    }
}
