package org.gve.site.vm;

import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.agents.AgentDirectory;
import org.gve.site.agents.AgentGateway;
import org.gve.site.agents.PowerRequest;
import org.gve.site.jobs.JobContext;
import org.gve.site.jobs.JobHandler;
import org.gve.site.jobs.JobOutcome;
import org.gve.site.jobs.Operation;
import org.gve.site.persistence.VmEntity;

import java.time.Clock;

/**
 * RELEASE (by the owner) and RECLAIM (by an administrator): a VM made for the grant is destroyed
 * with its disks, so nothing of one user reaches the next; a VM taken from the agent's free pool is
 * powered off and handed back to the pool. The owner's quota is returned when the job commits.
 * A LOST VM is gone from its agent already: only the grant ends. Releasing again is harmless, so
 * an interrupted release resumes after a site restart.
 */
public final class ReleaseHandler implements JobHandler {
    private final Operation operation;
    private final AgentDirectory agents;
    private final SiteVms vms;
    private final Clock clock;

    public ReleaseHandler(Operation operation, AgentDirectory agents, SiteVms vms, Clock clock) {
        this.operation = operation;
        this.agents = agents;
        this.vms = vms;
        this.clock = clock;
    }

    @Override
    public Operation operation() {
        return operation;
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public JobOutcome run(JobContext context) {
        Payloads.VmOperation request = context.request(Payloads.VmOperation.class);
        SiteVm vm = vms.byId(request.vmId());
        if (vm.released() != null) return JobOutcome.of(context.json(new Payloads.VmResult(vm.vmId())));
        if (!vm.lost()) {
            giveBack(context, vm);
            agents.noteFreed(vm.agentName(), vm.vcpus(), vm.memoryMiB());
        }
        return new JobOutcome(context.json(new Payloads.VmResult(vm.vmId())), s -> {
            VmEntity entity = s.find(VmEntity.class, vm.vmId());
            entity.state("RELEASED");
            entity.released(clock.instant());
        });
    }

    private void giveBack(JobContext context, SiteVm vm) {
        AgentGateway gateway = agents.gateway(vm.agentName());
        try {
            if (!vm.createdBySite()) {
                context.progress("powering off before handing back to the pool");
                gateway.power(vm.agentVmId(), PowerRequest.POWER_OFF);
            }
            context.progress(vm.createdBySite() ? "destroying the VM and its disks" : "returning the VM to the pool");
            gateway.release(vm.agentVmId(), vm.createdBySite());
        } catch (SiteException e) {
            if (e.fault() != SiteFault.NOT_FOUND) throw e;  // already gone on the agent: release the grant anyway
        }
    }
}
