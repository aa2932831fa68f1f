package dev.mamori.vulns.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** CISA's Known Exploited Vulnerabilities catalog, in its JSON form. */
final class KevReader {

    private KevReader() {}

    static Feed read(String file, JsonNode root) throws FeedReader.BadFeed {
        List<Exploited> out = new ArrayList<>();
        int i = 0;
        for (JsonNode v : root.path("vulnerabilities")) {
            String cve = v.path("cveID").asText("");
            if (!cve.startsWith("CVE-")) {
                throw new FeedReader.BadFeed(file + ": entry " + i + " of the catalog has no \"cveID\"");
            }
            out.add(new Exploited(
                    cve,
                    v.path("vulnerabilityName").asText(cve),
                    date(file, v, "dateAdded")
                            .orElseThrow(() -> new FeedReader.BadFeed(file + ": " + cve + " has no \"dateAdded\"")),
                    date(file, v, "dueDate"),
                    v.path("knownRansomwareCampaignUse").asText("").equalsIgnoreCase("Known"),
                    v.path("requiredAction").asText("")));
            i++;
        }
        return new Feed(
                FeedKind.KEV, file, FeedReader.text(root, "dateReleased"), List.of(), out, List.of(), List.of());
    }

    private static Optional<LocalDate> date(String file, JsonNode v, String field) throws FeedReader.BadFeed {
        Optional<String> text = FeedReader.text(v, field);
        try {
            return text.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw new FeedReader.BadFeed(file + ": \"" + field + "\" of "
                    + v.path("cveID").asText() + " is not a date (YYYY-MM-DD): " + text.orElse(""));
        }
    }
}
