package dev.mamori.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mamori.model.diagnostics.Severity;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The streaming writer writes the bytes the whole-document writer did: Jackson's own writer over
 * the ordered copy of the document ({@link StableJson#stable}), the way {@code StableJson.write}
 * worked before it streamed.
 */
class StableJsonTest {

    private static final ObjectMapper WHOLE = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static String whole(Object value) throws Exception {
        return WHOLE.writeValueAsString(StableJson.stable(value)) + "\n";
    }

    @Test
    void randomDocumentsAreWrittenAsTheWholeDocumentWas() throws Exception {
        for (int seed = 0; seed < 300; seed++) {
            Object document = value(new Random(seed), 0);
            assertThat(StableJson.write(document)).as("seed %d", seed).isEqualTo(whole(document));
        }
    }

    @Test
    void aDocumentWrittenPartByPartIsTheWholeDocument() throws Exception {
        Random random = new Random(7);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", Map.of("name", "x", "version", 1));
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(value(random, 1));
        }
        document.put("items", items);
        document.put("empty", List.of());
        document.put("tail", Set.of("b", "a", "c"));
        StringWriter out = new StringWriter();
        try (StableJson.Document json = StableJson.open(out)) {
            json.startObject();
            json.field("format", document.get("format"));
            json.name("items").startArray();
            for (Object item : items) {
                json.value(item);
            }
            json.endArray();
            json.name("empty").startArray().endArray();
            json.field("tail", document.get("tail"));
            json.endObject();
        }
        assertThat(out.toString()).isEqualTo(whole(document));
    }

    @Test
    void listsMarkedOneItemPerLineHoldTheSameValues() throws Exception {
        ObjectMapper reader = new ObjectMapper();
        int marked = 0;
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            Object plain = value(random, 0);
            Object document = markLines(plain, random);
            marked += StableJson.write(document).equals(whole(plain)) ? 0 : 1;
            assertThat(reader.readTree(StableJson.write(document)))
                    .as("seed %d", seed)
                    .isEqualTo(reader.readTree(whole(plain)));
        }
        assertThat(marked).as("documents whose layout the marks changed").isGreaterThan(10);
    }

    @Test
    void aListOfLinesHasEachItemOnALineOfItsOwn() throws Exception {
        List<Object> items = items(new Random(11), 40);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", "x");
        document.put("items", StableJson.oneItemPerLine(items));
        document.put("none", StableJson.oneItemPerLine(List.of()));
        String text = StableJson.write(document);

        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("{");
        assertThat(lines.get(1)).isEqualTo("  \"name\" : \"x\",");
        assertThat(lines.get(2)).isEqualTo("  \"items\" : [");
        ObjectMapper reader = new ObjectMapper();
        for (int i = 0; i < items.size(); i++) {
            String line = lines.get(3 + i);
            assertThat(line).startsWith("    ").doesNotStartWith("     ");
            String item = i < items.size() - 1 ? line.substring(4, line.length() - 1) : line.substring(4);
            assertThat(item).doesNotContain(" : ").doesNotContain(", ");
            assertThat(reader.readTree(item)).as("item %d", i).isEqualTo(reader.readTree(whole(items.get(i))));
        }
        assertThat(lines.subList(3 + items.size(), lines.size())).containsExactly("  ],", "  \"none\" : [ ]", "}");
    }

    @Test
    void aListOfLinesWrittenPartByPartIsTheWholeDocument() throws Exception {
        List<Object> items = items(new Random(5), 20);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("items", StableJson.oneItemPerLine(items));
        document.put("after", List.of(1, 2));
        StringWriter out = new StringWriter();
        try (StableJson.Document json = StableJson.open(out)) {
            json.startObject();
            json.name("items").startArrayOfLines();
            for (Object item : items) {
                json.value(item);
            }
            json.endArray();
            json.field("after", List.of(1, 2));
            json.endObject();
        }
        assertThat(out.toString()).isEqualTo(StableJson.write(document));
    }

    /** {@code count} random values, as a list's items. */
    private static List<Object> items(Random random, int count) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(value(random, 1));
        }
        return items;
    }

    /** {@code value} with some of its lists, at any depth, marked to be written one item per line. */
    private static Object markLines(Object value, Random random) {
        if (value instanceof Map<?, ?> map && !(map instanceof EnumMap)) {
            Map<Object, Object> out = map instanceof LinkedHashMap
                    ? new LinkedHashMap<>()
                    : map instanceof TreeMap ? new TreeMap<>() : new HashMap<>();
            map.forEach((k, v) -> out.put(k, markLines(v, random)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(markLines(v, random)));
            return random.nextBoolean() ? StableJson.oneItemPerLine(out) : out;
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(v -> markLines(v, random));
        }
        return value;
    }

    /** Plain values of every kind the renderers use, ordered and unordered, nested a few levels. */
    private static Object value(Random random, int depth) {
        int kind = depth > 3 ? random.nextInt(7) : random.nextInt(14);
        return switch (kind) {
            case 0 -> "text " + random.nextInt(100) + (random.nextBoolean() ? "\u00e9\u202e\n\"\\" : "");
            case 1 -> random.nextInt();
            case 2 -> random.nextLong();
            case 3 -> random.nextDouble() * 10;
            case 4 -> random.nextBoolean();
            case 5 -> Optional.empty();
            case 6 -> Severity.values()[random.nextInt(Severity.values().length)];
            case 7 -> {
                Map<String, Object> map = new LinkedHashMap<>();
                fill(map, random, depth);
                yield map;
            }
            case 8 -> {
                Map<String, Object> map = new HashMap<>();
                fill(map, random, depth);
                yield random.nextBoolean() ? map : Map.copyOf(withoutNulls(map));
            }
            case 9 -> {
                Map<String, Object> map = new TreeMap<>();
                fill(map, random, depth);
                yield map;
            }
            case 10 -> {
                Map<Severity, Object> map = new EnumMap<>(Severity.class);
                for (Severity s : Severity.values()) {
                    if (random.nextBoolean()) {
                        map.put(s, value(random, depth + 1));
                    }
                }
                yield map;
            }
            case 11 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    list.add(value(random, depth + 1));
                }
                yield list;
            }
            case 12 -> {
                Set<Object> set = random.nextBoolean() ? new HashSet<>() : new LinkedHashSet<>();
                for (int i = random.nextInt(6); i > 0; i--) {
                    set.add(random.nextBoolean() ? "w" + random.nextInt(50) : value(random, depth + 1));
                }
                yield set;
            }
            default -> Optional.of(value(random, depth + 1));
        };
    }

    private static void fill(Map<String, Object> map, Random random, int depth) {
        for (int i = random.nextInt(6); i > 0; i--) {
            map.put("k" + random.nextInt(40), random.nextInt(10) == 0 ? null : value(random, depth + 1));
        }
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> out = new HashMap<>();
        map.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
