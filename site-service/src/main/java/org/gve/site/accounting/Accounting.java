package org.gve.site.accounting;

import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.identity.Caller;
import org.gve.site.persistence.VmEntity;
import org.hibernate.SessionFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Usage per user, from the grants themselves: a VM counts from the moment it was granted until it
 * was released (or now), clipped to the asked period. Users read their own; administrators anyone's.
 */
public final class Accounting {
    private static final double MILLIS_PER_HOUR = 3_600_000.0;
    private final SessionFactory sessions;
    private final Clock clock;

    public Accounting(SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    public List<UsageRecord> usage(Caller caller, String userName, Instant from, Instant to) {
        Instant end = to != null ? to : clock.instant();
        Instant start = from != null ? from : end.minus(Duration.ofDays(30));
        if (!start.isBefore(end)) throw SiteException.invalid("INVALID_PERIOD", "From must be before To");
        String who = userName;
        if (!caller.isAdministrator()) {
            if (who != null && !who.equals(caller.userName())) {
                throw new SiteException(SiteFault.NOT_AUTHORIZED, "ADMINISTRATOR_REQUIRED",
                        "only administrators read other users' usage");
            }
            who = caller.userName();
        }
        String owner = who;
        List<VmEntity> grants = sessions.fromSession(s -> {
            var q = s.createSelectionQuery("from VmEntity v where v.granted < :end and (v.released is null or v.released > :start)"
                    + (owner != null ? " and v.owner = :owner" : ""), VmEntity.class)
                    .setParameter("end", end).setParameter("start", start);
            if (owner != null) q.setParameter("owner", owner);
            return q.getResultList();
        });
        Map<String, double[]> totals = new TreeMap<>();
        if (owner != null) totals.put(owner, new double[3]);
        Instant now = clock.instant();
        for (VmEntity vm : grants) {
            Instant a = vm.granted().isAfter(start) ? vm.granted() : start;
            Instant released = vm.released() != null ? vm.released() : now;
            Instant b = released.isBefore(end) ? released : end;
            double hours = Math.max(0, Duration.between(a, b).toMillis()) / MILLIS_PER_HOUR;
            double[] t = totals.computeIfAbsent(vm.owner(), k -> new double[3]);
            t[0] += hours;
            t[1] += hours * vm.vcpus();
            t[2] += hours * vm.memoryMiB();
        }
        return totals.entrySet().stream()
                .map(e -> new UsageRecord(e.getKey(), start, end, e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
    }
}
