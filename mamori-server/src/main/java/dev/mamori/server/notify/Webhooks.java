package dev.mamori.server.notify;

import dev.mamori.server.ApiError;
import dev.mamori.server.account.Accounts;
import dev.mamori.server.account.Principal;
import dev.mamori.server.account.Role;
import dev.mamori.server.db.Transactions;
import dev.mamori.server.landscape.Landscapes;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhooks: a stakeholder's admins name a URL and a secret; every revision that puts items in the
 * stakeholder's inbox queues one delivery (in the revision's own transaction), which is posted as
 * JSON signed with HMAC-SHA256 over the body ({@code X-Mamori-Signature: sha256=HEX}) and retried
 * with a doubling delay until it is answered 2xx or the attempts run out; every attempt is
 * recorded. A delivery is claimed for a while before it is sent, so a server killed mid-send sends
 * it again after restart (at least once; {@code X-Mamori-Delivery} lets the receiver drop repeats).
 */
public final class Webhooks {

    /** The signature header. */
    public static final String SIGNATURE = "X-Mamori-Signature";

    private static final Duration CLAIM = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Transactions tx;
    private final Landscapes landscapes;
    private final Accounts.Recorder audit;
    private final Clock clock;
    private final Duration firstRetry;
    private final int maxAttempts;
    private final SecureRandom random = new SecureRandom();
    /**
     * The client deliveries are posted with, made on the first delivery: making one sets up TLS
     * (about 180 classes and a default SSL context), most of a second of the server's start on a busy
     * machine, and most servers have no webhook for a while or ever.
     */
    private volatile HttpClient http;

    public Webhooks(
            Transactions tx,
            Landscapes landscapes,
            Accounts.Recorder audit,
            Clock clock,
            Duration firstRetry,
            int maxAttempts) {
        this.tx = tx;
        this.landscapes = landscapes;
        this.audit = audit;
        this.clock = clock;
        this.firstRetry = firstRetry;
        this.maxAttempts = maxAttempts;
    }

    private HttpClient client() {
        HttpClient made = http;
        if (made == null) {
            synchronized (this) {
                made = http;
                if (made == null) {
                    made = HttpClient.newBuilder()
                            .connectTimeout(TIMEOUT)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    http = made;
                }
            }
        }
        return made;
    }

    private String checkedAdmin(Principal who, String landscapeId, String stakeholder) {
        Landscapes.Info info = landscapes.visible(who, landscapeId);
        if (!(who.serverAdmin() || who.has(info.id(), stakeholder, Role.ADMIN))) {
            throw ApiError.forbidden("only " + stakeholder + "'s admins manage its webhooks");
        }
        return info.id();
    }

    /**
     * Adds a webhook. {@code secret} empty generates one; either way it is in the answer this once.
     *
     * @throws ApiError 400 for a URL that is not http(s) or a secret under 16 characters
     */
    public Map<String, Object> create(
            Principal who, String landscapeId, String stakeholder, String url, Optional<String> secret) {
        String landscape = checkedAdmin(who, landscapeId, stakeholder);
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ApiError.badRequest("'url' is not a URL: " + e.getReason());
        }
        if (url.length() > 2000
                || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw ApiError.badRequest("'url' is an http:// or https:// URL with a host, at most 2000 characters");
        }
        if (secret.isPresent() && (secret.get().length() < 16 || secret.get().length() > 200)) {
            throw ApiError.badRequest("'secret' is 16 to 200 characters (or left out: one is made)");
        }
        String key = secret.orElseGet(() -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        });
        return tx.run(c -> {
            long id;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO webhook (landscape_id, stakeholder, url,"
                    + " secret, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
                insert.setString(1, landscape);
                insert.setString(2, stakeholder);
                insert.setString(3, url);
                insert.setString(4, key);
                insert.setString(5, who.name());
                insert.setObject(6, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("stakeholder", stakeholder);
            detail.put("webhook", id);
            detail.put("url", url);
            audit.record(c, who.name(), "webhook.create", landscape, detail);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", id);
            answer.put("stakeholder", stakeholder);
            answer.put("url", url);
            answer.put("secret", key);
            answer.put("note", "the secret is shown this once; the server signs each delivery with it");
            return answer;
        });
    }

    public List<Map<String, Object>> list(Principal who, String landscapeId, String stakeholder) {
        String landscape = checkedAdmin(who, landscapeId, stakeholder);
        return tx.run(c -> {
            List<Map<String, Object>> list = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT id, url, created_by, created_at FROM webhook"
                    + " WHERE landscape_id = ? AND stakeholder = ? AND removed_at IS NULL ORDER BY id")) {
                q.setString(1, landscape);
                q.setString(2, stakeholder);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> w = new LinkedHashMap<>();
                        w.put("id", rs.getLong(1));
                        w.put("url", rs.getString(2));
                        w.put("createdBy", rs.getString(3));
                        w.put(
                                "created",
                                rs.getObject(4, OffsetDateTime.class)
                                        .toInstant()
                                        .toString());
                        list.add(w);
                    }
                }
            }
            return list;
        });
    }

    public Map<String, Object> remove(Principal who, String landscapeId, String stakeholder, long id) {
        String landscape = checkedAdmin(who, landscapeId, stakeholder);
        return tx.run(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE webhook SET removed_at = ? WHERE id = ? AND"
                    + " landscape_id = ? AND stakeholder = ? AND removed_at IS NULL")) {
                update.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                update.setLong(2, id);
                update.setString(3, landscape);
                update.setString(4, stakeholder);
                if (update.executeUpdate() == 0) {
                    throw ApiError.notFound("no webhook " + id + " of " + stakeholder);
                }
            }
            // What was still to be sent to it is not sent.
            try (PreparedStatement cancel = c.prepareStatement(
                    "UPDATE webhook_delivery SET state = 'failed' WHERE webhook_id = ? AND state = 'pending'")) {
                cancel.setLong(1, id);
                cancel.executeUpdate();
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("stakeholder", stakeholder);
            detail.put("webhook", id);
            audit.record(c, who.name(), "webhook.remove", landscape, detail);
            return Map.<String, Object>of("removed", id);
        });
    }

    /** The delivery log of one webhook, newest first, with every attempt. */
    public List<Map<String, Object>> deliveries(
            Principal who, String landscapeId, String stakeholder, long id, int offset, int limit) {
        String landscape = checkedAdmin(who, landscapeId, stakeholder);
        if (offset < 0 || limit < 1 || limit > 500) {
            throw ApiError.badRequest("offset is 0 or more and limit 1 to 500");
        }
        return tx.run(c -> {
            try (PreparedStatement q =
                    c.prepareStatement("SELECT 1 FROM webhook WHERE id = ? AND landscape_id = ? AND stakeholder = ?")) {
                q.setLong(1, id);
                q.setString(2, landscape);
                q.setString(3, stakeholder);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        throw ApiError.notFound("no webhook " + id + " of " + stakeholder);
                    }
                }
            }
            List<Map<String, Object>> list = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT id, revision, state, attempts, created_at, next_at"
                            + " FROM webhook_delivery WHERE webhook_id = ? ORDER BY id DESC OFFSET ? LIMIT ?");
                    PreparedStatement attempts = c.prepareStatement("SELECT attempt, at, status, error FROM"
                            + " webhook_attempt WHERE delivery_id = ? ORDER BY attempt")) {
                q.setLong(1, id);
                q.setInt(2, offset);
                q.setInt(3, limit);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> d = new LinkedHashMap<>();
                        d.put("id", rs.getLong(1));
                        d.put("revision", rs.getInt(2));
                        d.put("state", rs.getString(3));
                        d.put("attempts", rs.getInt(4));
                        d.put(
                                "created",
                                rs.getObject(5, OffsetDateTime.class)
                                        .toInstant()
                                        .toString());
                        if (rs.getString(3).equals("pending")) {
                            d.put(
                                    "next",
                                    rs.getObject(6, OffsetDateTime.class)
                                            .toInstant()
                                            .toString());
                        }
                        List<Map<String, Object>> tries = new ArrayList<>();
                        attempts.setLong(1, rs.getLong(1));
                        try (ResultSet a = attempts.executeQuery()) {
                            while (a.next()) {
                                Map<String, Object> t = new LinkedHashMap<>();
                                t.put("attempt", a.getInt(1));
                                t.put(
                                        "at",
                                        a.getObject(2, OffsetDateTime.class)
                                                .toInstant()
                                                .toString());
                                int status = a.getInt(3);
                                if (!a.wasNull()) {
                                    t.put("status", status);
                                }
                                Optional.ofNullable(a.getString(4)).ifPresent(e -> t.put("error", e));
                                tries.add(t);
                            }
                        }
                        d.put("tries", tries);
                        list.add(d);
                    }
                }
            }
            return list;
        });
    }

    /** A delivery claimed for sending. */
    private record Due(long id, int attempts, String body, String url, String secret) {}

    /**
     * Sends what is due: claims up to a batch of pending deliveries, posts each, records the attempt
     * and its outcome. Called on a schedule by the server.
     *
     * @return how many deliveries were attempted
     */
    public int deliverDue(PrintStream log) {
        Instant now = clock.instant();
        List<Due> due = tx.run(c -> claim(c, now));
        for (Due d : due) {
            Optional<Integer> status = Optional.empty();
            Optional<String> error = Optional.empty();
            try {
                HttpResponse<Void> response = client().send(
                                HttpRequest.newBuilder(URI.create(d.url()))
                                        .timeout(TIMEOUT)
                                        .header("Content-Type", "application/json")
                                        .header("X-Mamori-Event", "inbox")
                                        .header("X-Mamori-Delivery", Long.toString(d.id()))
                                        .header(SIGNATURE, "sha256=" + sign(d.secret(), d.body()))
                                        .POST(HttpRequest.BodyPublishers.ofString(d.body(), StandardCharsets.UTF_8))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                status = Optional.of(response.statusCode());
            } catch (IOException | IllegalArgumentException e) {
                error = Optional.of(e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return due.size();
            }
            Optional<Integer> answered = status;
            Optional<String> failed = error;
            try {
                tx.run(c -> {
                    outcome(c, d, answered, failed);
                    return null;
                });
            } catch (RuntimeException e) {
                e.printStackTrace(log);
            }
        }
        return due.size();
    }

    private List<Due> claim(Connection c, Instant now) throws SQLException {
        List<Due> due = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT d.id, d.attempts, d.body, w.url, w.secret FROM"
                        + " webhook_delivery d JOIN webhook w ON w.id = d.webhook_id WHERE d.state = 'pending' AND"
                        + " d.next_at <= ? AND w.removed_at IS NULL ORDER BY d.next_at, d.id LIMIT 20 FOR UPDATE OF d SKIP LOCKED")) {
            q.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        try (PreparedStatement claim = c.prepareStatement("UPDATE webhook_delivery SET next_at = ? WHERE id = ?")) {
            for (Due d : due) {
                claim.setObject(1, OffsetDateTime.ofInstant(now.plus(CLAIM), ZoneOffset.UTC));
                claim.setLong(2, d.id());
                claim.addBatch();
            }
            claim.executeBatch();
        }
        return due;
    }

    private void outcome(Connection c, Due d, Optional<Integer> status, Optional<String> error) throws SQLException {
        Instant now = clock.instant();
        int attempt = d.attempts() + 1;
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO webhook_attempt (delivery_id, attempt, at, status, error) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, d.id());
            insert.setInt(2, attempt);
            insert.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            if (status.isPresent()) {
                insert.setInt(4, status.get());
            } else {
                insert.setNull(4, java.sql.Types.INTEGER);
            }
            insert.setString(
                    5,
                    error.map(e -> e.length() > 500 ? e.substring(0, 500) : e).orElse(null));
            insert.executeUpdate();
        }
        boolean delivered = status.map(s -> s >= 200 && s < 300).orElse(false);
        String state = delivered ? "delivered" : attempt >= maxAttempts ? "failed" : "pending";
        // 1, 2, 4, 8 … times the first delay.
        Duration wait = firstRetry.multipliedBy(1L << Math.min(attempt - 1, 20));
        try (PreparedStatement update =
                c.prepareStatement("UPDATE webhook_delivery SET state = ?, attempts = ?, next_at = ? WHERE id = ?")) {
            update.setString(1, state);
            update.setInt(2, attempt);
            update.setObject(3, OffsetDateTime.ofInstant(now.plus(wait), ZoneOffset.UTC));
            update.setLong(4, d.id());
            update.executeUpdate();
        }
    }

    /** HMAC-SHA256 of the body under the secret, in lower-case hex. */
    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java", e);
        }
    }
}
