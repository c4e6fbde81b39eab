package org.gve.site.accounting;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MeteringTest {
    private static final Instant T = Instant.parse("2030-01-01T00:00:00Z");

    private static Instant h(double hours) {
        return T.plusMillis((long) (hours * 3_600_000));
    }

    @Test
    void chargedUntilTheFirstOfReleaseLossLeaseEndOrNow() {
        assertEquals(h(5), Metering.chargedUntil(h(0), null, null, h(10), h(5)), "running: until now");
        assertEquals(h(3), Metering.chargedUntil(h(0), h(3), null, h(10), h(5)), "released");
        assertEquals(h(2), Metering.chargedUntil(h(0), h(3), h(2), h(10), h(5)), "lost before release");
        assertEquals(h(1), Metering.chargedUntil(h(0), null, null, h(1), h(5)), "lease ended");
        assertEquals(h(0), Metering.chargedUntil(h(0), null, null, h(-1), h(5)), "never before the grant");
    }

    @Test
    void hoursAreClippedToThePeriod() {
        assertEquals(2.0, Metering.hoursWithin(h(0), h(2), h(-10), h(10)), 1e-9);
        assertEquals(1.5, Metering.hoursWithin(h(0), h(2), h(0.5), h(10)), 1e-9);
        assertEquals(0.25, Metering.hoursWithin(h(0), h(2), h(1.5), h(1.75)), 1e-9);
        assertEquals(0.0, Metering.hoursWithin(h(0), h(2), h(3), h(4)), 1e-9, "after");
        assertEquals(0.0, Metering.hoursWithin(h(5), h(6), h(3), h(4)), 1e-9, "before");
        assertEquals(0.0, Metering.hoursWithin(h(2), h(2), h(0), h(4)), 1e-9, "empty");
    }
}
