package io.microcent.console.session;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

    @Test
    void anAddressIsBlockedAfterTooManyFailuresAndOthersAreNot() {
        SignInThrottle throttle = new SignInThrottle(3, Duration.ofMinutes(5));
        for (int i = 0; i < 2; i++) {
            throttle.failed("10.0.0.1");
        }
        assertThat(throttle.blocked("10.0.0.1")).isFalse();
        throttle.failed("10.0.0.1");
        assertThat(throttle.blocked("10.0.0.1")).isTrue();
        assertThat(throttle.blocked("10.0.0.2")).isFalse();
    }

    @Test
    void aSuccessForgetsEarlierFailures() {
        SignInThrottle throttle = new SignInThrottle(2, Duration.ofMinutes(5));
        throttle.failed("a");
        throttle.succeeded("a");
        throttle.failed("a");
        assertThat(throttle.blocked("a")).isFalse();
    }

    @Test
    void sessionsAreFoundByIdUntilClosed() {
        Sessions sessions = new Sessions(Duration.ofMinutes(5));
        Session session = sessions.open("token", Role.VIEWER);
        assertThat(sessions.find(session.id())).contains(session);
        assertThat(session.csrfToken()).isNotEqualTo(session.id()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(session.toString()).doesNotContain("token");
        sessions.close(session.id());
        assertThat(sessions.find(session.id())).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }
}
