package org.gve.site.lease;

import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.agents.AgentDirectory;
import org.gve.site.agents.AgentVmView;
import org.gve.site.agents.PowerRequest;
import org.gve.site.jobs.JobContext;
import org.gve.site.jobs.JobHandler;
import org.gve.site.jobs.JobOutcome;
import org.gve.site.jobs.Operation;
import org.gve.site.persistence.VmEntity;
import org.gve.site.vm.Payloads;
import org.gve.site.vm.SiteVm;
import org.gve.site.vm.SiteVms;

import java.time.Clock;
import java.time.Instant;

/**
 * LEASE_EXPIRY: powers off (hard: the guest has no say) a VM whose lease ended and marks it stopped
 * for its lease. Nothing to do when the lease was extended, or the VM released or lost, meanwhile.
 * A VM its agent no longer has is marked stopped too (reconciliation deals with it at start-up).
 */
public final class LeaseExpiryHandler implements JobHandler {
    private final AgentDirectory agents;
    private final SiteVms vms;
    private final Clock clock;

    public LeaseExpiryHandler(AgentDirectory agents, SiteVms vms, Clock clock) {
        this.agents = agents;
        this.vms = vms;
        this.clock = clock;
    }

    @Override
    public Operation operation() {
        return Operation.LEASE_EXPIRY;
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public JobOutcome run(JobContext context) {
        SiteVm vm = vms.byId(context.request(Payloads.VmOperation.class).vmId());
        String result = context.json(new Payloads.VmResult(vm.vmId()));
        if (vm.released() != null || vm.lost() || !vm.leaseExpired(clock.instant())) {
            context.progress("nothing to do: the VM was released, lost or its lease extended meanwhile");
            return JobOutcome.of(result);
        }
        context.progress("the lease ended at " + vm.leaseDeadline() + "; powering the VM off");
        AgentVmView after;
        try {
            after = agents.gateway(vm.agentName()).power(vm.agentVmId(), PowerRequest.POWER_OFF);
        } catch (SiteException e) {
            if (e.fault() != SiteFault.NOT_FOUND) throw e;
            after = null;
        }
        AgentVmView seen = after;
        Instant now = clock.instant();
        return new JobOutcome(result, s -> {
            VmEntity entity = s.find(VmEntity.class, vm.vmId());
            if (seen != null) {
                entity.observed(seen.name(), seen.state(), seen.vcpus(), seen.memoryMiB(), seen.diskMiB(),
                        seen.template(), seen.hostName());
            }
            entity.leaseStopped(now);
        });
    }
}
