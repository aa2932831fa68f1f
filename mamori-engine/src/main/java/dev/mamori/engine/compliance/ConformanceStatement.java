package dev.mamori.engine.compliance;

import dev.mamori.engine.compliance.ComplianceResult.SystemCompliance;
import java.util.ArrayList;
import java.util.List;

/**
 * The implementation conformance statement of ETSI EN 303 645 (its Annex B pro forma), filled from
 * the model for one system: for each provision its status in the standard, whether it is supported
 * (Y, N, N/A, or ? where a person must decide) and the detail that says why.
 */
public record ConformanceStatement(String standard, String title, String system, List<Row> rows) {

    public ConformanceStatement {
        rows = List.copyOf(rows);
    }

    /**
     * @param label our own short label of the provision, never the standard's text
     * @param support Y, N, N/A, or ? (needs review)
     */
    public record Row(String provision, String status, String label, String support, String detail) {}

    public static List<String> etsiVersions() {
        return List.of("etsi-en-303-645-v2.1.1", "etsi-en-303-645-v3.1.3");
    }

    public static ConformanceStatement of(Catalog catalog, SystemCompliance system, String standardId) {
        if (!etsiVersions().contains(standardId)) {
            throw new IllegalArgumentException("conformance statements are for ETSI EN 303 645 only: " + standardId);
        }
        Coverage coverage = Coverage.of(catalog, system, standardId);
        List<Row> rows = new ArrayList<>();
        for (Coverage.ItemCoverage item : coverage.items()) {
            String support = switch (item.verdict()) {
                case SATISFIED -> "Y";
                case NOT_SATISFIED -> "N";
                case NOT_APPLICABLE -> "N/A";
                case NEEDS_REVIEW -> "?";
            };
            String detail = item.why() + (item.mappedBy().isEmpty() ? "" : "; " + String.join("; ", item.mappedBy()));
            rows.add(new Row(
                    item.item().id(),
                    item.item().status().orElse(""),
                    item.item().label() + (item.item().uncertain() ? " (label unverified)" : ""),
                    support,
                    detail));
        }
        return new ConformanceStatement(standardId, coverage.standard().title(), system.system(), rows);
    }
}
