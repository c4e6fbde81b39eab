package org.gve.site.vm;

import org.gve.site.agents.AgentDirectory;
import org.gve.site.agents.GuestCommandOutcome;
import org.gve.site.jobs.JobContext;
import org.gve.site.jobs.JobHandler;
import org.gve.site.jobs.JobOutcome;
import org.gve.site.jobs.Operation;

/** RUN_COMMAND: a program in the guest, through the VM's agent and the guest's InstallService. */
public final class RunCommandHandler implements JobHandler {
    private final AgentDirectory agents;
    private final SiteVms vms;

    public RunCommandHandler(AgentDirectory agents, SiteVms vms) {
        this.agents = agents;
        this.vms = vms;
    }

    @Override
    public Operation operation() {
        return Operation.RUN_COMMAND;
    }

    @Override
    public JobOutcome run(JobContext context) {
        Payloads.RunCommand request = context.request(Payloads.RunCommand.class);
        SiteVm vm = vms.active(request.vmId());
        context.progress("running " + request.command().argv().get(0) + " in the guest");
        GuestCommandOutcome outcome = agents.gateway(vm.agentName()).runCommand(vm.agentVmId(), request.command());
        return JobOutcome.of(context.json(outcome));
    }
}
