package org.gve.site.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code maxFailures} wrong passwords for one user within
 * {@code window}, that user's logins are refused without checking the password until
 * {@code lockout} has passed. A good login clears the count. Only existing users are tracked, so the
 * map cannot be filled with invented names.
 */
final class LoginThrottle {
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    private record Failures(int count, Instant first, Instant lockedUntil) {
    }

    LoginThrottle(Clock clock, int maxFailures, Duration window, Duration lockout) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
    }

    boolean locked(String user) {
        Failures f = failures.get(user);
        return f != null && f.lockedUntil() != null && clock.instant().isBefore(f.lockedUntil());
    }

    void failed(String user) {
        Instant now = clock.instant();
        failures.compute(user, (u, f) -> {
            if (f == null || now.isAfter(f.first().plus(window))) return new Failures(1, now, null);
            int count = f.count() + 1;
            return new Failures(count, f.first(), count >= maxFailures ? now.plus(lockout) : f.lockedUntil());
        });
    }

    void succeeded(String user) {
        failures.remove(user);
    }
}
