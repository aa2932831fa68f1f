package dev.mamori.vulns.share;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.model.Component;
import dev.mamori.model.Landscape;
import dev.mamori.model.Ref;
import dev.mamori.model.Scales.TreatmentStatus;
import dev.mamori.model.Treatment;
import dev.mamori.vulns.match.Match;
import dev.mamori.vulns.sbom.InstalledPackage;
import dev.mamori.vulns.sbom.Inventory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * VEX documents for a manufacturer's products, written from the model: a component is a product,
 * each package it runs a product version. What the model's treatments say about a vulnerability
 * (not affected, with the justification; fixed) and what the matches say (affected, with the fix to
 * apply) become statements. Written as CSAF 2.0 (profile csaf_vex) and as CycloneDX 1.5 VEX.
 */
public final class VexDocuments {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One statement: a vulnerability, a product (component and package), a status. */
    public record Statement(
            String vulnerability,
            Component component,
            Optional<InstalledPackage> pkg,
            String status,
            Optional<String> justification,
            String detail,
            Optional<String> fixed) {}

    /** What a document needs besides its statements. */
    public record Publisher(String name, String namespace) {}

    private VexDocuments() {}

    /**
     * The statements for {@code components} (qualified ids; empty means every component with a
     * treatment or a match): from the model's treatments that name a vulnerability, and from the
     * matches still affected.
     */
    public static List<Statement> statements(
            Landscape landscape, Inventory inventory, List<Match> matches, List<String> components, LocalDate today) {
        Map<String, Component> byId = new LinkedHashMap<>();
        landscape.components().forEach(c -> byId.put(c.id(), c));
        List<Statement> out = new ArrayList<>();
        for (Treatment t : landscape.treatments()) {
            if (t.vulnerability().isEmpty()
                    || t.until().map(u -> u.isBefore(today)).orElse(false)) {
                continue;
            }
            String status = switch (t.status()) {
                case NOT_APPLICABLE, FALSE_POSITIVE -> "known_not_affected";
                case MITIGATED -> "fixed";
                default -> "";
            };
            if (status.isEmpty()) {
                continue;
            }
            for (Component c : treated(t, byId)) {
                if (!components.isEmpty() && !components.contains(c.id())) {
                    continue;
                }
                List<InstalledPackage> pkgs = matches.stream()
                        .filter(m -> m.component().equals(c.id())
                                && m.ids().contains(t.vulnerability().get()))
                        .map(Match::pkg)
                        .distinct()
                        .toList();
                if (pkgs.isEmpty()) {
                    out.add(new Statement(
                            t.vulnerability().get(),
                            c,
                            Optional.empty(),
                            status,
                            t.justification(),
                            t.reason(),
                            Optional.empty()));
                }
                for (InstalledPackage p : pkgs) {
                    out.add(new Statement(
                            t.vulnerability().get(),
                            c,
                            Optional.of(p),
                            status,
                            t.justification(),
                            t.reason(),
                            Optional.empty()));
                }
            }
        }
        for (Match m : matches) {
            if (!m.affected() || (!components.isEmpty() && !components.contains(m.component()))) {
                continue;
            }
            Component c = byId.get(m.component());
            if (c != null) {
                out.add(new Statement(
                        m.id(), c, Optional.of(m.pkg()), "known_affected", Optional.empty(), m.summary(), m.fixed()));
            }
        }
        return out;
    }

    private static List<Component> treated(Treatment t, Map<String, Component> byId) {
        if (t.element().isEmpty()) {
            return List.copyOf(byId.values());
        }
        Ref ref = t.element().get();
        Component exact = byId.get(ref.text());
        if (exact != null) {
            return List.of(exact);
        }
        return byId.values().stream()
                .filter(c -> c.id().endsWith("." + ref.text()))
                .toList();
    }

    private static String productId(Statement s) {
        return "CSAFPID-" + s.component().id()
                + s.pkg()
                        .map(p -> "-" + p.shortName().replaceAll("[^A-Za-z0-9.]+", "-") + "-" + p.version())
                        .orElse("");
    }

    private static String productName(Statement s) {
        return s.component().name()
                + s.pkg().map(p -> ": " + p.shortName() + " " + p.version()).orElse("");
    }

    /** A CSAF 2.0 VEX document (profile csaf_vex) of {@code statements}. */
    public static String csaf(
            List<Statement> statements, Publisher publisher, String id, String title, LocalDate today) {
        String date = today + "T00:00:00.000Z";
        ObjectNode root = JSON.createObjectNode();
        ObjectNode doc = root.putObject("document");
        doc.put("category", "csaf_vex");
        doc.put("csaf_version", "2.0");
        ObjectNode pub = doc.putObject("publisher");
        pub.put("category", "vendor");
        pub.put("name", publisher.name());
        pub.put("namespace", publisher.namespace());
        doc.put("title", title);
        doc.put("lang", "en");
        ObjectNode note = doc.putArray("notes").addObject();
        note.put("category", "description");
        note.put("text", "Written by Mamori from the model's treatments and its matches against vulnerability data.");
        note.put("title", "How this document was made");
        ObjectNode tracking = doc.putObject("tracking");
        tracking.put("id", id);
        tracking.put("status", "final");
        tracking.put("version", "1");
        tracking.put("initial_release_date", date);
        tracking.put("current_release_date", date);
        ObjectNode revision = tracking.putArray("revision_history").addObject();
        revision.put("date", date);
        revision.put("number", "1");
        revision.put("summary", "Written by Mamori.");
        ObjectNode generator = tracking.putObject("generator");
        generator.putObject("engine").put("name", "Mamori");

        Map<String, Statement> products = new TreeMap<>();
        statements.forEach(s -> products.putIfAbsent(productId(s), s));
        ArrayNode names = root.putObject("product_tree").putArray("full_product_names");
        for (Map.Entry<String, Statement> p : products.entrySet()) {
            ObjectNode product = names.addObject();
            product.put("name", productName(p.getValue()));
            product.put("product_id", p.getKey());
            p.getValue().pkg().ifPresent(pkg -> {
                ObjectNode helper = product.putObject("product_identification_helper");
                if (pkg.name().startsWith("pkg:")) {
                    helper.put("purl", pkg.name());
                } else {
                    helper.put("cpe", pkg.name());
                }
            });
        }
        Map<String, List<Statement>> byVulnerability = new TreeMap<>();
        statements.forEach(s -> byVulnerability
                .computeIfAbsent(s.vulnerability(), k -> new ArrayList<>())
                .add(s));
        ArrayNode vulns = root.putArray("vulnerabilities");
        for (Map.Entry<String, List<Statement>> v : byVulnerability.entrySet()) {
            ObjectNode vuln = vulns.addObject();
            if (v.getKey().matches("CVE-\\d{4}-\\d{4,}")) {
                vuln.put("cve", v.getKey());
            } else {
                ObjectNode other = vuln.putArray("ids").addObject();
                other.put("system_name", "advisory");
                other.put("text", v.getKey());
            }
            Map<String, List<String>> byStatus = new TreeMap<>();
            for (Statement s : v.getValue()) {
                List<String> ids = byStatus.computeIfAbsent(s.status(), k -> new ArrayList<>());
                if (!ids.contains(productId(s))) {
                    ids.add(productId(s));
                }
            }
            ObjectNode status = vuln.putObject("product_status");
            byStatus.forEach((k, ids) -> {
                ArrayNode list = status.putArray(k);
                ids.stream().sorted().forEach(list::add);
            });
            ArrayNode flags = JSON.createArrayNode();
            ArrayNode threats = JSON.createArrayNode();
            ArrayNode remediations = JSON.createArrayNode();
            for (Statement s : v.getValue()) {
                if (s.status().equals("known_not_affected")) {
                    if (s.justification().isPresent()) {
                        ObjectNode flag = flags.addObject();
                        flag.put("label", s.justification().get().replace('-', '_'));
                        flag.putArray("product_ids").add(productId(s));
                    }
                    ObjectNode threat = threats.addObject();
                    threat.put("category", "impact");
                    threat.put("details", s.detail().isBlank() ? "Not affected." : s.detail());
                    threat.putArray("product_ids").add(productId(s));
                } else if (s.status().equals("known_affected")) {
                    ObjectNode remediation = remediations.addObject();
                    remediation.put("category", s.fixed().isPresent() ? "vendor_fix" : "none_available");
                    remediation.put(
                            "details",
                            s.fixed()
                                    .map(f -> "Update "
                                            + s.pkg()
                                                    .map(InstalledPackage::shortName)
                                                    .orElse("it") + " to " + f + " or later.")
                                    .orElse(
                                            "No fixed version is listed; keep the product out of reach until one ships."));
                    remediation.putArray("product_ids").add(productId(s));
                }
            }
            if (!flags.isEmpty()) {
                vuln.set("flags", flags);
            }
            if (!remediations.isEmpty()) {
                vuln.set("remediations", remediations);
            }
            if (!threats.isEmpty()) {
                vuln.set("threats", threats);
            }
        }
        return write(root);
    }

    private static final Map<String, String> CYCLONEDX_JUSTIFICATION = Map.of(
            "component-not-present", "code_not_present",
            "vulnerable-code-not-present", "code_not_present",
            "vulnerable-code-not-in-execute-path", "code_not_reachable",
            "vulnerable-code-cannot-be-controlled-by-adversary", "requires_environment",
            "inline-mitigations-already-exist", "protected_by_mitigating_control");

    /** A CycloneDX 1.5 VEX document of {@code statements}. */
    public static String cyclonedx(List<Statement> statements, Publisher publisher, String id, LocalDate today) {
        ObjectNode root = JSON.createObjectNode();
        root.put("bomFormat", "CycloneDX");
        root.put("specVersion", "1.5");
        root.put("serialNumber", "urn:uuid:" + StableIds.uuid("cyclonedx-vex:" + id));
        root.put("version", 1);
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("timestamp", today + "T00:00:00Z");
        metadata.putObject("supplier").put("name", publisher.name());
        Map<String, Statement> components = new TreeMap<>();
        statements.forEach(s -> components.putIfAbsent(productId(s), s));
        ArrayNode list = root.putArray("components");
        for (Map.Entry<String, Statement> c : components.entrySet()) {
            ObjectNode component = list.addObject();
            Statement s = c.getValue();
            component.put("type", s.pkg().isPresent() ? "library" : "device");
            component.put("bom-ref", c.getKey());
            component.put(
                    "name",
                    s.pkg()
                            .map(InstalledPackage::shortName)
                            .orElse(s.component().name()));
            s.pkg().ifPresent(p -> {
                component.put("version", p.version());
                if (p.name().startsWith("pkg:")) {
                    component.put("purl", p.name());
                } else {
                    component.put("cpe", p.name());
                }
            });
            component.put(
                    "description",
                    "in " + s.component().name() + " (" + s.component().id() + ")");
        }
        Map<String, List<Statement>> byKey = new TreeMap<>();
        statements.forEach(s -> byKey.computeIfAbsent(s.vulnerability() + " " + s.status(), k -> new ArrayList<>())
                .add(s));
        ArrayNode vulns = root.putArray("vulnerabilities");
        for (List<Statement> group : byKey.values()) {
            Statement first = group.get(0);
            ObjectNode v = vulns.addObject();
            v.put("bom-ref", "vex-" + first.vulnerability() + "-" + first.status());
            v.put("id", first.vulnerability());
            if (first.vulnerability().startsWith("CVE-")) {
                ObjectNode source = v.putObject("source");
                source.put("name", "NVD");
                source.put("url", "https://nvd.nist.gov/vuln/detail/" + first.vulnerability());
            }
            ObjectNode analysis = v.putObject("analysis");
            analysis.put(
                    "state",
                    switch (first.status()) {
                        case "known_not_affected" -> "not_affected";
                        case "fixed" -> "resolved";
                        default -> "exploitable";
                    });
            first.justification().map(CYCLONEDX_JUSTIFICATION::get).ifPresent(j -> analysis.put("justification", j));
            if (first.status().equals("known_affected")) {
                analysis.putArray("response").add(first.fixed().isPresent() ? "update" : "workaround_available");
            }
            if (!first.detail().isBlank()) {
                analysis.put("detail", first.detail());
            }
            ArrayNode affects = v.putArray("affects");
            group.stream()
                    .map(VexDocuments::productId)
                    .distinct()
                    .sorted()
                    .forEach(ref -> affects.addObject().put("ref", ref));
        }
        return write(root);
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always writes", e);
        }
    }

    /** The status words of the model's treatments that make a statement. */
    public static boolean states(TreatmentStatus status) {
        return status == TreatmentStatus.NOT_APPLICABLE
                || status == TreatmentStatus.FALSE_POSITIVE
                || status == TreatmentStatus.MITIGATED;
    }
}
