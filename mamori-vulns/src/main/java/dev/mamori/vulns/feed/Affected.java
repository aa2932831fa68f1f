package dev.mamori.vulns.feed;

import dev.mamori.vulns.version.VersionRange;
import java.util.Optional;
import java.util.Set;

/**
 * A product an advisory affects, and the versions.
 *
 * @param product the product key ({@link dev.mamori.vulns.sbom.ProductKey})
 * @param range the affected versions
 * @param fixed the first version that is no longer affected, when the source says
 * @param platform what the product must be installed on or with to be affected, when the source
 *     says (a CSAF relationship: a firmware installed on a device)
 */
public record Affected(String product, VersionRange range, Optional<String> fixed, Optional<Platform> platform) {

    /** A product affected wherever it runs. */
    public Affected(String product, VersionRange range, Optional<String> fixed) {
        this(product, range, fixed, Optional.empty());
    }

    /**
     * The platform of a CSAF relationship ({@code installed_on}, {@code default_component_of}, …).
     * A component is affected when it runs the platform (in the range, when one is given); when it
     * runs none of the platforms the document relates the product to, it is affected too, since
     * which one it runs is not known and a flaw is reported rather than missed; it is not affected
     * when it runs another of them.
     *
     * @param product the platform's product key
     * @param range the platform's versions, when the document names them
     * @param related every platform the document relates the same product to, this one included
     */
    public record Platform(String product, Optional<VersionRange> range, Set<String> related) {

        public Platform {
            related = Set.copyOf(related);
        }
    }
}
