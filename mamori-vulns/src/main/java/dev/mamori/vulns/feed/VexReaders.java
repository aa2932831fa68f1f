package dev.mamori.vulns.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.vulns.sbom.ProductKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.cyclonedx.parsers.BomParserFactory;

/** CycloneDX VEX (JSON and XML) and OpenVEX documents, as statements per vulnerability and product. */
final class VexReaders {

    private VexReaders() {}

    /** CycloneDX's justifications in CSAF's words, which the model and the other formats use. */
    private static final Map<String, String> CYCLONEDX_JUSTIFICATION = Map.of(
            "code_not_present", "vulnerable-code-not-present",
            "code_not_reachable", "vulnerable-code-not-in-execute-path",
            "requires_configuration", "vulnerable-code-cannot-be-controlled-by-adversary",
            "requires_dependency", "component-not-present",
            "requires_environment", "vulnerable-code-cannot-be-controlled-by-adversary",
            "protected_by_compiler", "inline-mitigations-already-exist",
            "protected_at_runtime", "inline-mitigations-already-exist",
            "protected_at_perimeter", "inline-mitigations-already-exist",
            "protected_by_mitigating_control", "inline-mitigations-already-exist");

    /** One CycloneDX vulnerability's analysis, as the JSON and XML documents both give it. */
    private record Analysed(String id, String state, String justification, List<String> refs) {}

    static Feed cyclonedx(String file, JsonNode root) throws FeedReader.BadFeed {
        Map<String, String> purlOfRef = new HashMap<>();
        collectRefs(root.path("metadata").path("component"), purlOfRef);
        for (JsonNode c : root.path("components")) {
            collectRefs(c, purlOfRef);
        }
        String date = root.path("metadata").path("timestamp").asText("");
        List<Analysed> analysed = new ArrayList<>();
        for (JsonNode v : root.path("vulnerabilities")) {
            JsonNode analysis = v.path("analysis");
            List<String> refs = new ArrayList<>();
            v.path("affects").forEach(a -> refs.add(a.path("ref").asText("")));
            if (analysis.has("state")) {
                analysed.add(new Analysed(
                        v.path("id").asText(""),
                        analysis.path("state").asText(),
                        analysis.path("justification").asText(""),
                        refs));
            }
        }
        return cyclonedx(file, date, purlOfRef, analysed);
    }

    /**
     * CycloneDX VEX in XML, read by CycloneDX's own library (as bills of materials are): the same
     * analyses as in JSON, with the states and justifications written in XML's words.
     */
    static Feed cyclonedxXml(String file, byte[] bytes) throws FeedReader.BadFeed {
        Bom bom;
        try {
            bom = BomParserFactory.createParser(bytes).parse(bytes);
        } catch (ParseException | RuntimeException e) {
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new FeedReader.BadFeed(file + " is not a readable CycloneDX document: " + message);
        }
        Map<String, String> purlOfRef = new HashMap<>();
        if (bom.getMetadata() != null && bom.getMetadata().getComponent() != null) {
            collectRefs(bom.getMetadata().getComponent(), purlOfRef);
        }
        if (bom.getComponents() != null) {
            bom.getComponents().forEach(c -> collectRefs(c, purlOfRef));
        }
        String date = bom.getMetadata() != null && bom.getMetadata().getTimestamp() != null
                ? bom.getMetadata().getTimestamp().toInstant().toString()
                : "";
        List<Analysed> analysed = new ArrayList<>();
        if (bom.getVulnerabilities() != null) {
            for (Vulnerability v : bom.getVulnerabilities()) {
                Vulnerability.Analysis analysis = v.getAnalysis();
                if (analysis == null || analysis.getState() == null) {
                    continue;
                }
                List<String> refs = new ArrayList<>();
                if (v.getAffects() != null) {
                    v.getAffects().forEach(a -> refs.add(a.getRef() == null ? "" : a.getRef()));
                }
                analysed.add(new Analysed(
                        v.getId() == null ? "" : v.getId(),
                        analysis.getState().name().toLowerCase(Locale.ROOT),
                        analysis.getJustification() == null
                                ? ""
                                : analysis.getJustification().name().toLowerCase(Locale.ROOT),
                        refs));
            }
        }
        return cyclonedx(file, date, purlOfRef, analysed);
    }

    private static Feed cyclonedx(String file, String date, Map<String, String> purlOfRef, List<Analysed> analysed)
            throws FeedReader.BadFeed {
        List<VexStatement> out = new ArrayList<>();
        for (Analysed v : analysed) {
            String id = v.id();
            if (id.isEmpty()) {
                continue;
            }
            VexStatement.Status status = switch (v.state()) {
                case "not_affected", "false_positive" -> VexStatement.Status.NOT_AFFECTED;
                case "resolved", "resolved_with_pedigree" -> VexStatement.Status.FIXED;
                case "exploitable" -> VexStatement.Status.AFFECTED;
                default -> VexStatement.Status.UNDER_INVESTIGATION;
            };
            Optional<String> justification = Optional.ofNullable(CYCLONEDX_JUSTIFICATION.get(v.justification()));
            for (String ref : v.refs()) {
                String name = purlOfRef.getOrDefault(ref, ref);
                try {
                    ProductKey key = ProductKey.of(name);
                    out.add(new VexStatement(id, key.key(), key.version(), status, justification, file, date));
                } catch (ProductKey.BadName e) {
                    throw new FeedReader.BadFeed(file + ": " + id + " affects '" + ref
                            + "', which is neither a component of the document with a purl nor a purl");
                }
            }
        }
        return new Feed(
                FeedKind.CYCLONEDX_VEX,
                file,
                date.isEmpty() ? Optional.empty() : Optional.of(date),
                List.of(),
                List.of(),
                List.of(),
                out);
    }

    private static void collectRefs(Component component, Map<String, String> out) {
        String name = component.getPurl() != null ? component.getPurl() : component.getCpe();
        if (component.getBomRef() != null && name != null && !name.isEmpty()) {
            out.put(component.getBomRef(), name);
        }
        if (component.getComponents() != null) {
            component.getComponents().forEach(c -> collectRefs(c, out));
        }
    }

    private static void collectRefs(JsonNode component, Map<String, String> out) {
        String ref = component.path("bom-ref").asText("");
        String name = component.path("purl").asText(component.path("cpe").asText(""));
        if (!ref.isEmpty() && !name.isEmpty()) {
            out.put(ref, name);
        }
        for (JsonNode child : component.path("components")) {
            collectRefs(child, out);
        }
    }

    static Feed openvex(String file, JsonNode root) throws FeedReader.BadFeed {
        String date = root.path("timestamp").asText("");
        List<VexStatement> out = new ArrayList<>();
        for (JsonNode s : root.path("statements")) {
            JsonNode vuln = s.path("vulnerability");
            String id = vuln.isTextual() ? vuln.asText() : vuln.path("name").asText("");
            VexStatement.Status status = switch (s.path("status").asText("")) {
                case "not_affected" -> VexStatement.Status.NOT_AFFECTED;
                case "fixed" -> VexStatement.Status.FIXED;
                case "affected" -> VexStatement.Status.AFFECTED;
                case "under_investigation" -> VexStatement.Status.UNDER_INVESTIGATION;
                default ->
                    throw new FeedReader.BadFeed(file + ": " + id + " has status '"
                            + s.path("status").asText("")
                            + "'; OpenVEX says not_affected, affected, fixed or under_investigation");
            };
            Optional<String> justification = FeedReader.text(s, "justification").map(j -> j.replace('_', '-'));
            String when = s.path("timestamp").asText(date);
            for (JsonNode p : s.path("products")) {
                String name = p.isTextual() ? p.asText() : p.path("@id").asText("");
                try {
                    ProductKey key = ProductKey.of(name);
                    out.add(new VexStatement(id, key.key(), key.version(), status, justification, file, when));
                } catch (ProductKey.BadName e) {
                    throw new FeedReader.BadFeed(file + ": a statement on " + id + " names the product '" + name
                            + "', which is not a purl or a CPE");
                }
            }
        }
        return new Feed(
                FeedKind.OPENVEX,
                file,
                date.isEmpty() ? Optional.empty() : Optional.of(date),
                List.of(),
                List.of(),
                List.of(),
                out);
    }
}
