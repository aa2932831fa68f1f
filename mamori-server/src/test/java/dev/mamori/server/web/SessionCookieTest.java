package dev.mamori.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionCookieTest {

    @Test
    void theCookieIsOutOfScriptsReachAndStaysOnThisSite() {
        assertThat(WebPages.cookie("abc", false)).isEqualTo("mamori_session=abc; Path=/; HttpOnly; SameSite=Strict");
        assertThat(WebPages.cookie("abc", true)).endsWith("; Secure");
    }

    @Test
    void aNextPageIsOnlyAPathOfThisSite() {
        assertThat(Pages.localPath("/l/venue/ops/findings?severity=high")).isTrue();
        assertThat(Pages.localPath("//evil.example/")).isFalse();
        assertThat(Pages.localPath("/\\evil.example/")).isFalse();
        assertThat(Pages.localPath("https://evil.example/")).isFalse();
        assertThat(Pages.localPath("/account\r\nSet-Cookie: x=y")).isFalse();
    }

    /** A clock the test moves. */
    private static final class Moving extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

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
    void anIdleSessionEndsAndItsTokenIsRevoked() {
        Moving clock = new Moving();
        List<Sessions.SignedIn> revoked = new ArrayList<>();
        Sessions sessions = new Sessions(clock, revoked::add);
        Sessions.Session s = sessions.open(Optional.of(new Sessions.SignedIn("ann", 7, "mamori_x")));
        Sessions.Session other = sessions.open(Optional.empty());
        assertThat(s.id).isNotEqualTo(other.id).hasSizeGreaterThanOrEqualTo(43);
        assertThat(s.csrf).isNotEqualTo(other.csrf);
        clock.now = clock.now.plus(Sessions.IDLE.minus(Duration.ofMinutes(1)));
        assertThat(sessions.find(s.id)).isPresent();
        clock.now = clock.now.plus(Sessions.IDLE.plus(Duration.ofMinutes(1)));
        assertThat(sessions.find(s.id)).isEmpty();
        assertThat(revoked).extracting(Sessions.SignedIn::tokenId).containsExactly(7L);
        assertThat(sessions.find("no such id")).isEmpty();
    }
}
