package dev.mamori.vulns.feed;

import java.util.Optional;

/**
 * What a supplier or operator states about one vulnerability in one product (CycloneDX VEX, CSAF
 * VEX, OpenVEX): affected, not affected (with why), fixed, or under investigation.
 *
 * @param product the product key; a statement without a version covers every version
 * @param version the version it is about, if it names one
 * @param justification why it is not affected, in CSAF's words (component-not-present, …)
 * @param source the document it came from
 * @param timestamp when the document was issued (ISO-8601), to tell the later of two statements
 */
public record VexStatement(
        String vulnerability,
        String product,
        Optional<String> version,
        Status status,
        Optional<String> justification,
        String source,
        String timestamp) {

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
