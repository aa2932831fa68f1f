package dev.mamori.vulns.sbom;

import dev.mamori.model.diagnostics.SourceLocation;

/**
 * A package a component runs, from its {@code software} entries or its bill of materials.
 *
 * @param product what advisories are matched on
 * @param version the version it runs
 * @param name how it is shown: the purl or CPE as written
 * @param at where it is declared: the software entry, or the line of the bill of materials
 */
public record InstalledPackage(ProductKey product, String version, String name, SourceLocation at) {}
