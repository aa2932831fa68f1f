package dev.mamori.engine.compliance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An external standard the crosswalks point into: its ids in the standard's order, each with a short
 * label of our own, the status letters where the standard has them (ETSI EN 303 645), and whether
 * the row could be checked against the primary document.
 */
public record Standard(String id, String title, Map<String, Item> items) {

    public Standard {
        items = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(items));
    }

    /**
     * @param status the standard's status letters (M, R, MC, MF, …), or empty
     * @param uncertain whether the row was not checked against the primary document
     * @param outOfScope why the catalog leaves the item out on purpose (a decision, see
     *     {@code out-of-scope.tsv}), or empty when it is mapped or simply not written yet
     */
    public record Item(
            String id,
            String group,
            String label,
            Optional<String> status,
            boolean uncertain,
            Optional<String> outOfScope) {

        /** Mandatory in the standard (its status starts with M); items without a status count as mandatory. */
        public boolean mandatory() {
            return status.map(s -> s.startsWith("M")).orElse(true);
        }

        /** Conditional or feature-dependent: it applies only when its condition does. */
        public boolean conditional() {
            return status.map(s -> s.contains("C") || s.contains("F")).orElse(false);
        }
    }

    public Optional<Item> item(String id) {
        return Optional.ofNullable(items.get(id));
    }
}
