package org.gve.site.identity;

import org.gve.site.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock, 3, Duration.ofMinutes(5), Duration.ofMinutes(1));

    @Test
    void locksAUserAfterTooManyWrongPasswordsThenLetsThemTryAgain() {
        throttle.failed("alice");
        throttle.failed("alice");
        assertFalse(throttle.locked("alice"));
        throttle.failed("alice");
        assertTrue(throttle.locked("alice"));
        assertFalse(throttle.locked("bob"), "other users are not affected");
        clock.advance(Duration.ofSeconds(61));
        assertFalse(throttle.locked("alice"), "the lockout ends");
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUpAndAGoodLoginClearsThem() {
        throttle.failed("alice");
        throttle.failed("alice");
        clock.advance(Duration.ofMinutes(6));
        throttle.failed("alice");
        assertFalse(throttle.locked("alice"));
        throttle.failed("alice");
        throttle.succeeded("alice");
        throttle.failed("alice");
        assertFalse(throttle.locked("alice"));
    }
}
