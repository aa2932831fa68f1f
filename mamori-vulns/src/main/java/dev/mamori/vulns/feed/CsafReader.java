package dev.mamori.vulns.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.vulns.sbom.ProductKey;
import dev.mamori.vulns.version.VersionRange;
import dev.mamori.vulns.version.VersionRange.Constraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CSAF 2.0 advisories (security advisories and VEX documents alike): the product tree gives each
 * product id a purl or CPE and a version or a version range ({@code vers}); each vulnerability's
 * product status says which are affected (an advisory), which are fixed, and which are not affected
 * and why (VEX statements, with the flags' justification).
 */
final class CsafReader {

    private CsafReader() {}

    /** A product of the tree: its key and its version or range. */
    private record Product(String key, Optional<String> version, Optional<VersionRange> range) {}

    static Feed read(String file, JsonNode root) throws FeedReader.BadFeed {
        String version = root.path("document").path("csaf_version").asText("");
        if (!version.equals("2.0")) {
            throw new FeedReader.BadFeed(file + ": Mamori reads CSAF 2.0; this document is CSAF " + version);
        }
        Map<String, Product> products = new HashMap<>();
        JsonNode tree = root.path("product_tree");
        branches(tree.path("branches"), Optional.empty(), Optional.empty(), products);
        for (JsonNode p : tree.path("full_product_names")) {
            product(p, Optional.empty(), Optional.empty(), products);
        }
        String date = root.path("document")
                .path("tracking")
                .path("current_release_date")
                .asText("");
        String docId = root.path("document").path("tracking").path("id").asText(file);
        List<Advisory> advisories = new ArrayList<>();
        List<VexStatement> vex = new ArrayList<>();
        for (JsonNode v : root.path("vulnerabilities")) {
            String cve = v.path("cve").asText("");
            List<String> ids = new ArrayList<>();
            v.path("ids").forEach(i -> ids.add(i.path("text").asText()));
            String id = !cve.isEmpty() ? cve : !ids.isEmpty() ? ids.get(0) : docId;
            List<String> aliases = new ArrayList<>(ids);
            aliases.remove(id);
            if (!docId.equals(id)) {
                aliases.add(docId);
            }
            Optional<String> cvss = Optional.empty();
            for (JsonNode s : v.path("scores")) {
                for (String field : List.of("cvss_v3", "cvss_v2")) {
                    JsonNode vector = s.path(field).path("vectorString");
                    if (vector.isTextual() && cvss.isEmpty()) {
                        cvss = Optional.of(vector.asText());
                    }
                }
            }
            JsonNode status = v.path("product_status");
            Map<String, String> fixedVersionByKey = new HashMap<>();
            for (String field : List.of("fixed", "first_fixed")) {
                for (JsonNode pid : status.path(field)) {
                    Product p = products.get(pid.asText());
                    if (p != null && p.version().isPresent()) {
                        fixedVersionByKey.putIfAbsent(p.key(), p.version().get());
                    }
                }
            }
            List<Affected> affected = new ArrayList<>();
            for (String field : List.of("known_affected", "first_affected", "last_affected")) {
                for (JsonNode pid : status.path(field)) {
                    Product p = products.get(pid.asText());
                    if (p == null) {
                        continue;
                    }
                    VersionRange range = p.range()
                            .or(() -> p.version()
                                    .map(ver -> VersionRange.of("generic", List.of(new Constraint("=", ver)))))
                            .orElse(VersionRange.everything("generic"));
                    affected.add(new Affected(p.key(), range, Optional.ofNullable(fixedVersionByKey.get(p.key()))));
                }
            }
            Map<String, String> flagOf = new HashMap<>();
            for (JsonNode flag : v.path("flags")) {
                for (JsonNode pid : flag.path("product_ids")) {
                    flagOf.put(pid.asText(), flag.path("label").asText("").replace('_', '-'));
                }
            }
            statements(
                    status,
                    "known_not_affected",
                    VexStatement.Status.NOT_AFFECTED,
                    id,
                    products,
                    flagOf,
                    file,
                    date,
                    vex);
            statements(status, "fixed", VexStatement.Status.FIXED, id, products, flagOf, file, date, vex);
            statements(
                    status,
                    "under_investigation",
                    VexStatement.Status.UNDER_INVESTIGATION,
                    id,
                    products,
                    flagOf,
                    file,
                    date,
                    vex);
            String title =
                    v.path("title").asText(root.path("document").path("title").asText(id));
            if (!affected.isEmpty()) {
                advisories.add(new Advisory(id, aliases, file, OsvReader.firstLine(title), cvss, affected));
            }
        }
        return new Feed(
                FeedKind.CSAF,
                file,
                date.isEmpty() ? Optional.empty() : Optional.of(date),
                advisories,
                List.of(),
                List.of(),
                vex);
    }

    private static void statements(
            JsonNode status,
            String field,
            VexStatement.Status kind,
            String id,
            Map<String, Product> products,
            Map<String, String> flagOf,
            String file,
            String date,
            List<VexStatement> out) {
        for (JsonNode pid : status.path(field)) {
            Product p = products.get(pid.asText());
            if (p != null && p.range().isEmpty()) {
                out.add(new VexStatement(
                        id, p.key(), p.version(), kind, Optional.ofNullable(flagOf.get(pid.asText())), file, date));
            }
        }
    }

    /** Walks the branches; a product_version or product_version_range branch gives its leaves their versions. */
    private static void branches(
            JsonNode branches, Optional<String> version, Optional<VersionRange> range, Map<String, Product> out) {
        for (JsonNode b : branches) {
            String category = b.path("category").asText("");
            Optional<String> v = version;
            Optional<VersionRange> r = range;
            if (category.equals("product_version")) {
                v = Optional.of(b.path("name").asText());
            } else if (category.equals("product_version_range")) {
                String name = b.path("name").asText();
                try {
                    r = Optional.of(VersionRange.parse(name));
                } catch (VersionRange.BadRange e) {
                    r = Optional.empty(); // a 'vls' range or free text: not read, the product is skipped below
                    if (b.has("product")) {
                        continue;
                    }
                }
            }
            if (b.has("product")) {
                product(b.path("product"), v, r, out);
            }
            branches(b.path("branches"), v, r, out);
        }
    }

    private static void product(
            JsonNode p, Optional<String> version, Optional<VersionRange> range, Map<String, Product> out) {
        String id = p.path("product_id").asText("");
        JsonNode helper = p.path("product_identification_helper");
        try {
            ProductKey key;
            if (helper.hasNonNull("purl")) {
                key = ProductKey.ofPurl(helper.path("purl").asText());
            } else if (helper.hasNonNull("cpe")) {
                key = ProductKey.ofCpe(helper.path("cpe").asText());
            } else {
                return; // a product named only in words cannot be matched to a package
            }
            Optional<String> v = key.version().or(() -> version);
            out.put(id, new Product(key.key(), v, v.isPresent() ? Optional.empty() : range));
        } catch (ProductKey.BadName e) {
            // a malformed helper: the product cannot be matched
        }
    }
}
