package dev.mamori.vulns.sbom;

import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.vulns.version.VersionScheme;
import java.util.List;

/**
 * A package a component runs, from its {@code software} entries or its bill of materials.
 *
 * @param product what advisories are matched on: its package URL, else its CPE
 * @param aliases other names it is matched on too: the CPE of a package that also has a package URL
 * @param version the version it runs
 * @param name how it is shown: the purl or CPE as written
 * @param at where it is declared: the software entry, or the line of the bill of materials
 * @param versionKey derived, not chosen: the version's {@link VersionScheme#releaseKey} in the
 *     scheme of the product's ecosystem, or -1, read once here so that matching does not read the
 *     version's text again; whatever is given is replaced by what {@code product} and {@code
 *     version} say
 */
public record InstalledPackage(
        ProductKey product, List<ProductKey> aliases, String version, String name, SourceLocation at, long versionKey) {

    public InstalledPackage {
        aliases = List.copyOf(aliases);
        versionKey = VersionScheme.of(product.ecosystem()).releaseKey(version);
    }

    public InstalledPackage(
            ProductKey product, List<ProductKey> aliases, String version, String name, SourceLocation at) {
        this(product, aliases, version, name, at, -1);
    }

    /** Every name it is matched on, its own first. */
    public List<ProductKey> names() {
        List<ProductKey> all = new java.util.ArrayList<>();
        all.add(product);
        all.addAll(aliases);
        return all;
    }

    /** Its name without the version: the purl's type, namespace and name, or the CPE's vendor and product. */
    public String shortName() {
        if (name.startsWith("pkg:")) {
            String noVersion = name.replaceFirst("[@?#].*$", "");
            return noVersion;
        }
        String[] parts = name.split(":");
        return parts.length > 4 && name.startsWith("cpe:2.3:") ? parts[3] + " " + parts[4] : name;
    }
}
