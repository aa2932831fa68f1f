package dev.mamori.model.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tree as plain Java values (maps, lists, strings, numbers, booleans, null), keeping key order and
 * scalar kinds, so that YAML can be written as JSON and back without changing what it means.
 */
public final class PlainValues {

    private PlainValues() {}

    public static Object of(Node node) {
        if (node instanceof MapNode map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.entries().forEach(e -> out.put(e.key(), of(e.value())));
            return out;
        }
        if (node instanceof ListNode list) {
            List<Object> out = new ArrayList<>();
            list.items().forEach(i -> out.add(of(i)));
            return out;
        }
        ScalarNode scalar = (ScalarNode) node;
        return switch (scalar.kind()) {
            case NULL -> null;
            case BOOLEAN -> Boolean.parseBoolean(scalar.text());
            case INTEGER -> integer(scalar.text());
            case DECIMAL -> new java.math.BigDecimal(scalar.text().strip());
            case STRING -> scalar.text();
        };
    }

    private static Object integer(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return new java.math.BigInteger(text.strip());
        }
    }
}
