package dev.mamori.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.mamori.server.ApiError;
import dev.mamori.server.http.Router;
import dev.mamori.server.web.PageData.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The findings of a stakeholder's revision: filtered in the database (severity, property, layer,
 * rule, status, words), a page at a time, each opening to why it fired and the model's line that
 * made it. The visibility rule is the API's: a finding is shown to the stakeholders it was stored
 * as concerning.
 */
final class FindingPages {

    static final int PAGE = 50;

    /** How many lines of the model a finding's page shows on either side of its line. */
    static final int CONTEXT = 60;

    static final List<String> PROPERTIES = List.of("S", "C", "I", "A");
    static final List<String> LAYERS = List.of("device", "network", "platform", "service");

    /** A finding's status: open, or what its treatment decided (the model's words). */
    static final List<String> STATUSES = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of("open"),
                    java.util.Arrays.stream(dev.mamori.model.Scales.TreatmentStatus.values())
                            .map(dev.mamori.model.Words::of))
            .toList();

    /** A severity's rank as stored with each finding (its place in the engine's scale). */
    static final Map<String, Integer> SEVERITY_RANKS = java.util.Arrays.stream(dev.mamori.engine.risk.Severity.values())
            .collect(java.util.stream.Collectors.toMap(
                    dev.mamori.engine.risk.Severity::word, dev.mamori.engine.risk.Severity::ordinal));

    private final Pages pages;

    FindingPages(Pages pages) {
        this.pages = pages;
    }

    WebResponse serve(WebRequest r, LandscapePages.Context c, List<String> rest) {
        if (rest.size() == 1) {
            return list(r, c);
        }
        if (rest.size() == 3) {
            int revision;
            int seq;
            try {
                revision = Integer.parseInt(rest.get(1));
                seq = Integer.parseInt(rest.get(2));
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("a finding is named by two numbers: revision and place");
            }
            return one(c, revision, seq);
        }
        return pages.error(404, "there is no such page");
    }

    /** The filters as given, each checked against what it may be (so nothing odd reaches the query). */
    record Filter(String severity, String property, String layer, String rule, String status, String text) {
        String query(int page) {
            StringBuilder q = new StringBuilder();
            add(q, "severity", severity);
            add(q, "property", property);
            add(q, "layer", layer);
            add(q, "rule", rule);
            add(q, "status", status);
            add(q, "q", text);
            if (page > 1) {
                add(q, "page", String.valueOf(page));
            }
            return q.length() == 0 ? "" : "?" + q.substring(1);
        }

        private static void add(StringBuilder q, String name, String value) {
            if (!value.isEmpty()) {
                q.append('&').append(name).append('=').append(Pages.encode(value));
            }
        }
    }

    private static String choice(WebRequest r, String name, List<String> allowed) {
        String v = r.query(name).orElse("");
        if (!v.isEmpty() && !allowed.contains(v)) {
            throw ApiError.badRequest(name + " is one of " + String.join(", ", allowed));
        }
        return v;
    }

    private WebResponse list(WebRequest r, LandscapePages.Context c) {
        Snapshots.Revision revision = pages.snapshots.revision(c.viewer(), Optional.empty());
        String text = r.query("q").orElse("").strip();
        if (text.length() > 200) {
            throw ApiError.badRequest("a search is at most 200 characters");
        }
        String rule = r.query("rule").orElse("");
        if (rule.length() > 100) {
            throw ApiError.badRequest("a rule id is at most 100 characters");
        }
        Filter filter = new Filter(
                choice(r, "severity", LandscapePages.SEVERITIES),
                choice(r, "property", PROPERTIES),
                choice(r, "layer", LAYERS),
                rule,
                choice(r, "status", STATUSES),
                text);
        int page;
        try {
            page = Integer.parseInt(r.query("page").orElse("1"));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("page is a whole number");
        }
        if (page < 1 || page > 1_000_000) {
            throw ApiError.badRequest("page is 1 or more");
        }
        int offset = (page - 1) * PAGE;
        List<PageData.FindingRow> rows = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        long total = pages.services.transactions().run(conn -> {
            distinct(conn, "rule", revision.id(), c.stakeholder(), rules);
            List<Object> args = new ArrayList<>();
            String where = where(filter, revision.id(), c.stakeholder(), args);
            long count;
            try (PreparedStatement q = conn.prepareStatement("SELECT count(*) FROM finding" + where)) {
                bind(q, args);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
            }
            try (PreparedStatement q = conn.prepareStatement(
                    "SELECT seq, body FROM finding" + where + " ORDER BY severity_rank DESC, seq OFFSET ? LIMIT ?")) {
                bind(q, args);
                q.setInt(args.size() + 1, offset);
                q.setInt(args.size() + 2, PAGE);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(c, revision.number(), rs.getInt(1), object(rs.getString(2))));
                    }
                }
            }
            return count;
        });
        int pagesCount = (int) Math.max(1, (total + PAGE - 1) / PAGE);
        String base = c.base() + "findings";
        PageData.FindingsPage data = new PageData.FindingsPage(
                revision.number(),
                total,
                page,
                pagesCount,
                rows,
                options(LandscapePages.SEVERITIES, filter.severity()),
                options(PROPERTIES, filter.property()),
                options(LAYERS, filter.layer()),
                options(rules, filter.rule()),
                options(STATUSES, filter.status()),
                filter.text(),
                page > 1 ? base + filter.query(page - 1) : "",
                page < pagesCount ? base + filter.query(page + 1) : "");
        return pages.page(200, "findings.jte", new LandscapePages(pages).layout(c, "Findings", "findings"), data);
    }

    private static List<Option> options(List<String> values, String selected) {
        return values.stream().map(v -> new Option(v, v, v.equals(selected))).toList();
    }

    private static void distinct(Connection c, String expression, long revision, String stakeholder, List<String> into)
            throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT " + expression
                + " FROM finding WHERE revision_id = ? AND ? = ANY (stakeholders) ORDER BY 1")) {
            q.setLong(1, revision);
            q.setString(2, stakeholder);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1) != null) {
                        into.add(rs.getString(1));
                    }
                }
            }
        }
    }

    /**
     * The WHERE clause of the filter; every value is a bound parameter, never text in the SQL.
     * Severity, rule, property, layer and status are columns the page index carries (written with
     * each finding), so a filtered page and its count are read from the index; words are looked for
     * in the finding's words column (rule, title, element and explanation, lower case).
     */
    private static String where(Filter f, long revision, String stakeholder, List<Object> args) {
        StringBuilder w = new StringBuilder(" WHERE revision_id = ? AND ? = ANY (stakeholders)");
        args.add(revision);
        args.add(stakeholder);
        if (!f.severity().isEmpty()) {
            // The index is ordered by rank: the rank, not the word, lets it skip to that severity.
            w.append(" AND severity_rank = ?");
            args.add(SEVERITY_RANKS.get(f.severity()));
        }
        if (!f.property().isEmpty()) {
            w.append(" AND strpos(properties, ?) > 0");
            args.add(f.property());
        }
        if (!f.layer().isEmpty()) {
            w.append(" AND layer = ?");
            args.add(f.layer());
        }
        if (!f.rule().isEmpty()) {
            w.append(" AND rule = ?");
            args.add(f.rule());
        }
        if (!f.status().isEmpty()) {
            w.append(" AND status = ?");
            args.add(f.status());
        }
        if (!f.text().isEmpty()) {
            w.append(" AND strpos(words, ?) > 0");
            args.add(f.text().toLowerCase(java.util.Locale.ROOT));
        }
        return w.toString();
    }

    private static void bind(PreparedStatement q, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Long l) {
                q.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                q.setInt(i + 1, n);
            } else {
                q.setString(i + 1, (String) a);
            }
        }
    }

    private static PageData.FindingRow row(LandscapePages.Context c, int revision, int seq, Map<String, Object> f) {
        Map<?, ?> location = f.get("location") instanceof Map<?, ?> m ? m : Map.of();
        return new PageData.FindingRow(
                c.base() + "findings/" + revision + "/" + seq,
                text(f, "severity"),
                text(f, "rule"),
                text(f, "title"),
                text(f, "element"),
                text(f, "system"),
                text(f, "layer"),
                f.get("properties") instanceof List<?> l
                        ? String.join("", l.stream().map(String::valueOf).toList())
                        : "",
                text(f, "status"),
                location.isEmpty() ? "" : location.get("file") + ":" + location.get("line"));
    }

    static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : String.valueOf(v);
    }

    /** One finding: why, score, fix, and the model's file with the line highlighted when the file is the stakeholder's. */
    private WebResponse one(LandscapePages.Context c, int revisionNumber, int seq) {
        Snapshots.Revision revision = pages.snapshots.revision(c.viewer(), Optional.of(revisionNumber));
        boolean maintains = LandscapePages.has(c, dev.mamori.server.account.Role.MAINTAINER);
        String[] owner = {""};
        Map<String, Object> f = pages.services.transactions().run(conn -> {
            Map<String, Object> found;
            try (PreparedStatement q = conn.prepareStatement(
                    "SELECT body FROM finding WHERE revision_id = ? AND seq = ? AND ? = ANY (stakeholders)")) {
                q.setLong(1, revision.id());
                q.setInt(2, seq);
                q.setString(3, c.stakeholder());
                try (ResultSet rs = q.executeQuery()) {
                    // Another's finding is as absent as one that does not exist.
                    if (!rs.next()) {
                        throw ApiError.notFound("no finding " + revisionNumber + "/" + seq + " of " + c.stakeholder());
                    }
                    found = object(rs.getString(1));
                }
            }
            if (maintains) {
                // Whose maintainers treat it: the owner of the element, as the treatments' service decides.
                try {
                    owner[0] = dev.mamori.server.treatment.Treatments.ownerOfFinding(
                            conn, revision.id(), text(found, "rule"), text(found, "element"));
                } catch (ApiError e) {
                    owner[0] = "";
                }
            }
            return found;
        });
        String treat = maintains && owner[0].equals(c.stakeholder())
                ? c.base() + "treatments?rule=" + Pages.encode(text(f, "rule")) + "&element="
                        + Pages.encode(text(f, "element")) + "&title=" + Pages.encode(text(f, "title")) + "#decide"
                : "";
        Map<?, ?> location = f.get("location") instanceof Map<?, ?> m ? m : Map.of();
        String file = text(location, "file");
        int line = location.get("line") instanceof Number n ? n.intValue() : 0;
        Optional<List<PageData.SourceLine>> source = Optional.empty();
        String note;
        try {
            Map<String, Object> content = pages.services.views().file(c.viewer(), file, Optional.of(revisionNumber));
            List<PageData.SourceLine> all = lines(String.valueOf(content.get("content")), line);
            // A window around the line: a model file may have hundreds of thousands of lines.
            int from = Math.max(0, line - 1 - CONTEXT);
            int to = Math.min(all.size(), Math.max(line, 1) + CONTEXT);
            source = Optional.of(all.subList(Math.min(from, to), to));
            note = from == 0 && to == all.size() ? "" : "Lines " + (from + 1) + " to " + to + " of " + all.size() + ".";
        } catch (ApiError e) {
            note = "The file " + file + " is another stakeholder's: its text is not shown to you.";
        }
        Map<?, ?> likelihood = f.get("likelihood") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> impact = f.get("impact") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> treatment = f.get("treatment") instanceof Map<?, ?> m ? m : Map.of();
        List<String> mitigations = f.get("mitigations") instanceof List<?> l
                ? l.stream().map(String::valueOf).toList()
                : List.of();
        List<String> references = f.get("references") instanceof List<?> l
                ? l.stream()
                        .map(o ->
                                o instanceof Map<?, ?> m ? text(m, "scheme") + " " + text(m, "id") : String.valueOf(o))
                        .toList()
                : List.of();
        PageData.FindingPage data = new PageData.FindingPage(
                revisionNumber,
                text(f, "severity"),
                text(f, "rule"),
                text(f, "title"),
                text(f, "element"),
                text(f, "elementKind"),
                text(f, "system"),
                text(f, "layer"),
                f.get("properties") instanceof List<?> l
                        ? String.join(", ", l.stream().map(String::valueOf).toList())
                        : "",
                text(f, "status"),
                file,
                line,
                text(f, "explanation"),
                text(likelihood, "level") + " of 5: " + text(likelihood, "reason"),
                text(impact, "level") + " of 5: " + text(impact, "reason"),
                text(f, "scoring"),
                mitigations,
                text(f, "rootCause"),
                treatment.isEmpty()
                        ? ""
                        : text(treatment, "status")
                                + (treatment.get("by") == null ? "" : " by " + text(treatment, "by")) + ": "
                                + text(treatment, "reason")
                                + (treatment.get("until") == null ? "" : " (until " + text(treatment, "until") + ")"),
                references,
                source,
                note,
                c.base() + "findings",
                treat);
        return pages.page(
                200,
                "finding.jte",
                new LandscapePages(pages).layout(c, text(f, "rule") + " on " + text(f, "element"), "findings"),
                data);
    }

    static List<PageData.SourceLine> lines(String content, int hit) {
        List<PageData.SourceLine> lines = new ArrayList<>();
        int n = 0;
        for (String l : content.split("\n", -1)) {
            n++;
            lines.add(new PageData.SourceLine(n, l.replace("\r", ""), n == hit));
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).text().isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** A finding as stored: the JSON assessment's form. */
    static Map<String, Object> object(String json) {
        try {
            return Router.json().readValue(json, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored finding is not JSON", e);
        }
    }
}
