package dev.mamori.vulns.feed;

import java.util.List;
import java.util.Optional;

/**
 * One vulnerability as one source describes it: its id and aliases, what it affects, how bad it is.
 *
 * @param id the source's id (CVE-…, GHSA-…, a vendor's advisory id)
 * @param aliases other ids of the same vulnerability (a CVE for a GHSA, …)
 * @param source the file it came from
 * @param summary one line about it, in the source's words
 * @param cvss the CVSS vector the source gives, if any (v2, v3.x or v4.0)
 * @param affected the products and version ranges it affects
 */
public record Advisory(
        String id,
        List<String> aliases,
        String source,
        String summary,
        Optional<String> cvss,
        List<Affected> affected) {

    public Advisory {
        aliases = List.copyOf(aliases);
        affected = List.copyOf(affected);
    }

    /** The id findings use: the first CVE among the id and aliases, else the id. */
    public String cve() {
        if (id.startsWith("CVE-")) {
            return id;
        }
        for (String alias : aliases) {
            if (alias.startsWith("CVE-")) {
                return alias;
            }
        }
        return id;
    }
}
