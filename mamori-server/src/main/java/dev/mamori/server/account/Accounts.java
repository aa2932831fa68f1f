package dev.mamori.server.account;

import dev.mamori.server.ApiError;
import dev.mamori.server.db.Transactions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Accounts, their passwords and API tokens, and their roles per stakeholder. */
public final class Accounts {

    /** An account made, with the password when the server generated it (shown once). */
    public record Created(long id, String name, Optional<String> generatedPassword) {}

    /** A token made: its secret is in this answer only. */
    public record Token(long id, String label, String secret) {}

    /** Something an account did that the audit log records: the actor, the action, what on. */
    @FunctionalInterface
    public interface Recorder {
        void record(Connection c, String actor, String action, String landscape, Map<String, Object> detail)
                throws SQLException;
    }

    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._@-]{0,63}";
    private static final String TOKEN_PREFIX = "mamori_";

    private final Transactions tx;
    private final Passwords passwords;
    private final Throttle throttle;
    private final Recorder audit;
    private final SecureRandom random = new SecureRandom();

    public Accounts(Transactions tx, Passwords passwords, Throttle throttle, Recorder audit) {
        this.tx = tx;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
    }

    /**
     * Makes an account; {@code password} empty generates one.
     *
     * @throws ApiError 400 for a bad name or short password, 409 when the name is taken
     */
    public Created create(String actor, String name, Optional<String> password, boolean serverAdmin) {
        if (!name.matches(NAME)) {
            throw ApiError.badRequest(
                    "an account name is 1-64 letters, digits and . _ @ -, starting with a letter" + " or digit");
        }
        if (password.isPresent() && password.get().length() < 12) {
            throw ApiError.badRequest("a password has at least 12 characters");
        }
        String chosen = password.orElseGet(passwords::generate);
        String hash = passwords.hash(chosen);
        long id = tx.run(c -> {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM account WHERE name = ?")) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        throw new ApiError(409, "exists", "there is already an account " + name);
                    }
                }
            }
            long made;
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO account (name, password_hash, server_admin) VALUES (?, ?, ?) RETURNING id")) {
                insert.setString(1, name);
                insert.setString(2, hash);
                insert.setBoolean(3, serverAdmin);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    made = rs.getLong(1);
                }
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("account", name);
            detail.put("serverAdmin", serverAdmin);
            audit.record(c, actor, "account.create", null, detail);
            return made;
        });
        return new Created(id, name, password.isPresent() ? Optional.empty() : Optional.of(chosen));
    }

    /**
     * Exchanges a name and password for a new API token: the API's login.
     *
     * @throws ApiError 429 while the name is throttled, 401 for a wrong name or password
     */
    public Token login(String name, String password, String label, String from) {
        Optional<Duration> wait = throttle.wait(name);
        if (wait.isPresent()) {
            tx.run(c -> {
                audit.record(c, name, "login.throttled", null, Map.of("from", from));
                return null;
            });
            throw new ApiError(
                    429,
                    "throttled",
                    "too many failed logins for " + name + "; try again in "
                            + Math.max(1, wait.get().toSeconds()) + " s");
        }
        Optional<long[]> account = tx.run(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id, password_hash FROM account WHERE name = ?")) {
                q.setString(1, name);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        // Spend the same time as for a real account, so that timing does not tell names.
                        passwords.verify(password, DUMMY);
                        return Optional.empty();
                    }
                    long id = rs.getLong(1);
                    return passwords.verify(password, rs.getString(2))
                            ? Optional.of(new long[] {id})
                            : Optional.empty();
                }
            }
        });
        if (account.isEmpty()) {
            throttle.failed(name);
            tx.run(c -> {
                audit.record(c, name, "login.failure", null, Map.of("from", from));
                return null;
            });
            throw new ApiError(401, "unauthorized", "wrong account name or password");
        }
        throttle.succeeded(name);
        return newToken(account.get()[0], name, label);
    }

    private static final String DUMMY = Passwords.unmatchable();

    /**
     * Changes one's own password, the current one checked first. A wrong current password counts
     * as a failed login (the same throttle), so the form is no way around it.
     *
     * @throws ApiError 400 for a new password under 12 characters, 403 for a wrong current one, 429
     *     while throttled
     */
    public void changePassword(Principal who, String current, String next) {
        if (next.length() < 12) {
            throw ApiError.badRequest("a password has at least 12 characters");
        }
        Optional<Duration> wait = throttle.wait(who.name());
        if (wait.isPresent()) {
            throw new ApiError(
                    429,
                    "throttled",
                    "too many wrong passwords for " + who.name() + "; try again in "
                            + Math.max(1, wait.get().toSeconds()) + " s");
        }
        String stored = tx.run(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT password_hash FROM account WHERE id = ?")) {
                q.setLong(1, who.id());
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        if (!passwords.verify(current, stored)) {
            throttle.failed(who.name());
            throw ApiError.forbidden("the current password is wrong; the password was not changed");
        }
        String hash = passwords.hash(next);
        tx.run(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE account SET password_hash = ? WHERE id = ?")) {
                u.setString(1, hash);
                u.setLong(2, who.id());
                u.executeUpdate();
            }
            audit.record(c, who.name(), "account.password", null, Map.of("account", who.name()));
            return null;
        });
    }

    private Token newToken(long accountId, String actor, String label) {
        if (label.isBlank() || label.length() > 100) {
            throw ApiError.badRequest("a token's label is 1-100 characters");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = tx.run(c -> {
            long made;
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO api_token (account_id, label, token_hash) VALUES (?, ?, ?) RETURNING id")) {
                insert.setLong(1, accountId);
                insert.setString(2, label);
                insert.setString(3, sha256(secret));
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    made = rs.getLong(1);
                }
            }
            audit.record(c, actor, "token.create", null, Map.of("token", made, "label", label));
            return made;
        });
        return new Token(id, label, secret);
    }

    /** A further token for a person already signed in (for CI). */
    public Token createToken(Principal who, String label) {
        return newToken(who.id(), who.name(), label);
    }

    public List<Map<String, Object>> tokens(Principal who) {
        return tx.run(c -> {
            List<Map<String, Object>> list = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT id, label, created_at, revoked_at FROM api_token WHERE account_id = ? ORDER BY id")) {
                q.setLong(1, who.id());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> t = new LinkedHashMap<>();
                        t.put("id", rs.getLong(1));
                        t.put("label", rs.getString(2));
                        t.put("created", rs.getTimestamp(3).toInstant().toString());
                        t.put(
                                "revoked",
                                rs.getTimestamp(4) == null
                                        ? null
                                        : rs.getTimestamp(4).toInstant().toString());
                        list.add(t);
                    }
                }
            }
            return list;
        });
    }

    /** Revokes one of the person's own tokens. */
    public void revoke(Principal who, long tokenId) {
        tx.run(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE api_token SET revoked_at = now()"
                    + " WHERE id = ? AND account_id = ? AND revoked_at IS NULL")) {
                u.setLong(1, tokenId);
                u.setLong(2, who.id());
                if (u.executeUpdate() == 0) {
                    throw ApiError.notFound("you have no token " + tokenId + " that is still valid");
                }
            }
            audit.record(c, who.name(), "token.revoke", null, Map.of("token", tokenId));
            return null;
        });
    }

    /** The account a bearer token stands for; empty for no such token or a revoked one. */
    public Optional<Principal> authenticate(String secret) {
        if (!secret.startsWith(TOKEN_PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        String hash = sha256(secret);
        return tx.run(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT a.id, a.name, a.server_admin FROM api_token t"
                    + " JOIN account a ON a.id = t.account_id WHERE t.token_hash = ? AND t.revoked_at IS NULL")) {
                q.setString(1, hash);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(principal(c, rs.getLong(1), rs.getString(2), rs.getBoolean(3)));
                }
            }
        });
    }

    private static Principal principal(Connection c, long id, String name, boolean serverAdmin) throws SQLException {
        List<Principal.Membership> memberships = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT landscape_id, stakeholder, role FROM membership"
                + " WHERE account_id = ? ORDER BY landscape_id, stakeholder, role")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    memberships.add(new Principal.Membership(
                            rs.getString(1),
                            rs.getString(2),
                            Role.of(rs.getString(3)).orElseThrow()));
                }
            }
        }
        return new Principal(id, name, serverAdmin, memberships);
    }

    /**
     * Gives {@code account} a role for a stakeholder. The server's admins may grant any; a
     * stakeholder's admins, roles for that stakeholder only.
     */
    public void grant(Principal who, String landscape, String stakeholder, String account, Role role) {
        if (!who.serverAdmin() && !who.has(landscape, stakeholder, Role.ADMIN)) {
            throw ApiError.forbidden(
                    "only the server's admins and " + stakeholder + "'s admins manage " + stakeholder + "'s members");
        }
        if (!stakeholder.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")) {
            throw ApiError.badRequest("a stakeholder id is letters, digits and _ . -");
        }
        tx.run(c -> {
            long accountId = accountId(c, account);
            try (PreparedStatement landscapeExists = c.prepareStatement("SELECT 1 FROM landscape WHERE id = ?")) {
                landscapeExists.setString(1, landscape);
                try (ResultSet rs = landscapeExists.executeQuery()) {
                    if (!rs.next()) {
                        throw ApiError.notFound("no landscape " + landscape);
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO membership (account_id, landscape_id,"
                    + " stakeholder, role) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setLong(1, accountId);
                insert.setString(2, landscape);
                insert.setString(3, stakeholder);
                insert.setString(4, role.word());
                insert.executeUpdate();
            }
            audit.record(
                    c,
                    who.name(),
                    "membership.grant",
                    landscape,
                    Map.of("account", account, "stakeholder", stakeholder, "role", role.word()));
            return null;
        });
    }

    /** Takes a role away; who may is as for {@link #grant}. */
    public void withdraw(Principal who, String landscape, String stakeholder, String account, Role role) {
        if (!who.serverAdmin() && !who.has(landscape, stakeholder, Role.ADMIN)) {
            throw ApiError.forbidden(
                    "only the server's admins and " + stakeholder + "'s admins manage " + stakeholder + "'s members");
        }
        tx.run(c -> {
            long accountId = accountId(c, account);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM membership WHERE account_id = ? AND"
                    + " landscape_id = ? AND stakeholder = ? AND role = ?")) {
                delete.setLong(1, accountId);
                delete.setString(2, landscape);
                delete.setString(3, stakeholder);
                delete.setString(4, role.word());
                if (delete.executeUpdate() == 0) {
                    throw ApiError.notFound(account + " is not " + role.word() + " of " + stakeholder);
                }
            }
            audit.record(
                    c,
                    who.name(),
                    "membership.withdraw",
                    landscape,
                    Map.of("account", account, "stakeholder", stakeholder, "role", role.word()));
            return null;
        });
    }

    /** The members of one stakeholder, for its admins and the server's. */
    public List<Map<String, Object>> members(Principal who, String landscape, String stakeholder) {
        if (!who.serverAdmin() && !who.has(landscape, stakeholder, Role.ADMIN)) {
            throw ApiError.forbidden("only the server's admins and " + stakeholder + "'s admins see its members");
        }
        return tx.run(c -> {
            List<Map<String, Object>> list = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT a.name, m.role FROM membership m JOIN account a"
                            + " ON a.id = m.account_id WHERE m.landscape_id = ? AND m.stakeholder = ? ORDER BY a.name, m.role")) {
                q.setString(1, landscape);
                q.setString(2, stakeholder);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("account", rs.getString(1));
                        m.put("role", rs.getString(2));
                        list.add(m);
                    }
                }
            }
            return list;
        });
    }

    private static long accountId(Connection c, String name) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM account WHERE name = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw ApiError.notFound("no account " + name);
                }
                return rs.getLong(1);
            }
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
