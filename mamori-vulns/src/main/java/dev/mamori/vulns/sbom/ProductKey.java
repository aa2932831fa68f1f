package dev.mamori.vulns.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Locale;
import java.util.Optional;

/**
 * What advisories are matched on, without the version: a package URL's type, namespace and name
 * ({@code purl:npm/lodash}), or a CPE's part, vendor and product ({@code cpe:o:fortinet:fortios}).
 * Both the packages a component runs and the products an advisory names are reduced to this key.
 *
 * @param key the key, compared as written
 * @param ecosystem the purl type or "cpe", which selects how versions are ordered
 * @param version the version the name carried, if any
 */
public record ProductKey(String key, String ecosystem, Optional<String> version) {

    /** Thrown for a name that is not a package URL or a CPE; the message says why, for the user. */
    public static final class BadName extends IllegalArgumentException {
        BadName(String message) {
            super(message);
        }
    }

    /** The key of a package URL, parsed by the reference library. */
    public static ProductKey ofPurl(String text) {
        try {
            PackageURL purl = new PackageURL(text.strip());
            String type = purl.getType().toLowerCase(Locale.ROOT);
            String name = purl.getName();
            if (type.equals("pypi")) {
                name = name.toLowerCase(Locale.ROOT).replace('_', '-').replace('.', '-');
            } else if (!type.equals("maven") && !type.equals("golang")) {
                name = name.toLowerCase(Locale.ROOT);
            }
            String namespace =
                    purl.getNamespace() == null ? "" : purl.getNamespace().toLowerCase(Locale.ROOT) + "/";
            return new ProductKey(
                    "purl:" + type + "/" + namespace + name, type, Optional.ofNullable(purl.getVersion()));
        } catch (MalformedPackageURLException | RuntimeException e) {
            throw new BadName("'" + text + "' is not a valid package URL: " + e.getMessage());
        }
    }

    /** The key of a CPE 2.3 formatted string ({@code cpe:2.3:o:vendor:product:version:…}) or a CPE 2.2 URI. */
    public static ProductKey ofCpe(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        String[] parts;
        if (s.startsWith("cpe:2.3:")) {
            parts = s.split("(?<!\\\\):", -1);
            if (parts.length != 13) {
                throw new BadName("'" + text + "' is not a CPE 2.3 name: it has " + parts.length
                        + " parts separated by ':', not 13");
            }
            parts = java.util.Arrays.copyOfRange(parts, 2, parts.length);
        } else if (s.startsWith("cpe:/")) {
            parts = s.substring(5).split(":", -1);
        } else {
            throw new BadName("'" + text + "' is not a CPE name: it starts with cpe:2.3: (or cpe:/ in CPE 2.2)");
        }
        if (parts.length < 3 || !parts[0].matches("[aoh*]") || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new BadName("'" + text + "' is not a CPE name: its part is a, o or h, and it names a vendor and a"
                    + " product");
        }
        Optional<String> version =
                parts.length > 3 && !parts[3].isEmpty() && !parts[3].equals("*") && !parts[3].equals("-")
                        ? Optional.of(parts[3].replace("\\", ""))
                        : Optional.empty();
        return new ProductKey("cpe:" + parts[0] + ":" + parts[1] + ":" + parts[2], "cpe", version);
    }

    /** The key of a name that is either, by its prefix. */
    public static ProductKey of(String text) {
        return text.strip().startsWith("cpe:") ? ofCpe(text) : ofPurl(text);
    }
}
