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
 * Usage per user, from the grants themselves (see {@link Metering} for what is charged): VM-hours,
 * vCPU-hours and memory MiB-hours over a period (default: the last 30 days). Users read their own;
 * administrators anyone's, or everyone's at once.
 */
public final class Accounting {
    private final SessionFactory sessions;
    private final Clock clock;

    public Accounting(SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    public List<UsageRecord> usage(Caller caller, String userName, Instant from, Instant to) {
        Instant now = clock.instant();
        Instant end = to != null ? to : now;
        Instant start = from != null ? from : end.minus(Duration.ofDays(30));
        if (!start.isBefore(end)) throw SiteException.invalid("INVALID_PERIOD", "From must be before To");
        String owner = userName;
        if (!caller.isAdministrator()) {
            if (owner != null && !owner.equals(caller.userName())) {
                throw new SiteException(SiteFault.NOT_AUTHORIZED, "ADMINISTRATOR_REQUIRED",
                        "only administrators read other users' usage");
            }
            owner = caller.userName();
        } else if (owner != null) {
            requireUser(owner);
        }
        Map<String, double[]> totals = new TreeMap<>();
        if (owner != null) totals.put(owner, new double[3]);
        for (VmEntity vm : grants(owner, start, end)) {
            Instant until = Metering.chargedUntil(vm.granted(), vm.released(), vm.lostAt(), vm.leaseDeadline(), now);
            double hours = Metering.hoursWithin(vm.granted(), until, start, end);
            double[] t = totals.computeIfAbsent(vm.owner(), k -> new double[3]);
            t[0] += hours;
            t[1] += hours * vm.vcpus();
            t[2] += hours * vm.memoryMiB();
        }
        return totals.entrySet().stream()
                .map(e -> new UsageRecord(e.getKey(), start, end, e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
    }

    private List<VmEntity> grants(String owner, Instant start, Instant end) {
        return sessions.fromSession(s -> {
            var q = s.createSelectionQuery("from VmEntity v where v.granted < :end and (v.released is null or v.released > :start)"
                    + (owner != null ? " and v.owner = :owner" : "") + " order by v.granted", VmEntity.class)
                    .setParameter("end", end).setParameter("start", start);
            if (owner != null) q.setParameter("owner", owner);
            return q.getResultList();
        });
    }

    private void requireUser(String userName) {
        boolean known = sessions.fromSession(s -> s.find(org.gve.site.persistence.UserEntity.class, userName) != null);
        if (!known) throw new SiteException(SiteFault.NOT_FOUND, "USER_NOT_FOUND", "no user '" + userName + "'");
    }
}
