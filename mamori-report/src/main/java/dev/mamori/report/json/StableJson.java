package dev.mamori.report.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.Closeable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * JSON written the same, byte for byte, on every run. The documents are built from plain maps and
 * lists; a map or set whose iteration order is not defined ({@code Map.of}, {@code Set.copyOf},
 * {@code HashMap}) iterates in a different order in each JVM (the immutable collections are salted
 * per run), so those are written sorted by key; ordered ones (linked, sorted, enum) keep their order,
 * which is the order the document's author chose.
 *
 * <p>A document is written incrementally through Jackson's streaming generator ({@link #open}): a
 * renderer writes its large parts (the findings) item by item, each built as plain values and
 * written at once, so no document is ever held whole in memory or as one string. An unordered map is
 * written through a sorted view of its entries, not copied with its values.
 *
 * <p>The layout is Jackson's indented one, except for the lists marked to have one item per line
 * ({@link #oneItemPerLine}, {@link Document#startArrayOfLines}): see {@link Layout}.
 */
public final class StableJson {

    /** Makes the generators: Jackson's streaming core alone. */
    private static final JsonFactory FACTORY = new JsonFactory();

    /**
     * Jackson's object mapper, for the values this class does not write itself (maps with keys that
     * are not text, unordered sets, other objects). Made on first use: making it loads some 300
     * classes, a tenth of a second of a small run, and most documents never need it.
     */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    private static final Comparator<Object> BY_TEXT = Comparator.comparing(String::valueOf);

    private StableJson() {}

    /** {@code value} as indented JSON, ending with a newline. */
    public static String write(Object value) {
        StringWriter text = new StringWriter();
        try {
            write(value, text);
        } catch (IOException e) {
            throw new UncheckedIOException("a string cannot fail to be written", e);
        }
        return text.toString();
    }

    /** {@code value} as indented JSON, ending with a newline, written to {@code out} as it goes. */
    public static void write(Object value, Writer out) throws IOException {
        try (Document document = open(out)) {
            document.value(value);
        }
    }

    /**
     * A document written to {@code out} as it goes; {@link Document#close} ends it with a newline and
     * flushes {@code out}, which stays open.
     */
    public static Document open(Writer out) throws IOException {
        JsonGenerator generator = FACTORY.createGenerator(out);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        Layout layout = new Layout();
        generator.setPrettyPrinter(layout);
        return new Document(generator, layout, out);
    }

    /** {@code items} written one item per line, each item on one line (the large lists of a document). */
    public static List<Object> oneItemPerLine(List<?> items) {
        return new OneItemPerLine(items);
    }

    /**
     * A list written one item per line. It is a list, so that whatever does not know the mark
     * (Jackson itself, a test reading the values) sees the items.
     */
    private static final class OneItemPerLine extends AbstractList<Object> implements RandomAccess {
        private final List<?> items;

        OneItemPerLine(List<?> items) {
            this.items = items; // a document's values are built for it and not changed while it is written
        }

        @Override
        public Object get(int index) {
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }
    }

    /** A JSON document being written: objects, arrays, fields and whole plain values, in order. */
    public static final class Document implements Closeable {

        private final JsonGenerator generator;
        private final Layout layout;
        private final Writer out;

        private Document(JsonGenerator generator, Layout layout, Writer out) {
            this.generator = generator;
            this.layout = layout;
            this.out = out;
        }

        /** Starts an object (as the document, an array item, or after {@link #name}). */
        public Document startObject() throws IOException {
            generator.writeStartObject();
            return this;
        }

        /** Ends the innermost object. */
        public Document endObject() throws IOException {
            generator.writeEndObject();
            return this;
        }

        /** Starts an array (as the document, an array item, or after {@link #name}). */
        public Document startArray() throws IOException {
            generator.writeStartArray();
            return this;
        }

        /**
         * Starts an array laid out one item per line, each item on one line ({@link
         * #oneItemPerLine}); an array started inside one of its items is on that item's line.
         */
        public Document startArrayOfLines() throws IOException {
            layout.nextArrayOneItemPerLine();
            generator.writeStartArray();
            return this;
        }

        /** Ends the innermost array. */
        public Document endArray() throws IOException {
            generator.writeEndArray();
            return this;
        }

        /** The name of the next field of the innermost object. */
        public Document name(String name) throws IOException {
            generator.writeFieldName(name);
            return this;
        }

        /** A field of plain values. */
        public Document field(String name, Object value) throws IOException {
            generator.writeFieldName(name);
            return value(value);
        }

        /** A field whose value is a number, written without boxing it (the hot paths write millions). */
        public Document field(String name, int value) throws IOException {
            generator.writeFieldName(name);
            generator.writeNumber(value);
            return this;
        }

        /** A field whose value is true or false. */
        public Document field(String name, boolean value) throws IOException {
            generator.writeFieldName(name);
            generator.writeBoolean(value);
            return this;
        }

        /** A field whose value is text. */
        public Document field(String name, String value) throws IOException {
            generator.writeFieldName(name);
            generator.writeString(value);
            return this;
        }

        /** A plain value (map, collection, optional, scalar), its unordered maps and sets sorted. */
        public Document value(Object value) throws IOException {
            writeValue(generator, value);
            return this;
        }

        /** Ends the document with a newline and flushes; the writer stays open. */
        @Override
        public void close() throws IOException {
            generator.flush();
            out.write('\n');
            out.flush();
        }
    }

    private static void writeValue(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String s) {
            generator.writeString(s);
        } else if (value instanceof Integer i) {
            generator.writeNumber(i);
        } else if (value instanceof Long l) {
            generator.writeNumber(l);
        } else if (value instanceof Double d) {
            generator.writeNumber(d); // what Jackson's serializer of a Double writes
        } else if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(generator, map);
        } else if (value instanceof OneItemPerLine lines) {
            if (generator.getPrettyPrinter() instanceof Layout layout) {
                layout.nextArrayOneItemPerLine();
            }
            generator.writeStartArray();
            for (Object item : lines) {
                writeValue(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof Collection<?> collection) {
            if (collection instanceof Set<?> set && !ordered(set)) {
                // sorted by the text of each stable element, as before streaming: the copy is one set's
                Mapper.MAPPER.writeValue(generator, stable(set));
            } else {
                generator.writeStartArray();
                for (Object item : collection) {
                    writeValue(generator, item);
                }
                generator.writeEndArray();
            }
        } else if (value instanceof Optional<?> optional) {
            writeValue(generator, optional.orElse(null));
        } else {
            Mapper.MAPPER.writeValue(generator, value);
        }
    }

    private static void writeMap(JsonGenerator generator, Map<?, ?> map) throws IOException {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                // keys Jackson names its own way (enums, numbers): written as before streaming
                Mapper.MAPPER.writeValue(generator, stable(map));
                return;
            }
        }
        Map<?, ?> entries = map;
        if (!ordered(map)) {
            Map<Object, Object> sorted = new TreeMap<>(BY_TEXT);
            sorted.putAll(map);
            entries = sorted;
        }
        generator.writeStartObject();
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            generator.writeFieldName((String) entry.getKey());
            writeValue(generator, entry.getValue());
        }
        generator.writeEndObject();
    }

    /**
     * {@code value} with every unordered map and set replaced by an ordered copy, recursively: the
     * document {@link #write} writes, held whole (tests compare the streaming writer against it).
     */
    public static Object stable(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = ordered(map) ? new LinkedHashMap<>() : new TreeMap<>(BY_TEXT);
            map.forEach((k, v) -> out.put(k, stable(v)));
            return out;
        }
        if (value instanceof OneItemPerLine lines) {
            List<Object> out = new ArrayList<>(lines.size());
            lines.forEach(v -> out.add(stable(v)));
            return new OneItemPerLine(out);
        }
        if (value instanceof Collection<?> collection) {
            List<Object> out = new ArrayList<>(collection.size());
            collection.forEach(v -> out.add(stable(v)));
            if (collection instanceof Set<?> set && !ordered(set)) {
                out.sort(BY_TEXT);
            }
            return out;
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(StableJson::stable).orElse(null);
        }
        return value;
    }

    private static boolean ordered(Map<?, ?> map) {
        return map instanceof LinkedHashMap || map instanceof SortedMap || map instanceof EnumMap || map.size() < 2;
    }

    private static boolean ordered(Set<?> set) {
        return set instanceof LinkedHashSet || set instanceof SortedSet || set instanceof EnumSet || set.size() < 2;
    }
}
