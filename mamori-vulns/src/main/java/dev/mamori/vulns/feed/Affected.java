package dev.mamori.vulns.feed;

import dev.mamori.vulns.version.VersionRange;
import java.util.Optional;

/**
 * A product an advisory affects, and the versions.
 *
 * @param product the product key ({@link dev.mamori.vulns.sbom.ProductKey})
 * @param range the affected versions
 * @param fixed the first version that is no longer affected, when the source says
 */
public record Affected(String product, VersionRange range, Optional<String> fixed) {}
