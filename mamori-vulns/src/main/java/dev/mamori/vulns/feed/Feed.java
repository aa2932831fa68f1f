package dev.mamori.vulns.feed;

import java.util.List;
import java.util.Optional;

/**
 * What one file of vulnerability data holds, in Mamori's terms.
 *
 * @param kind its format
 * @param file where it came from
 * @param date the date the source gives for its data (catalog release, score date, document date), if any
 */
public record Feed(
        FeedKind kind,
        String file,
        Optional<String> date,
        List<Advisory> advisories,
        List<Exploited> exploited,
        List<Epss> epss,
        List<VexStatement> vex) {

    public Feed {
        advisories = List.copyOf(advisories);
        exploited = List.copyOf(exploited);
        epss = List.copyOf(epss);
        vex = List.copyOf(vex);
    }

    /** How many records it holds. */
    public int size() {
        return advisories.size() + exploited.size() + epss.size() + vex.size();
    }
}
