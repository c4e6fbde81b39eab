package org.gve.site.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Slows password guessing per client address, whatever the user names tried: after
 * {@code maxFailures} failed logins (wrong password or unknown user) from one address within
 * {@code window}, logins from that address are refused for {@code lockout} before any password is
 * looked at, so a flood of invented names costs no hashing. A good login does not clear the count
 * (an attacker holding one account could otherwise reset it between guesses); failures simply age
 * out with the window. IPv6 clients count per /64 network. At most {@code maxAddresses} addresses are remembered: each new failure first
 * drops the entries that are over (window and lockout past) from the least recently used end, and past
 * the cap the least recently failing (or checked) address is forgotten.
 */
final class AddressThrottle {
    private static final Logger LOG = Logger.getLogger(AddressThrottle.class.getName());
    private final Clock clock;
    private final AddressThrottleSettings settings;
    /** In access order: the eldest entry is the one least recently failing (or checked). Guarded by this. */
    private final LinkedHashMap<String, Failures> failures;

    private record Failures(int count, Instant first, Instant lockedUntil) {
        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        /** Neither counting nor locking any more: as if never seen. */
        boolean overAt(Instant now, Duration window) {
            return !lockedAt(now) && (lockedUntil != null || !now.isBefore(first.plus(window)));
        }
    }

    AddressThrottle(Clock clock, AddressThrottleSettings settings) {
        this.clock = clock;
        this.settings = settings;
        this.failures = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > settings.maxAddresses();
            }
        };
    }

    /** How much longer logins from {@code address} are refused, or empty when they are not. */
    synchronized Optional<Duration> pausedFor(String address) {
        if (!settings.enabled()) return Optional.empty();
        String key = key(address);
        Failures f = failures.get(key);
        if (f == null) return Optional.empty();
        Instant now = clock.instant();
        if (f.lockedAt(now)) return Optional.of(Duration.between(now, f.lockedUntil()));
        if (f.overAt(now, settings.window())) failures.remove(key);
        return Optional.empty();
    }

    /** Counts a failed login from {@code address}; the one that reaches the limit starts the lockout. */
    synchronized void failed(String address) {
        if (!settings.enabled()) return;
        String key = key(address);
        Instant now = clock.instant();
        forgetOver(now);
        Failures f = failures.get(key);
        if (f != null && f.lockedAt(now)) return;  // refused before it was checked; nothing to count
        Failures next = f == null || f.overAt(now, settings.window())
                ? new Failures(1, now, null) : new Failures(f.count() + 1, f.first(), null);
        if (next.count() >= settings.maxFailures()) {
            next = new Failures(next.count(), next.first(), now.plus(settings.lockout()));
            LOG.warning("logins from " + key + " paused for " + settings.lockout().toSeconds() + " s after "
                    + next.count() + " failed logins within " + settings.window().toSeconds() + " s");
        }
        failures.put(key, next);
    }

    /** How many addresses are remembered now. */
    synchronized int size() {
        return failures.size();
    }

    /** Drops entries that are over from the eldest end, stopping at the first that still counts. */
    private void forgetOver(Instant now) {
        Iterator<Failures> eldest = failures.values().iterator();
        while (eldest.hasNext() && eldest.next().overAt(now, settings.window())) eldest.remove();
    }

    /**
     * The entry an address counts against: an IPv4 address on its own, an IPv6 address by its /64
     * network (one subscriber commonly holds a whole /64, so rotating addresses within it gains
     * nothing); requests without a known address (no servlet request) share one entry.
     */
    static String key(String address) {
        if (address == null || address.isBlank()) return "unknown";
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) a = a.substring(1, a.length() - 1);
        int zone = a.indexOf('%');
        if (zone >= 0) a = a.substring(0, zone);
        if (!a.contains(":")) return a;
        try {
            byte[] bytes = java.net.InetAddress.getByName(a).getAddress();  // a literal: no name lookup
            if (bytes.length != 16) return a;
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (java.net.UnknownHostException e) {
            return a;
        }
    }
}
