package dev.mamori.vulns.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.vulns.sbom.ProductKey;
import dev.mamori.vulns.version.VersionRange;
import dev.mamori.vulns.version.VersionRange.Constraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * OSV records (ossf.github.io/osv-schema): each affected package, by its purl or by its ecosystem
 * and name, with its SEMVER or ECOSYSTEM ranges read as intervals between introduced and fixed (or
 * last_affected, or limit) events, and its explicit versions. GIT ranges name commits, not
 * versions, and are left out.
 */
final class OsvReader {

    private OsvReader() {}

    static List<Advisory> read(String file, JsonNode osv) throws FeedReader.BadFeed {
        String id = osv.path("id").asText("");
        if (id.isEmpty()) {
            throw new FeedReader.BadFeed(file + ": an OSV record has an \"id\"; this one has none");
        }
        List<String> aliases = new ArrayList<>();
        osv.path("aliases").forEach(a -> aliases.add(a.asText()));
        Optional<String> cvss = Optional.empty();
        for (JsonNode s : osv.path("severity")) {
            if (s.path("type").asText("").startsWith("CVSS") && cvss.isEmpty()) {
                cvss = Optional.of(s.path("score").asText());
            }
        }
        String summary = FeedReader.text(osv, "summary")
                .orElse(FeedReader.text(osv, "details").orElse(id));
        List<Affected> affected = new ArrayList<>();
        for (JsonNode a : osv.path("affected")) {
            JsonNode pkg = a.path("package");
            String ecosystem = pkg.path("ecosystem").asText("");
            Optional<ProductKey> key = key(pkg, ecosystem);
            if (key.isEmpty()) {
                continue;
            }
            String scheme = ecosystem.isEmpty() ? key.get().ecosystem() : ecosystem;
            for (JsonNode range : a.path("ranges")) {
                String type = range.path("type").asText("");
                if (!type.equals("SEMVER") && !type.equals("ECOSYSTEM")) {
                    continue;
                }
                intervals(key.get().key(), type.equals("SEMVER") ? "semver" : scheme, range.path("events"), affected);
            }
            List<Constraint> exact = new ArrayList<>();
            a.path("versions").forEach(v -> exact.add(new Constraint("=", v.asText())));
            if (!exact.isEmpty()) {
                affected.add(new Affected(key.get().key(), VersionRange.of(scheme, exact), Optional.empty()));
            }
        }
        return List.of(new Advisory(id, aliases, file, firstLine(summary), cvss, affected));
    }

    private static void intervals(String product, String scheme, JsonNode events, List<Affected> out) {
        String introduced = null;
        for (JsonNode e : events) {
            if (e.has("introduced")) {
                introduced = e.path("introduced").asText();
            } else if (introduced != null && (e.has("fixed") || e.has("last_affected") || e.has("limit"))) {
                String op = e.has("last_affected") ? "<=" : "<";
                String bound = e.has("fixed")
                        ? e.path("fixed").asText()
                        : e.has("last_affected")
                                ? e.path("last_affected").asText()
                                : e.path("limit").asText();
                List<Constraint> c = new ArrayList<>();
                if (!introduced.equals("0")) {
                    c.add(new Constraint(">=", introduced));
                }
                c.add(new Constraint(op, bound));
                out.add(new Affected(
                        product, VersionRange.of(scheme, c), e.has("fixed") ? Optional.of(bound) : Optional.empty()));
                introduced = null;
            }
        }
        if (introduced != null) {
            out.add(new Affected(
                    product,
                    introduced.equals("0")
                            ? VersionRange.everything(scheme)
                            : VersionRange.of(scheme, List.of(new Constraint(">=", introduced))),
                    Optional.empty()));
        }
    }

    /** The product key of an OSV package: its purl, else one made from its ecosystem and name. */
    private static Optional<ProductKey> key(JsonNode pkg, String ecosystem) {
        try {
            if (pkg.hasNonNull("purl")) {
                return Optional.of(ProductKey.ofPurl(pkg.path("purl").asText()));
            }
            String name = pkg.path("name").asText("");
            if (name.isEmpty()) {
                return Optional.empty();
            }
            String eco = ecosystem.contains(":") ? ecosystem.substring(0, ecosystem.indexOf(':')) : ecosystem;
            String purl = switch (eco.toLowerCase(Locale.ROOT)) {
                case "npm" -> "pkg:npm/" + name.replace("@", "%40");
                case "pypi" -> "pkg:pypi/" + name;
                case "maven" -> "pkg:maven/" + name.replace(':', '/');
                case "go" -> "pkg:golang/" + name;
                case "crates.io" -> "pkg:cargo/" + name;
                case "rubygems" -> "pkg:gem/" + name;
                case "nuget" -> "pkg:nuget/" + name;
                case "packagist" -> "pkg:composer/" + name;
                case "debian" -> "pkg:deb/debian/" + name;
                case "ubuntu" -> "pkg:deb/ubuntu/" + name;
                case "alpine" -> "pkg:apk/alpine/" + name;
                case "hex" -> "pkg:hex/" + name;
                case "pub" -> "pkg:pub/" + name;
                default -> "pkg:generic/" + name;
            };
            return Optional.of(ProductKey.ofPurl(purl));
        } catch (ProductKey.BadName e) {
            return Optional.empty();
        }
    }

    static String firstLine(String s) {
        String line = s.strip();
        int nl = line.indexOf('\n');
        line = nl < 0 ? line : line.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 199) + "…" : line;
    }
}
