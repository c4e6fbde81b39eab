package org.gve.site.identity;

import java.time.Duration;

/**
 * How logins are throttled per client address (see {@link AddressThrottle}).
 *
 * @param maxFailures  failed logins (wrong password or unknown user) from one address within
 *                     {@code window} after which its logins are paused; 0 turns the throttle off
 * @param window       how long failures add up, counted from the first of them
 * @param lockout      how long logins from the address are then refused, without checking them
 * @param maxAddresses how many addresses with recent failures are remembered at most; past that
 *                     the least recently failing are forgotten first
 */
public record AddressThrottleSettings(int maxFailures, Duration window, Duration lockout, int maxAddresses) {
    /** 20 failures within 5 minutes pause an address for 5 minutes; 10000 addresses remembered. */
    public static final AddressThrottleSettings DEFAULTS =
            new AddressThrottleSettings(20, Duration.ofMinutes(5), Duration.ofMinutes(5), 10_000);

    public AddressThrottleSettings {
        if (maxFailures < 0) throw new IllegalArgumentException("maxFailures must not be negative");
        if (window == null || window.isNegative() || window.isZero()) throw new IllegalArgumentException("window must be positive");
        if (lockout == null || lockout.isNegative() || lockout.isZero()) throw new IllegalArgumentException("lockout must be positive");
        if (maxAddresses < 1) throw new IllegalArgumentException("maxAddresses must be positive");
    }

    public boolean enabled() {
        return maxFailures > 0;
    }
}
