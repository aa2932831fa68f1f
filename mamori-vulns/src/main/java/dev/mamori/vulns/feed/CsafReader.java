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
 * product id a purl or CPE and a version or a version range ({@code vers}, or CSAF's "vers-like"
 * {@code vls}: the constraints alone, read in the product's own scheme); its relationships make
 * new products of two (a firmware installed on a device), affected only on that platform; each
 * vulnerability's product status says which are affected (an advisory), which are fixed, and which
 * are not affected and why (VEX statements, with the flags' justification).
 */
final class CsafReader {

    private CsafReader() {}

    /** A product of the tree: its key and its version or range, and the platform of a relationship. */
    private record Product(
            String key, Optional<String> version, Optional<VersionRange> range, Optional<Affected.Platform> platform) {

        Product(String key, Optional<String> version, Optional<VersionRange> range) {
            this(key, version, range, Optional.empty());
        }
    }

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
        relationships(tree.path("relationships"), products);
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
                    affected.add(new Affected(
                            p.key(), range, Optional.ofNullable(fixedVersionByKey.get(p.key())), p.platform()));
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
            // A statement on a combination (a firmware on one device) keeps its platform, so that it
            // holds only where the component runs that device.
            if (p != null) {
                out.add(new VexStatement(
                        id,
                        p.key(),
                        p.version(),
                        p.range(),
                        kind,
                        Optional.ofNullable(flagOf.get(pid.asText())),
                        file,
                        date,
                        p.platform()));
            }
        }
    }

    /** Walks the branches; a product_version or product_version_range branch gives its leaves their versions. */
    private static void branches(
            JsonNode branches, Optional<String> version, Optional<String> range, Map<String, Product> out) {
        for (JsonNode b : branches) {
            String category = b.path("category").asText("");
            Optional<String> v = version;
            Optional<String> r = range;
            if (category.equals("product_version")) {
                v = Optional.of(b.path("name").asText());
            } else if (category.equals("product_version_range")) {
                r = Optional.of(b.path("name").asText());
            }
            if (b.has("product")) {
                product(b.path("product"), v, r, out);
            }
            branches(b.path("branches"), v, r, out);
        }
    }

    /**
     * The range a product_version_range branch names: {@code vers} as it is, or CSAF's "vers-like"
     * form (the constraints alone, {@code <4.2|>=8.1.5}) in the scheme of the product's purl type,
     * or the generic scheme for a CPE. Empty when it is neither: free text cannot be matched.
     */
    static Optional<VersionRange> range(String name, String ecosystem) {
        String text = name.strip();
        try {
            if (text.toLowerCase(java.util.Locale.ROOT).startsWith("vers:")) {
                return Optional.of(VersionRange.parse(text));
            }
            if (text.isEmpty()) {
                return Optional.empty();
            }
            String scheme = ecosystem.equals("cpe") ? "generic" : ecosystem;
            // A vls constraint is a comparator and a version, without spaces: "all versions before
            // 4.2" is prose, not a range.
            for (String part : text.split("\\|", -1)) {
                if (part.isBlank() || part.strip().chars().anyMatch(Character::isWhitespace)) {
                    return Optional.empty();
                }
            }
            return Optional.of(VersionRange.parse("vers:" + scheme + "/" + text));
        } catch (VersionRange.BadRange e) {
            return Optional.empty();
        }
    }

    /**
     * The products of the tree's relationships: the product referenced first (a firmware), on the
     * platform it relates to (a device), under the relationship's own product id.
     */
    private static void relationships(JsonNode relationships, Map<String, Product> products) {
        Map<String, java.util.Set<String>> platformsOf = new HashMap<>();
        for (JsonNode r : relationships) {
            Product first = products.get(r.path("product_reference").asText(""));
            Product platform =
                    products.get(r.path("relates_to_product_reference").asText(""));
            if (first != null && platform != null) {
                platformsOf
                        .computeIfAbsent(first.key(), k -> new java.util.TreeSet<>())
                        .add(platform.key());
            }
        }
        for (JsonNode r : relationships) {
            String id = r.path("full_product_name").path("product_id").asText("");
            Product first = products.get(r.path("product_reference").asText(""));
            if (id.isEmpty() || first == null) {
                continue; // a product named in words only cannot be matched to a package
            }
            Product platform =
                    products.get(r.path("relates_to_product_reference").asText(""));
            // A platform named in words only cannot be checked: the product is affected wherever it runs.
            Optional<Affected.Platform> on = Optional.ofNullable(platform)
                    .map(p -> new Affected.Platform(
                            p.key(),
                            p.range()
                                    .or(() -> p.version()
                                            .map(v -> VersionRange.of("generic", List.of(new Constraint("=", v))))),
                            platformsOf.get(first.key())));
            products.put(id, new Product(first.key(), first.version(), first.range(), on));
        }
    }

    private static void product(
            JsonNode p, Optional<String> version, Optional<String> range, Map<String, Product> out) {
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
            if (v.isEmpty() && range.isPresent()) {
                Optional<VersionRange> r = range(range.get(), key.ecosystem());
                if (r.isEmpty()) {
                    return; // a range in free text: the product cannot be matched
                }
                out.put(id, new Product(key.key(), v, r));
            } else {
                out.put(id, new Product(key.key(), v, Optional.empty()));
            }
        } catch (ProductKey.BadName e) {
            // a malformed helper: the product cannot be matched
        }
    }
}
