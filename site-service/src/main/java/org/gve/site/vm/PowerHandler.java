package org.gve.site.vm;

import org.gve.site.agents.AgentDirectory;
import org.gve.site.agents.AgentVmView;
import org.gve.site.agents.PowerRequest;
import org.gve.site.jobs.JobContext;
import org.gve.site.jobs.JobHandler;
import org.gve.site.jobs.JobOutcome;
import org.gve.site.jobs.Operation;

/** START, SHUTDOWN, SUSPEND, RESUME, REBOOT: one power change on the VM's agent. All are safe to repeat. */
public final class PowerHandler implements JobHandler {
    private final Operation operation;
    private final AgentDirectory agents;
    private final SiteVms vms;

    public PowerHandler(Operation operation, AgentDirectory agents, SiteVms vms) {
        this.operation = operation;
        this.agents = agents;
        this.vms = vms;
    }

    @Override
    public Operation operation() {
        return operation;
    }

    /** Power changes are idempotent on the agent: after a site restart the job simply runs again. */
    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public JobOutcome run(JobContext context) {
        Payloads.VmOperation request = context.request(Payloads.VmOperation.class);
        SiteVm vm = vms.active(request.vmId());
        context.progress(operation.name().toLowerCase() + " on agent " + vm.agentName());
        AgentVmView after = agents.gateway(vm.agentName()).power(vm.agentVmId(), powerRequest(request.force()));
        return new JobOutcome(context.json(new Payloads.VmResult(vm.vmId())), VmJobs.observe(vm.vmId(), after));
    }

    private PowerRequest powerRequest(boolean force) {
        return switch (operation) {
            case START -> PowerRequest.START;
            case SHUTDOWN -> force ? PowerRequest.FORCE_SHUTDOWN : PowerRequest.SHUTDOWN;
            case SUSPEND -> PowerRequest.SUSPEND;
            case RESUME -> PowerRequest.RESUME;
            case REBOOT -> PowerRequest.REBOOT;
            default -> throw new IllegalStateException(operation + " is not a power operation");
        };
    }
}
