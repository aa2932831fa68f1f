package dev.mamori.server.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Browser sessions, kept in the server's memory: a random id in an HttpOnly, SameSite=Strict cookie
 * names a session that holds its CSRF token (the synchronizer token every form carries back) and,
 * once signed in, the API token the login made. The API token never reaches the browser; signing
 * out revokes it. A restart of the server forgets every session: people sign in again.
 */
final class Sessions {

    /** A session left alone this long is over (its token is revoked when it is next seen or swept). */
    static final Duration IDLE = Duration.ofHours(8);

    /** The most sessions kept at once; past it the oldest anonymous ones go first. */
    static final int MAX = 10_000;

    /** One browser's session. {@code token} is present once signed in. */
    static final class Session {
        final String id;
        final String csrf;
        final Optional<SignedIn> signedIn;
        volatile Instant seen;

        Session(String id, String csrf, Optional<SignedIn> signedIn, Instant seen) {
            this.id = id;
            this.csrf = csrf;
            this.signedIn = signedIn;
            this.seen = seen;
        }
    }

    /** The API token a login made for this session, and the account's name. */
    record SignedIn(String account, long tokenId, String secret) {}

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Consumer<SignedIn> expire;

    /** {@code expire} revokes the API token of a session that ended by itself (idle too long). */
    Sessions(Clock clock, Consumer<SignedIn> expire) {
        this.clock = clock;
        this.expire = expire;
    }

    String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A new session, anonymous or signed in; a new id every time (a login never keeps the old one). */
    Session open(Optional<SignedIn> signedIn) {
        sweep();
        Session s = new Session(randomToken(), randomToken(), signedIn, clock.instant());
        sessions.put(s.id, s);
        return s;
    }

    /** The live session of this cookie value, its idle clock restarted; empty when unknown or idle too long. */
    Optional<Session> find(String id) {
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (s.seen.plus(IDLE).isBefore(now)) {
            sessions.remove(id);
            s.signedIn.ifPresent(expire);
            return Optional.empty();
        }
        s.seen = now;
        return Optional.of(s);
    }

    void close(Session s) {
        sessions.remove(s.id);
    }

    /** Drops idle sessions, revoking the tokens of the signed-in ones. */
    void sweep() {
        Instant now = clock.instant();
        List<SignedIn> expired = new ArrayList<>();
        sessions.values().removeIf(s -> {
            boolean idle = s.seen.plus(IDLE).isBefore(now);
            if (idle) {
                s.signedIn.ifPresent(expired::add);
            }
            return idle;
        });
        if (sessions.size() >= MAX) {
            // A flood of anonymous sessions (login pages fetched and left) must not grow memory without bound.
            sessions.values().removeIf(s -> s.signedIn.isEmpty());
        }
        expired.forEach(expire);
    }
}
