package org.gve.site.lease;

import org.gve.site.jobs.JobService;
import org.gve.site.jobs.Operation;
import org.gve.site.jobs.Reservation;
import org.gve.site.jobs.Submission;
import org.gve.site.vm.Payloads;
import org.hibernate.SessionFactory;

import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds granted VMs past their lease deadline that are not stopped for it yet and submits a
 * {@link Operation#LEASE_EXPIRY} job for each (owned by the VM's owner, so it shows in their job
 * list, and queued behind any job already on the VM). VMs on agents that are DOWN wait for the
 * agent to come back. Run periodically by the site (gve.site.lease-check-seconds).
 */
public final class LeaseEnforcer {
    private static final Logger LOG = Logger.getLogger(LeaseEnforcer.class.getName());
    private final SessionFactory sessions;
    private final JobService jobs;
    private final Clock clock;

    public LeaseEnforcer(SessionFactory sessions, JobService jobs, Clock clock) {
        this.sessions = sessions;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Submits the stop jobs due now; returns how many it submitted. */
    public int enforce() {
        List<Object[]> due = sessions.fromSession(s -> s.createSelectionQuery(
                "select v.vmId, v.owner from VmEntity v where v.released is null and v.lostAt is null"
                        + " and v.leaseStopped is null and v.leaseDeadline <= :now"
                        + " and v.agentName in (select a.name from AgentEntity a where a.health = 'UP')"
                        + " and not exists (select 1 from JobEntity j where j.vmId = v.vmId"
                        + " and j.operation = 'LEASE_EXPIRY' and j.status in ('PENDING', 'RUNNING'))"
                        + " order by v.leaseDeadline", Object[].class)
                .setParameter("now", clock.instant()).getResultList());
        int submitted = 0;
        for (Object[] vm : due) {
            String vmId = (String) vm[0];
            try {
                jobs.submit(new Submission((String) vm[1], Operation.LEASE_EXPIRY, vmId,
                        Payloads.VmOperation.of(vmId), null, Reservation.NONE));
                submitted++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not submit the lease stop of VM " + vmId, e);
            }
        }
        if (submitted > 0) LOG.info("lease ended for " + submitted + " VM(s); stopping them");
        return submitted;
    }
}
