package org.gve.site.accounting;

import java.time.Duration;
import java.time.Instant;

/**
 * The arithmetic of usage, apart from the database: a grant is charged from the moment it was
 * granted until it was released, found lost, or its lease ended, whichever came first (or now, if
 * none did yet), clipped to the period asked about. Time past the lease is not charged: the VM is
 * stopped then and its owner cannot use it; an administrator who extends the lease makes that time
 * leased, and so charged.
 */
public final class Metering {
    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private Metering() {
    }

    /** When a grant stops being charged; never before {@code granted}. */
    public static Instant chargedUntil(Instant granted, Instant released, Instant lostAt, Instant leaseDeadline,
                                       Instant now) {
        Instant end = now;
        if (released != null && released.isBefore(end)) end = released;
        if (lostAt != null && lostAt.isBefore(end)) end = lostAt;
        if (leaseDeadline != null && leaseDeadline.isBefore(end)) end = leaseDeadline;
        return end.isBefore(granted) ? granted : end;
    }

    /** Hours of [start, end) that fall in the period [from, to); 0 when they do not meet. */
    public static double hoursWithin(Instant start, Instant end, Instant from, Instant to) {
        Instant a = start.isAfter(from) ? start : from;
        Instant b = end.isBefore(to) ? end : to;
        return b.isAfter(a) ? Duration.between(a, b).toMillis() / MILLIS_PER_HOUR : 0;
    }
}
