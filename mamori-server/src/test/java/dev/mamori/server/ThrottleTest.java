package dev.mamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.server.account.Throttle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    /** A clock the test moves by hand. */
    private static final class Hand extends Clock {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void fiveFailuresWithinTheWindowLockTheNameUntilTheFirstLeavesIt() {
        Hand clock = new Hand();
        Throttle throttle = new Throttle(clock);
        for (int i = 0; i < Throttle.MAX_FAILURES; i++) {
            assertThat(throttle.wait("ana")).isEmpty();
            throttle.failed("ana");
            clock.now = clock.now.plusSeconds(60);
        }
        assertThat(throttle.wait("ana")).contains(Duration.ofMinutes(10));
        assertThat(throttle.wait("ben")).isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(10)).plusSeconds(1);
        assertThat(throttle.wait("ana")).isEmpty();
    }

    @Test
    void aSuccessClearsTheFailures() {
        Hand clock = new Hand();
        Throttle throttle = new Throttle(clock);
        for (int i = 0; i < Throttle.MAX_FAILURES - 1; i++) {
            throttle.failed("ana");
        }
        throttle.succeeded("ana");
        throttle.failed("ana");
        assertThat(throttle.wait("ana")).isEmpty();
    }
}
