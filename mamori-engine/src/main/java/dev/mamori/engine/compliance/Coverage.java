package dev.mamori.engine.compliance;

import dev.mamori.engine.compliance.ComplianceResult.MeansResult;
import dev.mamori.engine.compliance.ComplianceResult.RequirementResult;
import dev.mamori.engine.compliance.ComplianceResult.SystemCompliance;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How far a system meets the items of one external standard, read through the crosswalk: each item
 * takes the verdicts of the requirements and means mapped to it.
 *
 * <p>An item is not satisfied when anything mapped to it is not; it needs review when anything
 * mapped needs review, when nothing in the catalog maps to it, when what maps to it is outside the
 * system's profile, or when everything mapped holds but only covers part of the item (subset or
 * intersects, no equivalent or superset). Only then can a mapping say less than the item asks.
 */
public record Coverage(Standard standard, String system, List<ItemCoverage> items) {

    public Coverage {
        items = List.copyOf(items);
    }

    /**
     * @param mappedBy the requirements and means mapped to the item, with their verdicts
     */
    public record ItemCoverage(Standard.Item item, Verdict verdict, String why, List<String> mappedBy) {
        public ItemCoverage {
            mappedBy = List.copyOf(mappedBy);
        }
    }

    /** Items per verdict, every verdict present; {@code mandatoryOnly} keeps the items whose status is M…. */
    public Map<Verdict, Integer> counts(boolean mandatoryOnly) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        items.stream()
                .filter(i -> !mandatoryOnly || i.item().mandatory())
                .forEach(i -> counts.merge(i.verdict(), 1, Integer::sum));
        return counts;
    }

    /** Whether the standard grades its items as mandatory and recommended. */
    public boolean hasStatuses() {
        return items.stream().anyMatch(i -> i.item().status().isPresent());
    }

    public static Coverage of(Catalog catalog, SystemCompliance system, String standardId) {
        Standard standard = catalog.standards().get(standardId);
        if (standard == null) {
            throw new IllegalArgumentException("no standard " + standardId);
        }
        Map<String, RequirementResult> results = ComplianceEvaluator.byRequirement(system);
        Map<String, List<Catalog.Mapped>> byItem = catalog.mappedByItem(standardId);
        List<ItemCoverage> items = new ArrayList<>();
        for (Standard.Item item : standard.items().values()) {
            items.add(item(item, byItem.getOrDefault(item.id(), List.of()), results, system));
        }
        return new Coverage(standard, system.system(), items);
    }

    private static ItemCoverage item(
            Standard.Item item,
            List<Catalog.Mapped> mapped,
            Map<String, RequirementResult> results,
            SystemCompliance system) {
        if (mapped.isEmpty()) {
            // Left out on purpose is a decision with a reason, not work still to do: say which.
            return new ItemCoverage(
                    item,
                    Verdict.NEEDS_REVIEW,
                    item.outOfScope()
                            .map(why -> "out of the catalog's scope (" + why + "); assess it by hand")
                            .orElse("no requirement of the catalog maps to it; assess it by hand"),
                    List.of());
        }
        List<String> by = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        Verdict verdict = null;
        boolean full = false;
        for (Catalog.Mapped m : mapped) {
            RequirementResult r = results.get(m.requirement().id());
            if (r == null) {
                outside.add(m.owner());
                continue;
            }
            Verdict v = m.means()
                    .flatMap(means -> r.means().stream()
                            .filter(x -> x.means().id().equals(means.id()))
                            .map(MeansResult::verdict)
                            .findFirst())
                    .orElse(r.verdict());
            by.add(m.owner() + " (" + m.mapping().relationship().word() + "): " + v.word());
            if (v == Verdict.NOT_APPLICABLE) {
                continue;
            }
            verdict = verdict == null ? v : Verdict.worse(verdict, v);
            Relationship rel = m.mapping().relationship();
            full |= rel == Relationship.EQUIVALENT || rel == Relationship.SUPERSET;
        }
        if (by.isEmpty()) {
            return new ItemCoverage(
                    item,
                    Verdict.NEEDS_REVIEW,
                    "mapped to " + String.join(", ", outside) + ", outside profile "
                            + system.profile().id() + "; assess it by hand or choose a profile that includes it",
                    outside);
        }
        if (verdict == null) {
            return new ItemCoverage(item, Verdict.NOT_APPLICABLE, "what maps to it does not apply here", by);
        }
        if (verdict == Verdict.SATISFIED && !full) {
            return new ItemCoverage(
                    item,
                    Verdict.NEEDS_REVIEW,
                    "what maps to it holds but covers only part of it; check the rest by hand",
                    by);
        }
        String why = switch (verdict) {
            case SATISFIED -> "met through " + by.size() + (by.size() == 1 ? " mapping" : " mappings");
            case NOT_SATISFIED -> "something mapped to it is not satisfied";
            default -> "something mapped to it needs review";
        };
        return new ItemCoverage(item, verdict, why, by);
    }

    /** The verdict of the item, if the standard has it. */
    public Optional<ItemCoverage> item(String id) {
        return items.stream().filter(i -> i.item().id().equals(id)).findFirst();
    }
}
