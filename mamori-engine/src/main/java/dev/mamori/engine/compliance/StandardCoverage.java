package dev.mamori.engine.compliance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How far the catalog's crosswalk reaches into one external standard, before any model is judged:
 * each item is mapped (a requirement or means in force maps to it, whatever the relationship), out
 * of scope (left out on purpose, with the reason kept in {@code out-of-scope.tsv}) or missing (not
 * written yet). The two kinds of unmapped item are kept apart because one is a decision and the
 * other is work still to do.
 */
public record StandardCoverage(
        Standard standard, List<Standard.Item> mapped, List<Standard.Item> outOfScope, List<Standard.Item> missing) {

    public StandardCoverage {
        mapped = List.copyOf(mapped);
        outOfScope = List.copyOf(outOfScope);
        missing = List.copyOf(missing);
    }

    /** Every standard of the catalog, in the catalog's order. */
    public static List<StandardCoverage> of(Catalog catalog) {
        Map<String, Set<String>> reached = new HashMap<>();
        for (Catalog.Mapped m : catalog.mappings()) {
            boolean superseded = m.requirement().supersededBy().isPresent()
                    || m.means().flatMap(Means::supersededBy).isPresent();
            if (!superseded) {
                reached.computeIfAbsent(m.mapping().standard(), k -> new HashSet<>())
                        .add(m.mapping().id());
            }
        }
        List<StandardCoverage> out = new ArrayList<>();
        for (Standard standard : catalog.standards().values()) {
            Set<String> ids = reached.getOrDefault(standard.id(), Set.of());
            List<Standard.Item> mapped = new ArrayList<>();
            List<Standard.Item> outOfScope = new ArrayList<>();
            List<Standard.Item> missing = new ArrayList<>();
            for (Standard.Item item : standard.items().values()) {
                if (ids.contains(item.id())) {
                    mapped.add(item);
                } else if (item.outOfScope().isPresent()) {
                    outOfScope.add(item);
                } else {
                    missing.add(item);
                }
            }
            out.add(new StandardCoverage(standard, mapped, outOfScope, missing));
        }
        return out;
    }

    public int total() {
        return standard.items().size();
    }

    /** Mapped items, as a whole percentage of all items (rounded half up). */
    public long percent() {
        return total() == 0 ? 0 : Math.round(100.0 * mapped.size() / total());
    }

    /** Whether the standard grades its items as mandatory and recommended (ETSI EN 303 645). */
    public boolean hasStatuses() {
        return standard.items().values().stream().anyMatch(i -> i.status().isPresent());
    }

    public long mandatoryMapped() {
        return mapped.stream().filter(Standard.Item::mandatory).count();
    }

    public long mandatoryTotal() {
        return standard.items().values().stream()
                .filter(Standard.Item::mandatory)
                .count();
    }
}
