package dev.mamori.report.oscal;

import static dev.mamori.report.oscal.OscalJson.prop;
import static dev.mamori.report.oscal.OscalJson.string;

import dev.mamori.engine.compliance.Catalog;
import dev.mamori.engine.compliance.Fact;
import dev.mamori.engine.compliance.Mapping;
import dev.mamori.engine.compliance.Means;
import dev.mamori.engine.compliance.Requirement;
import dev.mamori.engine.compliance.Standard;
import dev.mamori.engine.compliance.Verification;
import dev.mamori.engine.risk.Property;
import dev.mamori.model.Scales.Phase;
import dev.mamori.model.Words;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mamori's requirement catalog as an OSCAL catalog: one group per lifecycle phase, each performance
 * requirement a control with its statement and assessment objective, each of its means a child
 * control with its statement and how it is verified, and the crosswalk as links to the external
 * standards (back-matter resources) and as properties. The text is the catalog's own, in our words.
 */
public final class OscalCatalog {

    /** The file name the profiles import the catalog by. */
    public static final String FILE = "catalog.json";

    private OscalCatalog() {}

    /** The UUID of the back-matter resource standing for an external standard. */
    static String standardUuid(Catalog catalog, String standard) {
        return OscalUuid.of("standard", catalog.name(), standard);
    }

    /** The id of a requirement's assessment objective, which the assessment results' findings target. */
    static String objectiveId(String requirement) {
        return requirement + "_obj";
    }

    public static String render(Catalog catalog, LocalDate date) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "uuid",
                OscalUuid.of("catalog", catalog.name(), catalog.version().toString()));
        out.put(
                "metadata",
                OscalJson.metadata(
                        catalog.title(),
                        date,
                        catalog.version().toString(),
                        List.of(prop("catalog", catalog.name())),
                        "Performance requirements (NISC General Framework 4.4) are the controls; the means"
                                + " that meet them (specification requirements) are their child controls. A"
                                + " requirement holds when every applicable means holds, or one when its met-when"
                                + " property says any. Obligation classes belong to the profiles. Read from: "
                                + String.join(", ", catalog.files()) + "."));
        List<Object> groups = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            List<Object> controls = new ArrayList<>();
            for (Requirement r : catalog.requirements().values()) {
                if (r.phase() == phase) {
                    controls.add(requirement(catalog, r));
                }
            }
            if (!controls.isEmpty()) {
                Map<String, Object> group = new LinkedHashMap<>();
                group.put("id", Words.of(phase));
                group.put("class", "lifecycle-phase");
                group.put("title", "Lifecycle phase: " + Words.of(phase));
                group.put("controls", controls);
                groups.add(group);
            }
        }
        out.put("groups", groups);
        List<Object> resources = new ArrayList<>();
        for (Standard standard : catalog.standards().values()) {
            Map<String, Object> resource = new LinkedHashMap<>();
            resource.put("uuid", standardUuid(catalog, standard.id()));
            resource.put("title", string(standard.title()));
            resource.put("props", List.of(prop("standard", standard.id())));
            resource.put(
                    "remarks",
                    "The crosswalk names this standard's item ids only; the labels are Mamori's paraphrase.");
            resources.add(resource);
        }
        if (!resources.isEmpty()) {
            out.put("back-matter", Map.of("resources", resources));
        }
        return OscalJson.write("catalog", out);
    }

    private static Map<String, Object> requirement(Catalog catalog, Requirement r) {
        Map<String, Object> control = new LinkedHashMap<>();
        control.put("id", r.id());
        control.put("class", "performance-requirement");
        control.put("title", string(r.title()));
        List<Map<String, Object>> props = new ArrayList<>();
        r.properties().stream().sorted().map(Property::letter).forEach(p -> props.add(prop("property", p)));
        props.add(prop("phase", Words.of(r.phase())));
        props.add(prop("met-when", r.anyMeans() ? "any" : "all"));
        versions(
                props,
                r.validFrom().map(Object::toString).orElse(null),
                r.supersededBy().orElse(null));
        crosswalkProps(props, catalog, r.crosswalk());
        control.put("props", props);
        addLinks(control, catalog, r.crosswalk(), r.supersededBy().orElse(null));
        List<Object> parts = new ArrayList<>();
        parts.add(part(r.id() + "_smt", "statement", r.statement()));
        parts.add(part(
                objectiveId(r.id()),
                "assessment-objective",
                r.anyMeans()
                        ? "At least one of the means below that applies to the system holds."
                        : "Every means below that applies to the system holds."));
        control.put("parts", parts);
        List<Object> means = new ArrayList<>();
        for (Means m : r.means()) {
            means.add(means(catalog, m));
        }
        if (!means.isEmpty()) {
            control.put("controls", means);
        }
        return control;
    }

    private static Map<String, Object> means(Catalog catalog, Means m) {
        Map<String, Object> control = new LinkedHashMap<>();
        control.put("id", m.id());
        control.put("class", "specification-requirement");
        control.put("title", string(m.title()));
        List<Map<String, Object>> props = new ArrayList<>();
        props.add(prop("applies-to", m.appliesTo().word()));
        props.add(prop("verification", m.verify().method()));
        if (m.verify() instanceof Verification.FromModel model) {
            model.rules().forEach(rule -> props.add(prop("rule", rule)));
            model.facts().stream().map(Fact::word).sorted().forEach(f -> props.add(prop("fact", f)));
        }
        m.securityLevel().ifPresent(level -> props.add(prop("security-level", level)));
        versions(
                props,
                m.validFrom().map(Object::toString).orElse(null),
                m.supersededBy().orElse(null));
        crosswalkProps(props, catalog, m.crosswalk());
        control.put("props", props);
        addLinks(control, catalog, m.crosswalk(), m.supersededBy().orElse(null));
        List<Object> parts = new ArrayList<>();
        parts.add(part(m.id() + "_smt", "statement", m.statement()));
        Map<String, Object> method = part(m.id() + "_asm", "assessment-method", method(m));
        parts.add(method);
        control.put("parts", parts);
        return control;
    }

    /** How the means is verified, in words, for the assessment-method part. */
    static String method(Means m) {
        String applies = "Applies to " + m.appliesTo().what() + ".";
        if (m.verify() instanceof Verification.FromModel model) {
            return applies + " Decided from the model: an open finding of " + String.join(", ", model.rules())
                    + " on an element fails it"
                    + (model.facts().isEmpty()
                            ? ""
                            : "; an element that does not state "
                                    + String.join(
                                            ", ",
                                            model.facts().stream()
                                                    .map(Fact::word)
                                                    .sorted()
                                                    .toList())
                                    + " needs review")
                    + ". A finding treated as mitigated, false positive or not applicable no longer counts.";
        }
        if (m.verify() instanceof Verification.FromControl control) {
            return applies + " Holds when the system declares this control as implemented, naming its evidence: "
                    + control.evidence();
        }
        Verification.ByPerson person = (Verification.ByPerson) m.verify();
        return applies + " A person reviews: " + person.lookAt()
                + " The result is recorded as a control with its evidence.";
    }

    private static Map<String, Object> part(String id, String name, String prose) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("id", id);
        part.put("name", name);
        part.put("prose", prose.strip());
        return part;
    }

    private static void versions(List<Map<String, Object>> props, String validFrom, String supersededBy) {
        if (validFrom != null) {
            props.add(prop("valid-from", validFrom));
        }
        if (supersededBy != null) {
            // OSCAL's own way to mark a control that is no longer in force.
            Map<String, Object> withdrawn = new LinkedHashMap<>();
            withdrawn.put("name", "status");
            withdrawn.put("value", "withdrawn");
            props.add(withdrawn);
            props.add(prop("superseded-by", supersededBy));
        }
    }

    private static void crosswalkProps(List<Map<String, Object>> props, Catalog catalog, List<Mapping> crosswalk) {
        for (Mapping m : crosswalk) {
            Map<String, Object> p = prop("crosswalk", m.id(), m.standard());
            p.put("remarks", m.relationship().word());
            props.add(p);
            // An id our reference list could not check against the standard's own text says so
            // wherever it appears, so that nobody takes the mapping for more than it is.
            if (unverified(catalog, m)) {
                Map<String, Object> u = prop("crosswalk-unverified", m.id(), m.standard());
                u.put("remarks", "not checked against the primary document");
                props.add(u);
            }
        }
    }

    private static boolean unverified(Catalog catalog, Mapping m) {
        Standard standard = catalog.standards().get(m.standard());
        return standard != null
                && standard.item(m.id()).map(Standard.Item::uncertain).orElse(false);
    }

    private static void addLinks(
            Map<String, Object> control, Catalog catalog, List<Mapping> crosswalk, String supersededBy) {
        List<Object> links = new ArrayList<>();
        // A standard is one back-matter resource, and OSCAL holds a control's links unique by href and
        // rel: the items of one standard in one relationship share a link, whose text names each of
        // them; the props keep one entry per item for tools that read them one by one.
        Map<String, List<Mapping>> byTarget = new LinkedHashMap<>();
        for (Mapping m : crosswalk) {
            byTarget.computeIfAbsent(m.standard() + "\n" + m.relationship().word(), k -> new ArrayList<>())
                    .add(m);
        }
        for (List<Mapping> same : byTarget.values()) {
            Mapping first = same.get(0);
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("href", "#" + standardUuid(catalog, first.standard()));
            link.put("rel", first.relationship().word());
            Standard standard = catalog.standards().get(first.standard());
            List<String> items = new ArrayList<>();
            for (Mapping m : same) {
                String label = standard == null
                        ? ""
                        : standard.item(m.id()).map(i -> ": " + i.label()).orElse("");
                items.add(m.id() + label);
            }
            link.put(
                    "text",
                    string((standard == null ? first.standard() : standard.title()) + " " + String.join("; ", items)));
            links.add(link);
        }
        if (supersededBy != null) {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("href", "#" + supersededBy);
            link.put("rel", "superseded-by");
            links.add(link);
        }
        if (!links.isEmpty()) {
            control.put("links", links);
        }
    }
}
