package dev.mamori.report.assessment;

import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.Property;
import dev.mamori.engine.risk.Severity;
import java.util.List;
import java.util.Optional;

/**
 * Open findings counted by likelihood and impact (each 1–5), for all properties or for one: the
 * risk heat map of a report.
 *
 * @param property the property counted, or empty for every finding
 */
public record HeatMap(Optional<Property> property, int[][] counts, int total) {

    /** @param findings the findings to count (reports pass the open ones) */
    public static HeatMap of(List<Finding> findings, Optional<Property> property) {
        int[][] counts = new int[5][5];
        int total = 0;
        for (Finding f : findings) {
            if (property.isEmpty() || f.properties().contains(property.get())) {
                counts[f.likelihood().level() - 1][f.impact().level() - 1]++;
                total++;
            }
        }
        return new HeatMap(property, counts, total);
    }

    /** How many findings have this likelihood and impact (each 1–5). */
    public int count(int likelihood, int impact) {
        return counts[likelihood - 1][impact - 1];
    }

    /** The severity of a cell, which colours it. */
    public static Severity severity(int likelihood, int impact) {
        return Severity.of(likelihood, impact);
    }

    /** The property's name, or "all properties". */
    public String title() {
        return property.map(p -> p.name().charAt(0) + p.name().substring(1).toLowerCase(java.util.Locale.ROOT))
                .orElse("All properties");
    }
}
