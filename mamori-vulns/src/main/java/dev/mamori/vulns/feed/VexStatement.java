package dev.mamori.vulns.feed;

import dev.mamori.vulns.version.VersionRange;
import java.util.Optional;

/**
 * What a supplier or operator states about one vulnerability in one product (CycloneDX VEX, CSAF
 * VEX, OpenVEX): affected, not affected (with why), fixed, or under investigation.
 *
 * @param product the product key; a statement without a version covers every version
 * @param version the version it is about, if it names one
 * @param range the versions it is about, if it names a range rather than one version (a CSAF
 *     product_version_range)
 * @param justification why it is not affected, in CSAF's words (component-not-present, …)
 * @param source the document it came from
 * @param timestamp when the document was issued (ISO-8601), to tell the later of two statements
 * @param platform what the product must be installed on for the statement to hold, when the source
 *     says (a CSAF relationship: "firmware 3.1 installed on the GC-20 is not affected" says nothing
 *     of the same firmware on another device)
 */
public record VexStatement(
        String vulnerability,
        String product,
        Optional<String> version,
        Optional<VersionRange> range,
        Status status,
        Optional<String> justification,
        String source,
        String timestamp,
        Optional<Affected.Platform> platform) {

    /** A statement on the product wherever it runs. */
    public VexStatement(
            String vulnerability,
            String product,
            Optional<String> version,
            Status status,
            Optional<String> justification,
            String source,
            String timestamp) {
        this(
                vulnerability,
                product,
                version,
                Optional.empty(),
                status,
                justification,
                source,
                timestamp,
                Optional.empty());
    }

    /** Whether it is about some versions only: one version or a range. */
    public boolean namesVersions() {
        return version.isPresent() || range.isPresent();
    }

    /** The status of a product for a vulnerability. */
    public enum Status {
        AFFECTED,
        NOT_AFFECTED,
        FIXED,
        UNDER_INVESTIGATION;

        /** Whether the product needs no action for it. */
        public boolean clears() {
            return this == NOT_AFFECTED || this == FIXED;
        }
    }
}
