package dev.mamori.engine.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two versions of a catalog (NISC 4.5: requirements advance step by step):
 * requirements and means added, removed, superseded, or changed in what they say, when they apply,
 * how they are verified, or what they map to.
 */
public record CatalogDiff(String from, String to, List<Change> changes) {

    public CatalogDiff {
        changes = List.copyOf(changes);
    }

    /** One change: its kind (added, removed, superseded, changed), the id, and what changed. */
    public record Change(String kind, String id, String what) {}

    public static CatalogDiff of(Catalog older, Catalog newer) {
        List<Change> changes = new ArrayList<>();
        Map<String, Means> oldMeans = index(older);
        Map<String, Means> newMeans = index(newer);
        for (Requirement r : newer.requirements().values()) {
            Requirement before = older.requirements().get(r.id());
            if (before == null) {
                changes.add(new Change("added", r.id(), "requirement: " + r.title()));
                continue;
            }
            if (r.supersededBy().isPresent() && before.supersededBy().isEmpty()) {
                changes.add(new Change(
                        "superseded",
                        r.id(),
                        "requirement superseded by " + r.supersededBy().get()));
            }
            List<String> what = new ArrayList<>();
            if (!r.title().equals(before.title())) {
                what.add("title");
            }
            if (!r.statement().equals(before.statement())) {
                what.add("statement");
            }
            if (!r.properties().equals(before.properties())) {
                what.add("properties");
            }
            if (r.phase() != before.phase()) {
                what.add("phase");
            }
            if (r.anyMeans() != before.anyMeans()) {
                what.add("met-when");
            }
            if (!mappings(r.crosswalk()).equals(mappings(before.crosswalk()))) {
                what.add("crosswalk");
            }
            if (!what.isEmpty()) {
                changes.add(new Change("changed", r.id(), "requirement " + String.join(", ", what)));
            }
        }
        for (Requirement r : older.requirements().values()) {
            if (!newer.requirements().containsKey(r.id())) {
                changes.add(new Change("removed", r.id(), "requirement: " + r.title()));
            }
        }
        for (Means m : newMeans.values()) {
            Means before = oldMeans.get(m.id());
            if (before == null) {
                changes.add(new Change("added", m.id(), "means of " + m.requirement() + ": " + m.title()));
                continue;
            }
            if (m.supersededBy().isPresent() && before.supersededBy().isEmpty()) {
                changes.add(new Change(
                        "superseded",
                        m.id(),
                        "means superseded by " + m.supersededBy().get()));
            }
            List<String> what = new ArrayList<>();
            if (!m.statement().equals(before.statement()) || !m.title().equals(before.title())) {
                what.add("wording");
            }
            if (m.appliesTo() != before.appliesTo()) {
                what.add("applies-to " + before.appliesTo().word() + " -> "
                        + m.appliesTo().word());
            }
            if (!Objects.equals(m.securityLevel(), before.securityLevel())) {
                what.add("security-level");
            }
            if (!m.verify().equals(before.verify())) {
                what.add("verification " + before.verify().method() + " -> "
                        + m.verify().method());
            }
            if (!m.requirement().equals(before.requirement())) {
                what.add("moved from " + before.requirement() + " to " + m.requirement());
            }
            if (!mappings(m.crosswalk()).equals(mappings(before.crosswalk()))) {
                what.add("crosswalk");
            }
            if (!what.isEmpty()) {
                changes.add(new Change("changed", m.id(), "means " + String.join(", ", what)));
            }
        }
        for (Means m : oldMeans.values()) {
            if (!newMeans.containsKey(m.id())) {
                changes.add(new Change("removed", m.id(), "means of " + m.requirement() + ": " + m.title()));
            }
        }
        return new CatalogDiff(older.name() + " " + older.version(), newer.name() + " " + newer.version(), changes);
    }

    private static Map<String, Means> index(Catalog catalog) {
        Map<String, Means> out = new LinkedHashMap<>();
        catalog.means().forEach(m -> out.put(m.id(), m));
        return out;
    }

    private static List<String> mappings(List<Mapping> crosswalk) {
        return crosswalk.stream()
                .map(m -> m.standard() + " " + m.id() + " " + m.relationship().word())
                .sorted()
                .toList();
    }
}
