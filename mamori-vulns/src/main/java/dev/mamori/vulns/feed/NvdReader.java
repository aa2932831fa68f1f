package dev.mamori.vulns.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.vulns.sbom.ProductKey;
import dev.mamori.vulns.version.VersionRange;
import dev.mamori.vulns.version.VersionRange.Constraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * NVD's CVE API 2.0 JSON: each CVE with its description, its CVSS vector (v4.0, else v3.1, v3.0,
 * v2) and the vulnerable CPE matches of its configurations with their version bounds. A match
 * that holds only together with another (a firmware on one hardware model) is read on its own:
 * Mamori may report a vulnerability on a platform where it cannot be used, never miss one.
 */
final class NvdReader {

    private NvdReader() {}

    private static final List<String> METRICS =
            List.of("cvssMetricV40", "cvssMetricV31", "cvssMetricV30", "cvssMetricV2");

    static Feed read(String file, JsonNode root) throws FeedReader.BadFeed {
        List<Advisory> out = new ArrayList<>();
        for (JsonNode item : root.path("vulnerabilities")) {
            JsonNode cve = item.path("cve");
            String id = cve.path("id").asText("");
            if (id.isEmpty()) {
                throw new FeedReader.BadFeed(file + ": a CVE of NVD's list has no \"id\"");
            }
            String summary = id;
            for (JsonNode d : cve.path("descriptions")) {
                if (d.path("lang").asText("").equals("en")) {
                    summary = d.path("value").asText(id);
                    break;
                }
            }
            Optional<String> cvss = Optional.empty();
            for (String metric : METRICS) {
                JsonNode m = cve.path("metrics")
                        .path(metric)
                        .path(0)
                        .path("cvssData")
                        .path("vectorString");
                if (m.isTextual()) {
                    cvss = Optional.of(metric.equals("cvssMetricV2") ? m.asText() : m.asText());
                    break;
                }
            }
            List<Affected> affected = new ArrayList<>();
            for (JsonNode config : cve.path("configurations")) {
                for (JsonNode node : config.path("nodes")) {
                    if (node.path("negate").asBoolean(false)) {
                        continue;
                    }
                    for (JsonNode match : node.path("cpeMatch")) {
                        if (match.path("vulnerable").asBoolean(false)) {
                            affected(match).ifPresent(affected::add);
                        }
                    }
                }
            }
            out.add(new Advisory(id, List.of(), file, OsvReader.firstLine(summary), cvss, affected));
        }
        return new Feed(FeedKind.NVD, file, FeedReader.text(root, "timestamp"), out, List.of(), List.of(), List.of());
    }

    private static Optional<Affected> affected(JsonNode match) {
        ProductKey key;
        try {
            key = ProductKey.ofCpe(match.path("criteria").asText(""));
        } catch (ProductKey.BadName e) {
            return Optional.empty();
        }
        List<Constraint> c = new ArrayList<>();
        FeedReader.text(match, "versionStartIncluding").ifPresent(v -> c.add(new Constraint(">=", v)));
        FeedReader.text(match, "versionStartExcluding").ifPresent(v -> c.add(new Constraint(">", v)));
        Optional<String> endExcluding = FeedReader.text(match, "versionEndExcluding");
        endExcluding.ifPresent(v -> c.add(new Constraint("<", v)));
        FeedReader.text(match, "versionEndIncluding").ifPresent(v -> c.add(new Constraint("<=", v)));
        if (c.isEmpty()) {
            return Optional.of(new Affected(
                    key.key(),
                    key.version()
                            .map(v -> VersionRange.of("generic", List.of(new Constraint("=", v))))
                            .orElse(VersionRange.everything("generic")),
                    Optional.empty()));
        }
        return Optional.of(new Affected(key.key(), VersionRange.of("generic", c), endExcluding));
    }
}
