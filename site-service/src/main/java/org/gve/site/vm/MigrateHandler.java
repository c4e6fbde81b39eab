package org.gve.site.vm;

import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.agents.AgentDirectory;
import org.gve.site.agents.AgentGateway;
import org.gve.site.agents.AgentView;
import org.gve.site.agents.AgentVmView;
import org.gve.site.agents.MigrationTargetView;
import org.gve.site.jobs.JobContext;
import org.gve.site.jobs.JobHandler;
import org.gve.site.jobs.JobOutcome;
import org.gve.site.jobs.Operation;
import org.gve.site.persistence.VmEntity;

/**
 * MIGRATE: to another host of the same agent (TargetHost), or to another agent of the same
 * hypervisor type (TargetAgent): the destination says where to send the VM, the source moves it
 * (live when running), the destination adopts it, and the site records the new home.
 */
public final class MigrateHandler implements JobHandler {
    private final AgentDirectory agents;
    private final SiteVms vms;

    public MigrateHandler(AgentDirectory agents, SiteVms vms) {
        this.agents = agents;
        this.vms = vms;
    }

    @Override
    public Operation operation() {
        return Operation.MIGRATE;
    }

    private static AgentVmView adopt(AgentGateway target, String agentVmId, String targetName) {
        try {
            return target.adopt(agentVmId);
        } catch (SiteException e) {
            throw new SiteException(SiteFault.AGENT_UNAVAILABLE, "ADOPTION_FAILED", "the VM migrated to agent "
                    + targetName + " but that agent did not take it over (" + e.getMessage() + "); the site records"
                    + " it there: retry the migration to " + targetName + " (adoption is idempotent) or reclaim it", e);
        }
    }

    @Override
    public JobOutcome run(JobContext context) {
        Payloads.VmOperation request = context.request(Payloads.VmOperation.class);
        SiteVm vm = vms.byId(request.vmId());
        AgentGateway source = agents.gateway(vm.agentName());
        if (vm.agentName().equals(request.targetAgent()) && request.targetHost() == null) {
            // already there (an earlier migration whose adoption failed): take it over now
            context.progress("agent " + vm.agentName() + " adopts the VM");
            AgentVmView adopted = adopt(source, vm.agentVmId(), vm.agentName());
            return new JobOutcome(context.json(new Payloads.VmResult(vm.vmId())), VmJobs.observe(vm.vmId(), adopted));
        }
        if (request.targetAgent() == null || request.targetAgent().equals(vm.agentName())) {
            context.progress("moving to host " + request.targetHost());
            AgentVmView moved = source.migrate(vm.agentVmId(), null, request.targetHost());
            return new JobOutcome(context.json(new Payloads.VmResult(vm.vmId())), VmJobs.observe(vm.vmId(), moved));
        }
        AgentView targetAgent = agents.agent(request.targetAgent());
        if (!targetAgent.hypervisor().equals(vm.hypervisor())) {
            throw new SiteException(SiteFault.INVALID_ARGUMENT, "HYPERVISOR_MISMATCH", "agent " + targetAgent.name()
                    + " runs " + targetAgent.hypervisor() + ", the VM needs " + vm.hypervisor());
        }
        AgentGateway target = agents.gateway(targetAgent.name());
        MigrationTargetView destination = target.migrationTarget();
        context.progress("migrating from agent " + vm.agentName() + " to agent " + targetAgent.name());
        AgentVmView moved = source.migrate(vm.agentVmId(), destination, request.targetHost());
        // the VM now runs on the target: say so before anything else can fail
        context.recordNow(s -> s.find(VmEntity.class, vm.vmId()).movedTo(targetAgent.name(), vm.agentVmId(),
                destination.hostName()));
        context.progress("agent " + targetAgent.name() + " adopts the VM");
        AgentVmView adopted = adopt(target, vm.agentVmId(), targetAgent.name());
        return new JobOutcome(context.json(new Payloads.VmResult(vm.vmId())), s -> {
            VmEntity entity = s.find(VmEntity.class, vm.vmId());
            entity.movedTo(targetAgent.name(), adopted.agentVmId(), adopted.hostName() != null ? adopted.hostName()
                    : moved.hostName());
            VmJobs.observe(vm.vmId(), adopted).accept(s);
        });
    }
}
