package dev.mamori.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The append-only audit log: one record per write, each chained to the one before by SHA-256 over
 * its fields and the previous hash. Records are appended inside the transaction of the write they
 * record, so a write and its record commit or vanish together; appends are serialised by a lock so
 * that the chain has one order.
 */
public final class AuditLog {

    /** The hash before the first record. */
    public static final String GENESIS = "0".repeat(64);

    /** An arbitrary key of the advisory lock that serialises appends. */
    private static final long APPEND_LOCK = 0x6d616d6f7269L;

    private static final ObjectMapper CANONICAL =
            new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** The records of one landscape that concern one of its stakeholders. */
    public record Concerning(String landscape, String stakeholder) {}

    /** One record as stored. */
    public record Entry(
            long seq,
            Instant at,
            String actor,
            String action,
            Optional<String> landscape,
            String detail,
            String prevHash,
            String hash) {}

    /**
     * What a check of the chain found.
     *
     * @param records how many records were checked
     * @param firstBroken the first record whose hash, link or number is wrong, with why
     */
    public record Verification(long records, Optional<Broken> firstBroken) {
        public boolean intact() {
            return firstBroken.isEmpty();
        }
    }

    /** A record that breaks the chain and why. */
    public record Broken(long seq, String reason) {}

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    /** Appends a record on {@code c}, inside the caller's transaction. */
    public void append(Connection c, String actor, String action, String landscape, Map<String, Object> detail)
            throws SQLException {
        try (Statement lock = c.createStatement()) {
            lock.execute("SELECT pg_advisory_xact_lock(" + APPEND_LOCK + ")");
        }
        long seq = 1;
        String prev = GENESIS;
        try (Statement last = c.createStatement();
                ResultSet rs = last.executeQuery("SELECT seq, hash FROM audit_record ORDER BY seq DESC LIMIT 1")) {
            if (rs.next()) {
                seq = rs.getLong(1) + 1;
                prev = rs.getString(2);
            }
        }
        // PostgreSQL keeps microseconds: hash what will be read back.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String detailJson = canonical(detail);
        String hash = hash(seq, at, actor, action, Optional.ofNullable(landscape), detailJson, prev);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_record (seq, at, actor, action,"
                + " landscape, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            insert.setString(3, actor);
            insert.setString(4, action);
            insert.setString(5, landscape);
            insert.setString(6, detailJson);
            insert.setString(7, prev);
            insert.setString(8, hash);
            insert.executeUpdate();
        }
    }

    /**
     * Records newest first, a page at a time: every record (the server's admins), or those of one
     * landscape that concern one stakeholder (its auditors).
     */
    public List<Entry> list(Connection c, Optional<Concerning> about, int offset, int limit) throws SQLException {
        String sql = "SELECT seq, at, actor, action, landscape, detail, prev_hash, hash FROM audit_record"
                + (about.isPresent() ? " WHERE landscape = ? AND detail::jsonb ->> 'stakeholder' = ?" : "")
                + " ORDER BY seq DESC OFFSET ? LIMIT ?";
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            int i = 1;
            if (about.isPresent()) {
                q.setString(i++, about.get().landscape());
                q.setString(i++, about.get().stakeholder());
            }
            q.setInt(i++, offset);
            q.setInt(i, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
        }
        return entries;
    }

    /** Recomputes the whole chain, oldest first, and names the first record that breaks it. */
    public static Verification verify(Connection c) throws SQLException {
        long count = 0;
        String prev = GENESIS;
        long expectedSeq = 1;
        try (Statement s = c.createStatement()) {
            // Read in batches rather than the whole log at once.
            c.setAutoCommit(false);
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery("SELECT seq, at, actor, action, landscape, detail, prev_hash, hash"
                    + " FROM audit_record ORDER BY seq")) {
                while (rs.next()) {
                    Entry e = entry(rs);
                    count++;
                    if (e.seq() != expectedSeq) {
                        return new Verification(
                                count,
                                Optional.of(new Broken(
                                        expectedSeq,
                                        "record " + expectedSeq + " is missing (the next one kept is " + e.seq()
                                                + ")")));
                    }
                    if (!e.prevHash().equals(prev)) {
                        return new Verification(
                                count,
                                Optional.of(new Broken(
                                        e.seq(), "its link to the record before does not match that record's hash")));
                    }
                    String recomputed =
                            hash(e.seq(), e.at(), e.actor(), e.action(), e.landscape(), e.detail(), e.prevHash());
                    if (!recomputed.equals(e.hash())) {
                        return new Verification(
                                count,
                                Optional.of(new Broken(
                                        e.seq(),
                                        "its content no longer matches its hash (changed after it was written)")));
                    }
                    prev = e.hash();
                    expectedSeq++;
                }
            } finally {
                c.commit();
            }
        }
        return new Verification(count, Optional.empty());
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(
                rs.getLong(1),
                rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getString(3),
                rs.getString(4),
                Optional.ofNullable(rs.getString(5)),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8));
    }

    static String hash(
            long seq, Instant at, String actor, String action, Optional<String> landscape, String detail, String prev) {
        // A JSON array of the fields: no way to move text from one field to the next unnoticed.
        String fields =
                canonical(Arrays.asList(seq, at.toString(), actor, action, landscape.orElse(null), detail, prev));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(fields.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    private static String canonical(Object value) {
        try {
            Object sorted = value instanceof Map<?, ?> m ? new TreeMap<>(m) : value;
            return CANONICAL.writeValueAsString(sorted);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an audit detail that cannot be written as JSON", e);
        }
    }

    /** A record as the API shows it. */
    public static Map<String, Object> json(Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("at", e.at().toString());
        m.put("actor", e.actor());
        m.put("action", e.action());
        m.put("landscape", e.landscape().orElse(null));
        m.put("detail", e.detail());
        m.put("hash", e.hash());
        return m;
    }
}
