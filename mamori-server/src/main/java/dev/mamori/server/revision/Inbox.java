package dev.mamori.server.revision;

import dev.mamori.server.ApiError;
import dev.mamori.server.db.Transactions;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a revision changed for the stakeholders other than the one that made it: paths into their
 * systems that opened or closed, findings on their elements that opened or closed, missions they
 * take part in that an attacker can now stop or no longer can. Worked out when the revision is
 * written, by comparing it with the one before, cut to what each reader may see, kept in its inbox
 * and queued for its webhooks in the same transaction.
 */
public final class Inbox {

    /** The most items one page of the inbox holds. */
    public static final int MAX_PAGE = 500;

    private final Transactions tx;

    public Inbox(Transactions tx) {
        this.tx = tx;
    }

    record Seen(boolean open, Set<String> touched, String severity, String system) {}

    private record PathSeen(String target, String targetSystem, String entry, double probability, String hops) {}

    private record MissionSeen(String name, Set<String> stakeholders, boolean stoppable) {}

    /**
     * Records the inbox items revision {@code revision} makes, compared with {@code previous}.
     * Nothing is told for a landscape's first revision: it is where everyone starts.
     *
     * @param causedBy the stakeholder whose push or treatment made the revision; empty for a
     *     re-assessment, which tells every stakeholder concerned
     * @return the items per stakeholder
     */
    static Map<String, List<Map<String, Object>>> record(
            Connection c,
            String landscape,
            Optional<Long> previous,
            long revision,
            Map<String, Seen> after,
            int number,
            Optional<String> causedBy,
            Instant now)
            throws SQLException {
        Map<String, List<Map<String, Object>>> items = new TreeMap<>();
        if (previous.isEmpty()) {
            return items;
        }
        Map<String, String> owners = owners(c, revision);
        Map<String, Seen> before = findings(c, previous.get());
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            Seen was = before.get(key);
            Seen is = after.get(key);
            boolean wasOpen = was != null && was.open();
            boolean isOpen = is != null && is.open();
            if (wasOpen == isOpen) {
                continue;
            }
            Seen concerned = isOpen ? is : was;
            String[] parts = key.split("\u0000", 2);
            for (String s : concerned.touched()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("kind", isOpen ? "finding-opened" : "finding-closed");
                item.put("rule", parts[0]);
                item.put("element", parts[1]);
                item.put("severity", concerned.severity());
                if (concerned.system() != null) {
                    item.put("system", concerned.system());
                }
                item.put("status", is == null ? "gone" : isOpen ? "open" : "treated or fixed");
                add(items, s, item, causedBy);
            }
        }
        Map<String, PathSeen> pathsBefore = paths(c, previous.get());
        Map<String, PathSeen> pathsAfter = paths(c, revision);
        Map<String, String> ownersBefore = owners(c, previous.get());
        for (Map.Entry<String, PathSeen> e : pathsAfter.entrySet()) {
            if (!pathsBefore.containsKey(e.getKey())) {
                pathItem(items, "path-opened", e.getValue(), owners, causedBy);
            }
        }
        for (Map.Entry<String, PathSeen> e : pathsBefore.entrySet()) {
            if (!pathsAfter.containsKey(e.getKey())) {
                pathItem(items, "path-closed", e.getValue(), ownersBefore, causedBy);
            }
        }
        Map<String, MissionSeen> missionsBefore = missions(c, previous.get());
        for (Map.Entry<String, MissionSeen> e : missions(c, revision).entrySet()) {
            MissionSeen was = missionsBefore.get(e.getKey());
            boolean wasStoppable = was != null && was.stoppable();
            if (wasStoppable == e.getValue().stoppable()) {
                continue;
            }
            for (String s : e.getValue().stakeholders()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("kind", e.getValue().stoppable() ? "mission-stoppable" : "mission-no-longer-stoppable");
                item.put("mission", e.getKey());
                item.put("name", e.getValue().name());
                add(items, s, item, causedBy);
            }
        }
        store(c, landscape, number, causedBy, now, items);
        return items;
    }

    private static void pathItem(
            Map<String, List<Map<String, Object>>> items,
            String kind,
            PathSeen p,
            Map<String, String> owners,
            Optional<String> causedBy) {
        String reader = owners.get(p.targetSystem());
        if (reader == null) {
            return;
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("kind", kind);
        item.put("target", p.target());
        item.put("targetSystem", p.targetSystem());
        item.put("entry", Redaction.entry(p.entry(), owners, reader));
        item.put("probability", p.probability());
        item.put("hops", Redaction.hops(Json.list(p.hops()), owners, reader));
        add(items, reader, item, causedBy);
    }

    private static void add(
            Map<String, List<Map<String, Object>>> items,
            String stakeholder,
            Map<String, Object> item,
            Optional<String> causedBy) {
        if (causedBy.isPresent() && causedBy.get().equals(stakeholder)) {
            return;
        }
        items.computeIfAbsent(stakeholder, s -> new ArrayList<>()).add(item);
    }

    /**
     * Puts items in stakeholders' inboxes and queues them for their webhooks, inside the caller's
     * transaction.
     *
     * @param number the revision the items are about
     * @param causedBy the stakeholder whose write made them; empty when the server's own work did
     */
    public static void tell(
            Connection c,
            String landscape,
            int number,
            Optional<String> causedBy,
            Instant now,
            Map<String, List<Map<String, Object>>> items)
            throws SQLException {
        store(c, landscape, number, causedBy, now, items);
    }

    private static void store(
            Connection c,
            String landscape,
            int number,
            Optional<String> causedBy,
            Instant now,
            Map<String, List<Map<String, Object>>> items)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO inbox_item (landscape_id, stakeholder,"
                + " revision, caused_by, kind, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, List<Map<String, Object>>> e : items.entrySet()) {
                for (Map<String, Object> item : e.getValue()) {
                    insert.setString(1, landscape);
                    insert.setString(2, e.getKey());
                    insert.setInt(3, number);
                    insert.setString(4, causedBy.orElse(Revisions.REASSESSOR));
                    insert.setString(5, String.valueOf(item.get("kind")));
                    insert.setString(6, Json.write(item));
                    insert.setObject(7, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        // The stakeholders' webhooks: one delivery each, in this transaction, sent once it commits.
        try (PreparedStatement hooks = c.prepareStatement(
                        "SELECT id FROM webhook WHERE landscape_id = ? AND stakeholder = ? AND removed_at IS NULL");
                PreparedStatement delivery = c.prepareStatement("INSERT INTO webhook_delivery (webhook_id, revision,"
                        + " body, state, next_at, created_at) VALUES (?, ?, ?, 'pending', ?, ?)")) {
            for (Map.Entry<String, List<Map<String, Object>>> e : items.entrySet()) {
                hooks.setString(1, landscape);
                hooks.setString(2, e.getKey());
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = hooks.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                if (ids.isEmpty()) {
                    continue;
                }
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("event", "inbox");
                event.put("landscape", landscape);
                event.put("stakeholder", e.getKey());
                event.put("revision", number);
                event.put("causedBy", causedBy.orElse(Revisions.REASSESSOR));
                event.put("items", e.getValue());
                String body = Json.write(event);
                for (long id : ids) {
                    delivery.setLong(1, id);
                    delivery.setInt(2, number);
                    delivery.setString(3, body);
                    delivery.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    delivery.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    delivery.addBatch();
                }
            }
            delivery.executeBatch();
        }
    }

    private static Map<String, String> owners(Connection c, long revision) throws SQLException {
        Map<String, String> owners = new TreeMap<>();
        try (PreparedStatement q =
                c.prepareStatement("SELECT system_id, owner FROM revision_system WHERE revision_id = ?")) {
            q.setLong(1, revision);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    owners.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return owners;
    }

    private static Map<String, Seen> findings(Connection c, long revision) throws SQLException {
        Map<String, Seen> seen = new TreeMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT rule, element, open, stakeholders, severity, system_id"
                + " FROM finding WHERE revision_id = ?")) {
            q.setLong(1, revision);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    // Several findings of one rule on one element are one problem: open if any is.
                    seen.merge(
                            rs.getString(1) + "\u0000" + rs.getString(2),
                            new Seen(rs.getBoolean(3), texts(rs.getArray(4)), rs.getString(5), rs.getString(6)),
                            (a, b) -> a.open() ? a : b);
                }
            }
        }
        return seen;
    }

    /**
     * The findings of a revision being written, as {@link #findings(Connection, long)} reads them
     * once stored: taken from its results rather than read back (tens of thousands of rows).
     */
    static Map<String, Seen> seen(List<Results.FindingRow> findings) {
        Map<String, Seen> seen = new TreeMap<>();
        for (Results.FindingRow f : findings) {
            seen.merge(
                    f.rule() + "\u0000" + f.element(),
                    new Seen(f.open(), f.touched(), f.severity(), f.system()),
                    (a, b) -> a.open() ? a : b);
        }
        return seen;
    }

    private static Set<String> texts(Array array) throws SQLException {
        return new TreeSet<>(Arrays.asList((String[]) array.getArray()));
    }

    private static Map<String, PathSeen> paths(Connection c, long revision) throws SQLException {
        Map<String, PathSeen> seen = new TreeMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT target, target_system, entry, probability, hops"
                + " FROM systemic_path WHERE revision_id = ?")) {
            q.setLong(1, revision);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    PathSeen p = new PathSeen(
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getString(5));
                    seen.putIfAbsent(p.entry() + " -> " + p.target(), p);
                }
            }
        }
        return seen;
    }

    private static Map<String, MissionSeen> missions(Connection c, long revision) throws SQLException {
        Map<String, MissionSeen> seen = new TreeMap<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT mission, name, stakeholders, stoppable FROM revision_mission WHERE revision_id = ?")) {
            q.setLong(1, revision);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    seen.put(
                            rs.getString(1), new MissionSeen(rs.getString(2), texts(rs.getArray(3)), rs.getBoolean(4)));
                }
            }
        }
        return seen;
    }

    /** The stakeholder's inbox, newest first, a page at a time. */
    public Map<String, Object> list(Views.Viewer v, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw ApiError.badRequest("offset is 0 or more and limit 1 to " + MAX_PAGE);
        }
        return tx.run(c -> {
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("stakeholder", v.stakeholder());
            try (PreparedStatement q =
                    c.prepareStatement("SELECT count(*) FROM inbox_item WHERE landscape_id = ? AND stakeholder = ?")) {
                q.setString(1, v.landscape().id());
                q.setString(2, v.stakeholder());
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    page.put("total", rs.getLong(1));
                }
            }
            page.put("offset", offset);
            List<Map<String, Object>> list = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT id, revision, caused_by, created_at, body"
                            + " FROM inbox_item WHERE landscape_id = ? AND stakeholder = ? ORDER BY id DESC OFFSET ? LIMIT ?")) {
                q.setString(1, v.landscape().id());
                q.setString(2, v.stakeholder());
                q.setInt(3, offset);
                q.setInt(4, limit);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("id", rs.getLong(1));
                        item.put("revision", rs.getInt(2));
                        item.put("causedBy", rs.getString(3));
                        item.put(
                                "created",
                                rs.getObject(4, OffsetDateTime.class)
                                        .toInstant()
                                        .toString());
                        item.putAll(Json.object(rs.getString(5)));
                        list.add(item);
                    }
                }
            }
            page.put("items", list);
            return page;
        });
    }
}
