package dev.mamori.server.revision;

import dev.mamori.server.ApiError;
import dev.mamori.server.account.Principal;
import dev.mamori.server.db.Transactions;
import dev.mamori.server.landscape.FileNames;
import dev.mamori.server.landscape.Landscapes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one stakeholder may read of a landscape: its own systems whole; of the others only what
 * touches it — findings that concern it, systemic paths that end in its systems (the other side's
 * internal hops summarised as "N hops inside system X"), and of the others' revisions only that
 * they happened. Every read goes through here, so every endpoint enforces the same rule.
 */
public final class Views {

    /** The most findings one page holds. */
    public static final int MAX_PAGE = 500;

    private final Transactions tx;
    private final Landscapes landscapes;

    /** A count of findings: which revision, read as whom, from what severity, open ones only. */
    private record CountKey(long revision, String stakeholder, int minimumRank, boolean openOnly) {}

    /**
     * How many findings each recent (revision, stakeholder, filter) holds. A revision's findings
     * never change (the database refuses it), so a count stays true; counting a large revision's
     * findings was a third of a page's time, for every page. Bounded, least recently used out.
     */
    private final Map<CountKey, Long> counts =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<CountKey, Long> eldest) {
                    return size() > 4096;
                }
            });

    public Views(Transactions tx, Landscapes landscapes) {
        this.tx = tx;
        this.landscapes = landscapes;
    }

    /** The stakeholder a request reads as: the one named, which the caller must belong to. */
    public Viewer viewer(Principal who, String landscapeId, Optional<String> stakeholder) {
        Landscapes.Info info = landscapes.visible(who, landscapeId);
        List<String> mine = who.memberships().stream()
                .filter(m -> m.landscape().equals(info.id()))
                .map(Principal.Membership::stakeholder)
                .distinct()
                .toList();
        String as;
        if (stakeholder.isPresent()) {
            as = stakeholder.get();
        } else if (mine.size() == 1) {
            as = mine.get(0);
        } else {
            throw ApiError.badRequest(
                    "name the stakeholder you read as: ?stakeholder=ID (yours: " + String.join(", ", mine) + ")");
        }
        if (!who.memberOf(info.id(), as)) {
            throw ApiError.forbidden("you read only as a stakeholder you belong to");
        }
        return new Viewer(info, as);
    }

    /** A landscape read as one stakeholder. */
    public record Viewer(Landscapes.Info landscape, String stakeholder) {}

    public List<Map<String, Object>> revisions(Viewer v) {
        return tx.run(c -> {
            List<Map<String, Object>> list = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT number, stakeholder, author, message, content_hash,"
                    + " created_at, kind FROM revision WHERE landscape_id = ? ORDER BY number DESC")) {
                q.setString(1, v.landscape().id());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> r = new LinkedHashMap<>();
                        r.put("revision", rs.getInt(1));
                        r.put("stakeholder", rs.getString(2));
                        r.put(
                                "created",
                                rs.getObject(6, OffsetDateTime.class)
                                        .toInstant()
                                        .toString());
                        r.put("contentHash", rs.getString(5));
                        r.put("kind", rs.getString(7));
                        // Who changed what, and why, is the stakeholder's own business; a
                        // re-assessment is no one's.
                        if (rs.getString(2).equals(v.stakeholder())
                                || rs.getString(7).equals("reassess")) {
                            r.put("author", rs.getString(3));
                            r.put("message", rs.getString(4));
                        }
                        list.add(r);
                    }
                }
            }
            return list;
        });
    }

    /** The revision read: the one numbered, else the latest. */
    private static long revisionId(Connection c, Viewer v, Optional<Integer> number) throws SQLException {
        if (number.isEmpty()) {
            return Revisions.latest(c, v.landscape().id())
                    .orElseThrow(() -> ApiError.notFound("the landscape has no revision yet"));
        }
        try (PreparedStatement q =
                c.prepareStatement("SELECT id FROM revision WHERE landscape_id = ? AND number = ?")) {
            q.setString(1, v.landscape().id());
            q.setInt(2, number.get());
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw ApiError.notFound("no revision " + number.get());
                }
                return rs.getLong(1);
            }
        }
    }

    /**
     * The findings the stakeholder may see in a revision, most severe first, a page at a time.
     *
     * @param severity only findings at least this severe, when given
     */
    public Map<String, Object> findings(
            Viewer v,
            Optional<Integer> revision,
            Optional<Integer> minimumRank,
            boolean openOnly,
            int offset,
            int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw ApiError.badRequest("offset is 0 or more and limit 1 to " + MAX_PAGE);
        }
        return tx.run(c -> {
            long id = revisionId(c, v, revision);
            String where = " WHERE revision_id = ? AND ? = ANY (stakeholders) AND severity_rank >= ?"
                    + (openOnly ? " AND open" : "");
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("revision", number(c, id));
            page.put("stakeholder", v.stakeholder());
            CountKey key = new CountKey(id, v.stakeholder(), minimumRank.orElse(0), openOnly);
            Long total = counts.get(key);
            if (total == null) {
                try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM finding" + where)) {
                    bind(count, id, v.stakeholder(), minimumRank.orElse(0));
                    try (ResultSet rs = count.executeQuery()) {
                        rs.next();
                        total = rs.getLong(1);
                    }
                }
                counts.put(key, total);
            }
            page.put("total", total);
            page.put("offset", offset);
            List<Map<String, Object>> items = new ArrayList<>();
            // The page is chosen on the index (revision, severity, seq, with the stakeholders and
            // open flag in it) and only its bodies are read: sorting whole rows, bodies and all,
            // made a page of a large revision take a second.
            try (PreparedStatement q = c.prepareStatement("SELECT f.body FROM (SELECT seq, severity_rank FROM finding"
                    + where + " ORDER BY severity_rank DESC, seq OFFSET ? LIMIT ?) k JOIN finding f ON"
                    + " f.revision_id = ? AND f.seq = k.seq ORDER BY k.severity_rank DESC, k.seq")) {
                bind(q, id, v.stakeholder(), minimumRank.orElse(0));
                q.setInt(4, offset);
                q.setInt(5, limit);
                q.setLong(6, id);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        items.add(Json.object(rs.getString(1)));
                    }
                }
            }
            page.put("findings", items);
            return page;
        });
    }

    private static void bind(PreparedStatement q, long id, String stakeholder, int rank) throws SQLException {
        q.setLong(1, id);
        q.setString(2, stakeholder);
        q.setInt(3, rank);
    }

    private static int number(Connection c, long id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT number FROM revision WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The systemic paths that end in the stakeholder's systems, others' internals summarised. */
    public Map<String, Object> paths(Viewer v, Optional<Integer> revision) {
        return tx.run(c -> {
            long id = revisionId(c, v, revision);
            Map<String, String> owners = new TreeMap<>();
            try (PreparedStatement q =
                    c.prepareStatement("SELECT system_id, owner FROM revision_system WHERE revision_id = ?")) {
                q.setLong(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        owners.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            List<Map<String, Object>> paths = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT target, target_system, entry, probability, hops"
                    + " FROM systemic_path WHERE revision_id = ? ORDER BY seq")) {
                q.setLong(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        String targetSystem = rs.getString(2);
                        if (!v.stakeholder().equals(owners.get(targetSystem))) {
                            continue;
                        }
                        Map<String, Object> p = new LinkedHashMap<>();
                        p.put("target", rs.getString(1));
                        p.put("targetSystem", targetSystem);
                        p.put("entry", Redaction.entry(rs.getString(3), owners, v.stakeholder()));
                        p.put("probability", rs.getDouble(4));
                        p.put("hops", Redaction.hops(Json.list(rs.getString(5)), owners, v.stakeholder()));
                        paths.add(p);
                    }
                }
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("revision", number(c, id));
            answer.put("stakeholder", v.stakeholder());
            answer.put("paths", paths);
            return answer;
        });
    }

    /** One of the stakeholder's own files as of a revision. */
    public Map<String, Object> file(Viewer v, String path, Optional<Integer> revision) {
        FileNames.checkedName(path);
        return tx.run(c -> {
            long id = revisionId(c, v, revision);
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT stakeholder, sha256, content FROM revision_file WHERE revision_id = ? AND path = ?")) {
                q.setLong(1, id);
                q.setString(2, path);
                try (ResultSet rs = q.executeQuery()) {
                    // Another's file is as absent as a file that does not exist.
                    if (!rs.next() || !rs.getString(1).equals(v.stakeholder())) {
                        throw ApiError.notFound("no file " + path + " of " + v.stakeholder());
                    }
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("revision", number(c, id));
                    f.put("path", path);
                    f.put("sha256", rs.getString(2));
                    f.put("content", new String(rs.getBytes(3), StandardCharsets.UTF_8));
                    return f;
                }
            }
        });
    }
}
