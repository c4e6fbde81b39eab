package org.gve.site.identity;

import org.gve.site.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));

    private AddressThrottle throttle(int maxFailures, int maxAddresses) {
        return new AddressThrottle(clock, new AddressThrottleSettings(maxFailures, Duration.ofMinutes(5),
                Duration.ofMinutes(2), maxAddresses));
    }

    private static void fail(AddressThrottle throttle, String address, int times) {
        for (int i = 0; i < times; i++) throttle.failed(address);
    }

    @Test
    void pausesAnAddressAfterTooManyFailuresUntilTheLockoutEnds() {
        AddressThrottle throttle = throttle(3, 100);
        fail(throttle, "192.0.2.7", 2);
        assertEquals(Optional.empty(), throttle.pausedFor("192.0.2.7"), "below the limit");
        throttle.failed("192.0.2.7");
        assertEquals(Optional.of(Duration.ofMinutes(2)), throttle.pausedFor("192.0.2.7"), "the third failure pauses it");
        assertEquals(Optional.empty(), throttle.pausedFor("192.0.2.8"), "other addresses are not affected");
        clock.advance(Duration.ofSeconds(90));
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.pausedFor("192.0.2.7"), "counts down");
        throttle.failed("192.0.2.7");
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.pausedFor("192.0.2.7"),
                "attempts while paused neither count nor extend the pause");
        clock.advance(Duration.ofSeconds(30));
        assertEquals(Optional.empty(), throttle.pausedFor("192.0.2.7"), "the lockout ends");
        fail(throttle, "192.0.2.7", 2);
        assertEquals(Optional.empty(), throttle.pausedFor("192.0.2.7"), "and the count starts afresh");
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        AddressThrottle throttle = throttle(3, 100);
        fail(throttle, "192.0.2.7", 2);
        clock.advance(Duration.ofMinutes(5));
        fail(throttle, "192.0.2.7", 2);
        assertEquals(Optional.empty(), throttle.pausedFor("192.0.2.7"));
        throttle.failed("192.0.2.7");
        assertTrue(throttle.pausedFor("192.0.2.7").isPresent());
    }

    @Test
    void requestsWithoutAnAddressShareOneCount() {
        AddressThrottle throttle = throttle(2, 100);
        throttle.failed(null);
        throttle.failed(" ");
        assertTrue(throttle.pausedFor(null).isPresent());
        assertTrue(throttle.pausedFor("").isPresent());
        assertFalse(throttle.pausedFor("192.0.2.7").isPresent());
    }

    @Test
    void aFloodOfAddressesIsCappedForgettingTheLeastRecentlyFailingFirst() {
        AddressThrottle throttle = throttle(2, 3);
        fail(throttle, "10.0.0.1", 2);
        assertTrue(throttle.pausedFor("10.0.0.1").isPresent());
        for (int i = 0; i < 10_000; i++) throttle.failed("10.1." + (i / 256) + "." + (i % 256));
        assertEquals(3, throttle.size(), "never more than maxAddresses");
        assertFalse(throttle.pausedFor("10.0.0.1").isPresent(), "the oldest were forgotten");
        throttle.failed("10.1.39.15");  // the most recent flood address, now at its second failure
        assertTrue(throttle.pausedFor("10.1.39.15").isPresent(), "the newest are still counted");
    }

    @Test
    void entriesThatAreOverGoBeforeCountingOnes() {
        AddressThrottle throttle = throttle(2, 100);
        fail(throttle, "10.0.0.1", 1);
        fail(throttle, "10.0.0.2", 1);
        clock.advance(Duration.ofMinutes(6));
        throttle.failed("10.0.0.3");
        assertEquals(1, throttle.size(), "expired windows are dropped when a new failure arrives");
        fail(throttle, "10.0.0.4", 2);
        clock.advance(Duration.ofMinutes(2));
        assertFalse(throttle.pausedFor("10.0.0.4").isPresent());
        assertEquals(1, throttle.size(), "an ended lockout is dropped when looked at");
    }

    @Test
    void zeroFailuresTurnsItOff() {
        AddressThrottle throttle = throttle(0, 100);
        fail(throttle, "192.0.2.7", 1000);
        assertFalse(throttle.pausedFor("192.0.2.7").isPresent());
        assertEquals(0, throttle.size());
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new AddressThrottleSettings(-1, Duration.ofMinutes(1), Duration.ofMinutes(1), 10));
        assertThrows(IllegalArgumentException.class, () -> new AddressThrottleSettings(5, Duration.ZERO, Duration.ofMinutes(1), 10));
        assertThrows(IllegalArgumentException.class, () -> new AddressThrottleSettings(5, Duration.ofMinutes(1), Duration.ZERO, 10));
        assertThrows(IllegalArgumentException.class, () -> new AddressThrottleSettings(5, Duration.ofMinutes(1), Duration.ofMinutes(1), 0));
    }

    @Test
    void thePauseMessageSaysWhereFromAndHowLong() {
        String message = new LoginResult.Paused("192.0.2.7", Duration.ofMillis(245_300)).message();
        assertTrue(message.contains("192.0.2.7"), message);
        assertTrue(message.contains("paused for 4 min 6 s"), message);
        assertEquals("40 s", LoginResult.Paused.wait(Duration.ofSeconds(40)));
        assertEquals("5 min", LoginResult.Paused.wait(Duration.ofMinutes(5)));
        assertEquals("1 s", LoginResult.Paused.wait(Duration.ofMillis(10)));
    }

    @Test
    void ipv6ClientsCountPerSlash64AndIpv4PerAddress() {
        AddressThrottle throttle = throttle(3, 100);
        throttle.failed("2001:db8:1:2::1");
        throttle.failed("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        throttle.failed("[2001:0db8:0001:0002::ffff]");
        assertTrue(throttle.pausedFor("2001:db8:1:2::42").isPresent(), "rotating within one /64 gains nothing");
        assertEquals(Optional.empty(), throttle.pausedFor("2001:db8:1:3::1"), "the next /64 is another client");
        assertEquals("2001:db8:1:2::/64", AddressThrottle.key("2001:db8:1:2::9"));
        assertEquals("fe80:0:0:0::/64", AddressThrottle.key("fe80::1%eth0"));
        fail(throttle, "192.0.2.1", 2);
        throttle.failed("192.0.2.2");
        assertEquals(Optional.empty(), throttle.pausedFor("192.0.2.1"), "IPv4 addresses count one by one");
    }
}
