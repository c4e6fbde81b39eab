package org.gve.site.quota;

import jakarta.persistence.LockModeType;
import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.jobs.Reservation;
import org.gve.site.persistence.UserEntity;
import org.hibernate.Session;

/**
 * "Compute allocable resources": what a user holds now (granted VMs not released and not lost)
 * plus what their pending and running jobs reserve. {@link #reserve} runs inside the transaction that writes the job, with the user's row
 * locked, so concurrent requests of one user are checked one after another and can never pass
 * the limit together.
 */
public final class QuotaLedger {
    private QuotaLedger() {
    }

    public static UserEntity lockUser(Session s, String owner) {
        UserEntity user = s.find(UserEntity.class, owner, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) throw new SiteException(SiteFault.NOT_AUTHORIZED, "UNKNOWN_USER", "no user '" + owner + "'");
        return user;
    }

    public static UserEntity userOf(Session s, String owner) {
        UserEntity user = s.find(UserEntity.class, owner);
        if (user == null) throw new SiteException(SiteFault.NOT_AUTHORIZED, "UNKNOWN_USER", "no user '" + owner + "'");
        return user;
    }

    /** Checks that {@code wanted} fits the user's quota; the caller then stores it on the job. */
    public static void reserve(Session s, UserEntity user, Reservation wanted) {
        Usage after = usage(s, user.userName()).plus(wanted.vms(), wanted.vcpus(), wanted.memoryMiB(), wanted.diskMiB());
        check("VMs", after.vms(), user.maxVms());
        check("vCPUs", after.vcpus(), user.maxVcpus());
        check("MiB of memory", after.memoryMiB(), user.maxMemoryMiB());
        check("MiB of disk", after.diskMiB(), user.maxDiskMiB());
    }

    /**
     * Checks that the user still fits their quota when a job's reservation {@code held} is replaced
     * by what it really got ({@code actual}); call with the user's row locked, in the commit.
     */
    public static void replace(Session s, UserEntity user, Reservation held, Reservation actual) {
        Usage after = usage(s, user.userName()).plus(actual.vms() - held.vms(), actual.vcpus() - held.vcpus(),
                actual.memoryMiB() - held.memoryMiB(), actual.diskMiB() - held.diskMiB());
        check("VMs", after.vms(), user.maxVms());
        check("vCPUs", after.vcpus(), user.maxVcpus());
        check("MiB of memory", after.memoryMiB(), user.maxMemoryMiB());
        check("MiB of disk", after.diskMiB(), user.maxDiskMiB());
    }

    /** What the user could still take on top of {@code own} (a reservation already counted in their usage). */
    public static Usage headroom(Session s, UserEntity user, Reservation own) {
        Usage used = usage(s, user.userName());
        return new Usage(user.maxVms() - used.vms() + own.vms(), user.maxVcpus() - used.vcpus() + own.vcpus(),
                user.maxMemoryMiB() - used.memoryMiB() + own.memoryMiB(),
                user.maxDiskMiB() - used.diskMiB() + own.diskMiB());
    }

    public static Usage usage(Session s, String owner) {
        Object[] held = s.createSelectionQuery(
                "select count(*), coalesce(sum(v.vcpus), 0), coalesce(sum(v.memoryMiB), 0), coalesce(sum(v.diskMiB), 0)"
                        + " from VmEntity v where v.owner = :owner and v.released is null and v.lostAt is null",
                        Object[].class)
                .setParameter("owner", owner).getSingleResult();
        Object[] reserved = s.createSelectionQuery(
                "select coalesce(sum(j.reservedVms), 0), coalesce(sum(j.reservedVcpus), 0),"
                        + " coalesce(sum(j.reservedMemoryMiB), 0), coalesce(sum(j.reservedDiskMiB), 0)"
                        + " from JobEntity j where j.owner = :owner and j.status in ('PENDING', 'RUNNING')", Object[].class)
                .setParameter("owner", owner).getSingleResult();
        return new Usage(intOf(held[0]) + intOf(reserved[0]), intOf(held[1]) + intOf(reserved[1]),
                longOf(held[2]) + longOf(reserved[2]), longOf(held[3]) + longOf(reserved[3]));
    }

    private static void check(String what, long wouldHold, long limit) {
        if (wouldHold > limit) {
            throw new SiteException(SiteFault.QUOTA_EXCEEDED, "QUOTA_EXCEEDED",
                    "this request would bring you to " + wouldHold + " " + what + "; your quota allows " + limit);
        }
    }

    private static int intOf(Object n) {
        return ((Number) n).intValue();
    }

    private static long longOf(Object n) {
        return ((Number) n).longValue();
    }
}
