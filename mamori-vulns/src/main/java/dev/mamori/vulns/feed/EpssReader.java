package dev.mamori.vulns.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * EPSS scores as FIRST publishes them: a comment line with the model version and score date,
 * then {@code cve,epss,percentile}.
 */
final class EpssReader {

    private EpssReader() {}

    static Feed read(String file, String text) throws FeedReader.BadFeed {
        List<Epss> out = new ArrayList<>();
        Optional<String> date = Optional.empty();
        String[] lines = text.split("\r?\n");
        boolean header = false;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                int at = line.indexOf("score_date:");
                if (at >= 0) {
                    String d = line.substring(at + "score_date:".length());
                    date = Optional.of(d.length() >= 10 ? d.substring(0, 10) : d);
                }
                continue;
            }
            if (!header) {
                if (!line.toLowerCase(java.util.Locale.ROOT).startsWith("cve,epss")) {
                    throw new FeedReader.BadFeed(
                            file + ":" + (n + 1) + ": EPSS scores start with the header" + " cve,epss,percentile");
                }
                header = true;
                continue;
            }
            String[] cells = line.split(",", -1);
            try {
                if (cells.length < 2) {
                    throw new NumberFormatException("too few cells");
                }
                double score = Double.parseDouble(cells[1]);
                double percentile = cells.length > 2 ? Double.parseDouble(cells[2]) : 0;
                if (score < 0 || score > 1 || percentile < 0 || percentile > 1) {
                    throw new NumberFormatException("outside 0..1");
                }
                out.add(new Epss(cells[0].strip(), score, percentile));
            } catch (NumberFormatException e) {
                throw new FeedReader.BadFeed(file + ":" + (n + 1) + ": expected cve,epss,percentile with scores"
                        + " between 0 and 1, found '" + line + "'");
            }
        }
        return new Feed(FeedKind.EPSS, file, date, List.of(), List.of(), out, List.of());
    }
}
