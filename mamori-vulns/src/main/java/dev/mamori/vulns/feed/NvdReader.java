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
 * v2) and the vulnerable CPE matches of its configurations with their version bounds. In a
 * configuration whose nodes must all hold ({@code "operator": "AND"}), the CPEs that are not
 * vulnerable themselves are the platforms the vulnerable ones must run on (a firmware on one
 * hardware model): each vulnerable match is then affected on each of them, as a CSAF relationship
 * is ({@link Affected.Platform}).
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
                List<Affected> vulnerable = new ArrayList<>();
                List<Affected> platforms = new ArrayList<>();
                boolean all = config.path("operator").asText("OR").equals("AND");
                for (JsonNode node : config.path("nodes")) {
                    if (node.path("negate").asBoolean(false)) {
                        continue;
                    }
                    for (JsonNode match : node.path("cpeMatch")) {
                        boolean isVulnerable = match.path("vulnerable").asBoolean(false);
                        affected(match).ifPresent(isVulnerable ? vulnerable::add : platforms::add);
                    }
                }
                affected.addAll(all ? onPlatforms(vulnerable, platforms) : vulnerable);
            }
            out.add(new Advisory(id, List.of(), file, OsvReader.firstLine(summary), cvss, affected));
        }
        return new Feed(FeedKind.NVD, file, FeedReader.text(root, "timestamp"), out, List.of(), List.of(), List.of());
    }

    // Beyond this many pairs of a vulnerable CPE and a platform, a configuration is read as if
    // each vulnerable CPE held alone: reported more widely rather than multiplied.
    private static final int MAX_PAIRS = 256;

    /** Each vulnerable match on each platform of its configuration; alone when there are none. */
    private static List<Affected> onPlatforms(List<Affected> vulnerable, List<Affected> platforms) {
        if (platforms.isEmpty() || vulnerable.size() * platforms.size() > MAX_PAIRS) {
            return vulnerable;
        }
        java.util.Set<String> related = new java.util.TreeSet<>();
        platforms.forEach(p -> related.add(p.product()));
        List<Affected> out = new ArrayList<>();
        for (Affected v : vulnerable) {
            for (Affected p : platforms) {
                Optional<VersionRange> range = p.range().all() ? Optional.empty() : Optional.of(p.range());
                out.add(new Affected(
                        v.product(),
                        v.range(),
                        v.fixed(),
                        Optional.of(new Affected.Platform(p.product(), range, related))));
            }
        }
        return out;
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
