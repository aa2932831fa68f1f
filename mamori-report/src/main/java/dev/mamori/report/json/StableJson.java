package dev.mamori.report.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
 */
public final class StableJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final Comparator<Object> BY_TEXT = Comparator.comparing(String::valueOf);

    private StableJson() {}

    /** {@code value} as indented JSON, ending with a newline. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(stable(value)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a document of plain values could not be written as JSON", e);
        }
    }

    /** {@code value} with every unordered map and set replaced by an ordered copy, recursively. */
    static Object stable(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = ordered(map) ? new LinkedHashMap<>() : new TreeMap<>(BY_TEXT);
            map.forEach((k, v) -> out.put(k, stable(v)));
            return out;
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
