package org.gve.site.vm;

import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.agents.AgentDirectory;
import org.gve.site.agents.AgentGateway;
import org.gve.site.agents.AgentView;
import org.gve.site.agents.AgentVmView;
import org.gve.site.agents.Placement;
import org.gve.site.agents.PowerRequest;
import org.gve.site.agents.ProfileSpec;
import org.gve.site.jobs.JobContext;
import org.gve.site.jobs.JobHandler;
import org.gve.site.jobs.JobOutcome;
import org.gve.site.jobs.Operation;
import org.gve.site.jobs.Reservation;
import org.gve.site.quota.QuotaLedger;
import org.gve.site.quota.Quotas;
import org.gve.site.quota.Usage;
import org.gve.site.persistence.JobEntity;
import org.gve.site.persistence.VmEntity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * RequestVirtualMachine: on the best agent, hand over a free VM matching the profile or create one
 * from a template; start it; grant it with a lease. The agent VM is recorded on the job before it is
 * started, so a crash can release it; a failure after it was taken gives it back.
 */
public final class RequestVmHandler implements JobHandler {
    private static final Logger LOG = Logger.getLogger(RequestVmHandler.class.getName());
    private final AgentDirectory agents;
    private final Quotas quotas;
    private final Clock clock;

    public RequestVmHandler(AgentDirectory agents, Quotas quotas, Clock clock) {
        this.agents = agents;
        this.quotas = quotas;
        this.clock = clock;
    }

    @Override
    public Operation operation() {
        return Operation.REQUEST_VM;
    }

    @Override
    public JobOutcome run(JobContext context) {
        Payloads.VmRequest request = context.request(Payloads.VmRequest.class);
        String siteVmId = "vm-" + UUID.randomUUID();
        Taken taken = request.existingVmId() != null ? takeExisting(context, request.existingVmId())
                : takeForProfile(context, request.profile(), siteVmId);
        AgentVmView running;
        try {
            context.progress("starting " + taken.vm().name() + " on agent " + taken.gateway().agentName());
            running = taken.gateway().power(taken.vm().agentVmId(), PowerRequest.START);
        } catch (SiteException e) {
            giveBack(taken.gateway(), taken.vm().agentVmId(), taken.created());
            throw e;
        }
        String owner = context.owner();
        String jobId = context.jobId();
        String agentName = taken.gateway().agentName();
        Reservation actual = new Reservation(1, running.vcpus(), running.memoryMiB(), running.diskMiB());
        return new JobOutcome(context.json(new Payloads.VmResult(siteVmId)), s -> {
            QuotaLedger.replace(s, QuotaLedger.lockUser(s, owner), context.reservation(), actual);
            VmEntity vm = new VmEntity(siteVmId, owner, agentName, running.agentVmId(), running.hypervisor(),
                    taken.created(), clock.instant(), clock.instant().plus(Duration.ofSeconds(request.leaseSeconds())));
            vm.observed(running.name(), running.state(), running.vcpus(), running.memoryMiB(), running.diskMiB(),
                    running.template(), running.hostName());
            s.persist(vm);
            s.find(JobEntity.class, jobId).vmId(siteVmId);
        });
    }

    /** A crash left the agent VM taken but not granted: give it back (destroy it if the job made it). */
    @Override
    public void recover(JobContext context) {
        if (context.agentVmId() == null) return;
        giveBackOrThrow(agents.gateway(context.agentName()), context.agentVmId(), context.agentVmCreated());
    }

    private record Taken(AgentGateway gateway, AgentVmView vm, boolean created) {
    }

    private Taken takeForProfile(JobContext context, ProfileSpec profile, String siteVmId) {
        List<AgentView> candidates = Placement.candidates(agents.agents(), profile);
        if (candidates.isEmpty()) {
            throw new SiteException(SiteFault.AGENT_UNAVAILABLE, "NO_AGENT_AVAILABLE",
                    "no agent is up" + (profile.hypervisor() != null ? " for hypervisor " + profile.hypervisor() : "")
                            + " with " + profile.memoryMiB() + " MiB free");
        }
        SiteException last = null;
        for (AgentView agent : candidates) {
            AgentGateway gateway = agents.gateway(agent.name());
            try {
                context.progress("looking for a free VM on agent " + agent.name());
                Usage room = quotas.headroom(context.owner(), context.reservation());
                for (AgentVmView free : gateway.findFree(profile)) {
                    if (free.vcpus() > room.vcpus() || free.memoryMiB() > room.memoryMiB() || free.diskMiB() > room.diskMiB()) {
                        continue;  // larger than the profile and more than the owner's quota leaves room for
                    }
                    try {
                        AgentVmView vm = gateway.acquire(free.agentVmId());
                        context.agentVm(agent.name(), vm.agentVmId(), false);
                        return new Taken(gateway, vm, false);
                    } catch (SiteException e) {
                        if (e.fault() != SiteFault.INVALID_STATE) throw e;  // taken by someone else meanwhile
                    }
                }
                context.progress("creating a VM from a template on agent " + agent.name());
                AgentVmView vm = gateway.create(profile, profile.name() != null ? profile.name() : "gve-" + siteVmId.substring(3, 15));
                context.agentVm(agent.name(), vm.agentVmId(), true);
                return new Taken(gateway, vm, true);
            } catch (SiteException e) {
                if (e.fault() == SiteFault.AGENT_UNAVAILABLE) agents.markDown(agent.name(), e.getMessage());
                last = e;
            }
        }
        throw last;
    }

    private Taken takeExisting(JobContext context, String agentVmId) {
        for (AgentView agent : agents.agents()) {
            if (!agent.isUp()) continue;
            AgentGateway gateway = agents.gateway(agent.name());
            try {
                AgentVmView vm = gateway.acquire(agentVmId);
                context.agentVm(agent.name(), vm.agentVmId(), false);
                return new Taken(gateway, vm, false);
            } catch (SiteException e) {
                if (e.fault() != SiteFault.NOT_FOUND) throw e;
            }
        }
        throw new SiteException(SiteFault.NOT_FOUND, "VM_NOT_FOUND", "no free VM '" + agentVmId + "' on any agent");
    }

    private void giveBack(AgentGateway gateway, String agentVmId, boolean destroy) {
        try {
            giveBackOrThrow(gateway, agentVmId, destroy);
        } catch (SiteException e) {
            LOG.log(Level.WARNING, "could not give VM " + agentVmId + " back to agent " + gateway.agentName()
                    + "; the agent's registry still lists it as held by this site", e);
        }
    }

    private static void giveBackOrThrow(AgentGateway gateway, String agentVmId, boolean destroy) {
        try {
            gateway.release(agentVmId, destroy);
        } catch (SiteException e) {
            if (e.fault() != SiteFault.NOT_FOUND) throw e;  // already gone: nothing to undo
        }
    }
}
