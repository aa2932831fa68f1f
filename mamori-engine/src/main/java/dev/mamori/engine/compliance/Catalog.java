package dev.mamori.engine.compliance;

import dev.mamori.model.IotSystem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything compliance is judged against: the performance requirements with their means and
 * crosswalks, the profiles and jurisdictions that give them obligation classes, and the external
 * standards the crosswalks point into. Built in ({@link CatalogReader#builtIn()}) and extended by a
 * landscape's own catalog files.
 *
 * @param name the catalog's name ({@code mamori} for the built-in one)
 * @param files the files it was read from, built-in first
 */
public record Catalog(
        String name,
        CatalogVersion version,
        String title,
        List<String> files,
        Map<String, Requirement> requirements,
        Map<String, Profile> profiles,
        Map<String, Jurisdiction> jurisdictions,
        Map<String, Standard> standards) {

    /** The profile used when no profile names a system's sector or category. */
    public static final String BASELINE = "baseline";

    public Catalog {
        files = List.copyOf(files);
        requirements = Collections.unmodifiableMap(new LinkedHashMap<>(requirements));
        profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        jurisdictions = Collections.unmodifiableMap(new LinkedHashMap<>(jurisdictions));
        standards = Collections.unmodifiableMap(new LinkedHashMap<>(standards));
    }

    /** Every means of every requirement, in catalog order. */
    public List<Means> means() {
        List<Means> all = new ArrayList<>();
        requirements.values().forEach(r -> all.addAll(r.means()));
        return all;
    }

    public Optional<Means> means(String id) {
        return means().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Every crosswalk entry, of the requirements and of their means, in catalog order. */
    public List<Mapped> mappings() {
        List<Mapped> all = new ArrayList<>();
        for (Requirement r : requirements.values()) {
            r.crosswalk().forEach(m -> all.add(new Mapped(r, Optional.empty(), m)));
            for (Means means : r.means()) {
                means.crosswalk().forEach(m -> all.add(new Mapped(r, Optional.of(means), m)));
            }
        }
        return all;
    }

    /**
     * The crosswalk entries to each item of {@code standard}, by item id in catalog order, from the
     * requirements in force only (a superseded requirement no longer speaks for the catalog).
     */
    public Map<String, List<Mapped>> mappedByItem(String standard) {
        Map<String, List<Mapped>> byItem = new LinkedHashMap<>();
        for (Mapped m : mappings()) {
            if (m.mapping().standard().equals(standard)
                    && m.requirement().supersededBy().isEmpty()) {
                byItem.computeIfAbsent(m.mapping().id(), k -> new ArrayList<>()).add(m);
            }
        }
        return byItem;
    }

    /** A crosswalk entry and what it belongs to: a requirement, or one of its means. */
    public record Mapped(Requirement requirement, Optional<Means> means, Mapping mapping) {

        /** The id of what the entry belongs to. */
        public String owner() {
            return means.map(Means::id).orElse(requirement.id());
        }
    }

    /** The ids a control may name: every means and every requirement. */
    public List<String> controlIds() {
        List<String> ids = new ArrayList<>(requirements.keySet());
        means().forEach(m -> ids.add(m.id()));
        return ids;
    }

    /**
     * The profile a system is held to, and why: the one it names, else the first listing its sector,
     * else the first listing its category, else the baseline. Empty when it names an unknown profile.
     */
    public Optional<ProfileChoice> profileFor(IotSystem system) {
        if (system.profile().isPresent()) {
            return Optional.ofNullable(profiles.get(system.profile().get()))
                    .map(p -> new ProfileChoice(p, "named by the system"));
        }
        if (system.sector().isPresent()) {
            for (Profile p : profiles.values()) {
                if (p.sectors().contains(system.sector().get())) {
                    return Optional.of(new ProfileChoice(
                            p, "for its sector " + system.sector().get()));
                }
            }
        }
        for (Profile p : profiles.values()) {
            if (p.categories().contains(system.category())) {
                return Optional.of(new ProfileChoice(p, "for its category " + system.category()));
            }
        }
        return Optional.ofNullable(profiles.get(BASELINE))
                .map(p -> new ProfileChoice(
                        p, "no profile lists its category " + system.category() + ", so the baseline applies"));
    }

    /** A profile and why it was chosen for a system. */
    public record ProfileChoice(Profile profile, String why) {}
}
