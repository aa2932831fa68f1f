package dev.mamori.server.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} failed logins for one account name within
 * {@link #WINDOW}, further attempts for that name are refused, right password or not, until the
 * oldest failure leaves the window. Kept per name, not per address, so that spreading guesses over
 * many addresses does not help; the price (a locked-out person) lasts at most the window.
 */
public final class Throttle {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    public Throttle(Clock clock) {
        this.clock = clock;
    }

    /** How long {@code name} must wait before trying again; empty when it may try now. */
    public synchronized Optional<Duration> wait(String name) {
        Deque<Instant> recent = prune(name);
        if (recent.size() < MAX_FAILURES) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), recent.peekFirst().plus(WINDOW));
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    public synchronized void failed(String name) {
        prune(name).addLast(clock.instant());
        if (failures.size() > 10_000) {
            // Names guessed at random must not grow the map without end: forget the quiet ones.
            Instant cutoff = clock.instant().minus(WINDOW);
            failures.values().removeIf(d -> d.isEmpty() || d.peekLast().isBefore(cutoff));
        }
    }

    public synchronized void succeeded(String name) {
        failures.remove(name);
    }

    private Deque<Instant> prune(String name) {
        Deque<Instant> recent = failures.computeIfAbsent(name, n -> new ArrayDeque<>());
        Instant cutoff = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
            recent.removeFirst();
        }
        return recent;
    }
}
