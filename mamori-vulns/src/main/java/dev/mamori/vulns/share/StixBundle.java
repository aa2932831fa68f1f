package dev.mamori.vulns.share;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.engine.systemic.Hop;
import dev.mamori.engine.systemic.SystemicAnalysis;
import dev.mamori.model.Component;
import dev.mamori.model.IotSystem;
import dev.mamori.model.Landscape;
import dev.mamori.vulns.match.Match;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A STIX 2.1 bundle for a sector's information-sharing group (NISC 4.6): the vulnerabilities the
 * landscape's products are affected by, the software that carries them, the systems' parts that run
 * it, and the systemic paths an attacker takes across systems, hop by hop with the weakness each
 * uses (a report per path). By default a part is named by what it is and the kind of system it serves ("camera of a
 * critical-infrastructure system, public-event"), never by its id, name, address or zone; with
 * {@code internal} the ids and names are kept, for sharing inside the organisation.
 */
public final class StixBundle {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param identity the organisation that shares, named as it wishes to be
     * @param internal whether to keep the ids and names of the systems' parts
     */
    public record Options(String identity, boolean internal, LocalDate today) {}

    private StixBundle() {}

    public static String write(Landscape landscape, SystemicAnalysis systemic, List<Match> matches, Options options) {
        String time = options.today() + "T00:00:00.000Z";
        Map<String, Component> components = new LinkedHashMap<>();
        landscape.components().forEach(c -> components.put(c.id(), c));
        ArrayNode objects = JSON.createArrayNode();
        String identity = "identity--" + StableIds.uuid("identity:" + options.identity());
        ObjectNode id = sdo(objects, "identity", identity, time, null);
        id.put("name", options.identity());
        id.put("identity_class", "organization");

        Map<String, String> infrastructure = new LinkedHashMap<>();
        Map<String, String> vulnerabilities = new LinkedHashMap<>();
        Map<String, String> software = new LinkedHashMap<>();
        List<Match> affected = matches.stream().filter(Match::affected).toList();
        for (Match m : affected) {
            String vuln = vulnerabilities.computeIfAbsent(m.id(), v -> {
                String ref = "vulnerability--" + StableIds.uuid("vulnerability:" + v);
                ObjectNode o = sdo(objects, "vulnerability", ref, time, identity);
                o.put("name", v);
                if (!m.summary().isEmpty()) {
                    o.put("description", m.summary());
                }
                ArrayNode refs = JSON.createArrayNode();
                for (String alias : m.ids()) {
                    if (alias.matches("CVE-\\d{4}-\\d{4,}")) {
                        ObjectNode r = refs.addObject();
                        r.put("source_name", "cve");
                        r.put("external_id", alias);
                    }
                }
                if (m.exploited().isPresent()) {
                    ObjectNode r = refs.addObject();
                    r.put("source_name", "cisa-kev");
                    r.put(
                            "description",
                            "known to be exploited, listed since "
                                    + m.exploited().get().added());
                    r.put("url", "https://www.cisa.gov/known-exploited-vulnerabilities-catalog");
                }
                if (!refs.isEmpty()) {
                    o.set("external_references", refs);
                }
                return ref;
            });
            String sw = software.computeIfAbsent(m.pkg().name(), name -> {
                String ref = "software--"
                        + StableIds.uuid("software:" + name + "@" + m.pkg().version());
                ObjectNode o = objects.addObject();
                o.put("type", "software");
                o.put("spec_version", "2.1");
                o.put("id", ref);
                o.put("name", m.pkg().shortName());
                o.put("version", m.pkg().version());
                if (name.startsWith("cpe:2.3:")) {
                    o.put("cpe", name);
                } else {
                    m.pkg().aliases().stream()
                            .filter(a -> a.key().startsWith("cpe:"))
                            .findFirst()
                            .ifPresent(a -> o.put("x_mamori_cpe_key", a.key()));
                    o.put("x_mamori_purl", name);
                }
                return ref;
            });
            String infra = infrastructure(
                    objects,
                    infrastructure,
                    components.get(m.component()),
                    m.component(),
                    landscape,
                    options,
                    time,
                    identity);
            relationship(objects, infra, "has", vuln, time, identity);
            relationship(objects, infra, "consists-of", sw, time, identity);
        }
        // Every path into another system, and the paths inside one that use a vulnerability shared here.
        List<SystemicAnalysis.Path> shared = new ArrayList<>(systemic.paths());
        for (SystemicAnalysis.Path path : systemic.internalPaths()) {
            if (path.hops().stream()
                    .anyMatch(h -> vulnerabilities.keySet().stream()
                            .anyMatch(v -> h.weakness().contains(v)))) {
                shared.add(path);
            }
        }
        for (SystemicAnalysis.Path path : shared) {
            Set<String> refs = new LinkedHashSet<>();
            String entry = idOf(path.entry());
            StringBuilder description = new StringBuilder();
            description.append(String.format(
                    Locale.ROOT,
                    "An attacker who holds %s reaches %s with a chance of %.2f: ",
                    describe(components.get(entry), entry, landscape, options),
                    describe(components.get(path.target()), path.target(), landscape, options),
                    path.probability()));
            List<String> steps = new ArrayList<>();
            for (Hop hop : path.hops()) {
                for (String end : List.of(hop.from(), hop.to())) {
                    Component c = components.get(end);
                    if (c != null) {
                        refs.add(infrastructure(objects, infrastructure, c, end, landscape, options, time, identity));
                    }
                }
                List<String> used = new ArrayList<>();
                vulnerabilities.forEach((v, ref) -> {
                    if (hop.weakness().contains(v)) {
                        refs.add(ref);
                        used.add(v);
                    }
                });
                steps.add(describe(components.get(hop.to()), hop.to(), landscape, options) + " ["
                        + hop.relation().name().toLowerCase(Locale.ROOT).replace('_', '-')
                        + (options.internal()
                                ? ": " + hop.weakness()
                                : used.isEmpty() ? "" : ": " + String.join(", ", used))
                        + "]");
            }
            description.append(String.join(" -> ", steps));
            if (refs.isEmpty()) {
                continue;
            }
            // A report rather than a grouping: the official bundle schema does not list grouping.
            String ref = "report--" + StableIds.uuid("path:" + entry + ">" + path.target());
            ObjectNode g = sdo(objects, "report", ref, time, identity);
            g.put("name", "Systemic path into a " + systemOf(components.get(path.target()), landscape));
            g.put("description", description.toString());
            g.putArray("report_types").add("threat-report");
            g.put("published", time);
            ArrayNode list = g.putArray("object_refs");
            refs.forEach(list::add);
        }
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("type", "bundle");
        bundle.put(
                "id",
                "bundle--"
                        + StableIds.uuid(
                                "bundle:" + landscape.name() + ":" + options.today() + ":" + options.internal()));
        bundle.set("objects", objects);
        try {
            return JSON.writeValueAsString(bundle) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always writes", e);
        }
    }

    private static ObjectNode sdo(ArrayNode objects, String type, String id, String time, String createdBy) {
        ObjectNode o = objects.addObject();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", id);
        if (createdBy != null) {
            o.put("created_by_ref", createdBy);
        }
        o.put("created", time);
        o.put("modified", time);
        return o;
    }

    private static void relationship(
            ArrayNode objects, String source, String type, String target, String time, String by) {
        String id = "relationship--" + StableIds.uuid("relationship:" + source + " " + type + " " + target);
        for (var o : objects) {
            if (o.path("id").asText().equals(id)) {
                return;
            }
        }
        ObjectNode r = sdo(objects, "relationship", id, time, by);
        r.put("relationship_type", type);
        r.put("source_ref", source);
        r.put("target_ref", target);
    }

    private static String infrastructure(
            ArrayNode objects,
            Map<String, String> known,
            Component c,
            String componentId,
            Landscape landscape,
            Options options,
            String time,
            String identity) {
        return known.computeIfAbsent(componentId, k -> {
            String ref = "infrastructure--" + StableIds.uuid("infrastructure:" + landscape.name() + ":" + k);
            ObjectNode o = sdo(objects, "infrastructure", ref, time, identity);
            o.put("name", describe(c, k, landscape, options));
            o.putArray("infrastructure_types").add("unknown");
            if (options.internal() && c != null && !c.description().isBlank()) {
                o.put("description", c.description());
            }
            return ref;
        });
    }

    /** The id a path names its entry by, without the reason that follows it. */
    private static String idOf(String entry) {
        int space = entry.indexOf(" (");
        return space < 0 ? entry : entry.substring(0, space);
    }

    /** How a part is named: by what it is and whom it serves, or with {@code internal} by its id and name. */
    private static String describe(Component c, String id, Landscape landscape, Options options) {
        if (c == null && id.startsWith("zone ")) {
            String zone = id.substring("zone ".length());
            IotSystem s = landscape.systems().get(zone.substring(0, Math.max(0, zone.indexOf('.'))));
            return options.internal() ? id : "a network zone of a " + (s == null ? "system" : s.category() + " system");
        }
        if (c == null) {
            return options.internal() ? id : "a part outside the systems";
        }
        if (options.internal()) {
            return c.id() + (c.name().equals(c.localId()) ? "" : " (" + c.name() + ")");
        }
        return c.kind() + (c.count() > 1 ? " fleet" : "") + " of a " + systemOf(c, landscape);
    }

    private static String systemOf(Component c, Landscape landscape) {
        if (c == null) {
            return "system";
        }
        IotSystem s = landscape.systems().get(c.system());
        return s == null
                ? "system"
                : s.category() + " system" + s.sector().map(x -> " (" + x + ")").orElse("");
    }
}
