package dev.mamori.vulns.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.vulns.sbom.ProductKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CycloneDX VEX (JSON) and OpenVEX documents, as statements per vulnerability and product. */
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

    static Feed cyclonedx(String file, JsonNode root) throws FeedReader.BadFeed {
        Map<String, String> purlOfRef = new HashMap<>();
        collectRefs(root.path("metadata").path("component"), purlOfRef);
        for (JsonNode c : root.path("components")) {
            collectRefs(c, purlOfRef);
        }
        String date = root.path("metadata").path("timestamp").asText("");
        List<VexStatement> out = new ArrayList<>();
        for (JsonNode v : root.path("vulnerabilities")) {
            String id = v.path("id").asText("");
            JsonNode analysis = v.path("analysis");
            if (id.isEmpty() || !analysis.has("state")) {
                continue;
            }
            VexStatement.Status status = switch (analysis.path("state").asText()) {
                case "not_affected", "false_positive" -> VexStatement.Status.NOT_AFFECTED;
                case "resolved", "resolved_with_pedigree" -> VexStatement.Status.FIXED;
                case "exploitable" -> VexStatement.Status.AFFECTED;
                default -> VexStatement.Status.UNDER_INVESTIGATION;
            };
            Optional<String> justification = Optional.ofNullable(
                    CYCLONEDX_JUSTIFICATION.get(analysis.path("justification").asText("")));
            for (JsonNode affects : v.path("affects")) {
                String ref = affects.path("ref").asText("");
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
