package org.gve.site.vm;

import org.gve.site.agents.AgentDirectory;
import org.gve.site.agents.AgentVmView;
import org.gve.site.jobs.JobContext;
import org.gve.site.jobs.JobHandler;
import org.gve.site.jobs.JobOutcome;
import org.gve.site.jobs.Operation;

/** SNAPSHOT and REVERT. */
public final class SnapshotHandler implements JobHandler {
    private final boolean revert;
    private final AgentDirectory agents;
    private final SiteVms vms;

    public SnapshotHandler(boolean revert, AgentDirectory agents, SiteVms vms) {
        this.revert = revert;
        this.agents = agents;
        this.vms = vms;
    }

    @Override
    public Operation operation() {
        return revert ? Operation.REVERT : Operation.SNAPSHOT;
    }

    /** Reverting again is harmless; taking a snapshot again would fail on the name, so it is not resumed. */
    @Override
    public boolean resumable() {
        return revert;
    }

    @Override
    public JobOutcome run(JobContext context) {
        Payloads.VmOperation request = context.request(Payloads.VmOperation.class);
        SiteVm vm = vms.active(request.vmId());
        context.progress((revert ? "reverting to snapshot " : "taking snapshot ") + request.snapshotName());
        AgentVmView after = agents.gateway(vm.agentName()).snapshot(vm.agentVmId(), request.snapshotName(), revert);
        return new JobOutcome(context.json(new Payloads.VmResult(vm.vmId())), VmJobs.observe(vm.vmId(), after));
    }
}
