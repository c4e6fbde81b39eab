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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * RequestVirtualMachine: on the best agent (see {@link Placement}), hand over a free VM matching the
 * profile or create one from a template, or take the free VM the request names; start it; grant it
 * with a lease. A free VM larger than the profile is taken only if the owner's quota has room for
 * its real size, which replaces the job's reservation when the grant commits. The agent VM is
 * recorded on the job before it is started, so a crash can give it back; a failure after it was
 * taken gives it back (powered off if it came from the pool, destroyed if the job made it).
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
        agents.noteAllocated(taken.gateway().agentName(), taken.vm().vcpus(), taken.vm().memoryMiB());
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

    /**
     * First a free VM matching the profile on any candidate agent (in placement order), then a new
     * one from a template on the first candidate that can make it. An agent that cannot be reached
     * is marked DOWN and the next one is tried.
     */
    private Taken takeForProfile(JobContext context, ProfileSpec profile, String siteVmId) {
        List<AgentView> candidates = Placement.candidates(agents.agents(), profile);
        if (candidates.isEmpty()) {
            throw new SiteException(SiteFault.AGENT_UNAVAILABLE, "NO_AGENT_AVAILABLE",
                    "no agent is up" + (profile.hypervisor() != null ? " for hypervisor " + profile.hypervisor() : "")
                            + " with " + profile.memoryMiB() + " MiB free");
        }
        SiteException last = null;
        List<AgentView> reachable = new ArrayList<>();
        for (AgentView agent : candidates) {
            try {
                Taken free = takeFree(context, agent, profile);
                if (free != null) return free;
                reachable.add(agent);
            } catch (SiteException e) {
                last = failedOn(agent, e);
            }
        }
        for (AgentView agent : reachable) {
            try {
                context.progress("creating a VM from a template on agent " + agent.name());
                AgentGateway gateway = agents.gateway(agent.name());
                AgentVmView vm = gateway.create(profile, profile.name() != null ? profile.name() : "gve-" + siteVmId.substring(3, 15));
                context.agentVm(agent.name(), vm.agentVmId(), true);
                return new Taken(gateway, vm, true);
            } catch (SiteException e) {
                last = failedOn(agent, e);
            }
        }
        throw last;
    }

    /** A free VM of {@code agent} matching the profile that the owner's quota has room for, or null. */
    private Taken takeFree(JobContext context, AgentView agent, ProfileSpec profile) {
        AgentGateway gateway = agents.gateway(agent.name());
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
                if (e.fault() != SiteFault.INVALID_STATE && e.fault() != SiteFault.NOT_FOUND) throw e;
                // taken by someone else meanwhile, or gone: try the next one
            }
        }
        return null;
    }

    private SiteException failedOn(AgentView agent, SiteException e) {
        if (e.fault() == SiteFault.AGENT_UNAVAILABLE) agents.markDown(agent.name(), e.getMessage());
        return e;
    }

    private Taken takeExisting(JobContext context, String agentVmId) {
        for (AgentView agent : agents.agents()) {
            if (!agent.isUp()) continue;
            AgentGateway gateway = agents.gateway(agent.name());
            AgentVmView vm;
            try {
                vm = gateway.acquire(agentVmId);
            } catch (SiteException e) {
                if (e.fault() != SiteFault.NOT_FOUND) throw e;
                continue;
            }
            context.agentVm(agent.name(), vm.agentVmId(), false);
            Usage room = quotas.headroom(context.owner(), context.reservation());
            if (vm.vcpus() > room.vcpus() || vm.memoryMiB() > room.memoryMiB() || vm.diskMiB() > room.diskMiB()) {
                giveBack(gateway, vm.agentVmId(), false);
                throw new SiteException(SiteFault.QUOTA_EXCEEDED, "QUOTA_EXCEEDED", "VM " + agentVmId + " has "
                        + vm.vcpus() + " vCPUs, " + vm.memoryMiB() + " MiB and " + vm.diskMiB()
                        + " MiB of disk; your quota leaves room for " + room.vcpus() + " vCPUs, " + room.memoryMiB()
                        + " MiB and " + room.diskMiB() + " MiB of disk");
            }
            return new Taken(gateway, vm, false);
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

    /** Pool VMs go back powered off (the job may have started them); VMs the job made are destroyed. */
    private static void giveBackOrThrow(AgentGateway gateway, String agentVmId, boolean destroy) {
        try {
            if (!destroy) gateway.power(agentVmId, PowerRequest.POWER_OFF);
            gateway.release(agentVmId, destroy);
        } catch (SiteException e) {
            if (e.fault() != SiteFault.NOT_FOUND) throw e;  // already gone: nothing to undo
        }
    }
}
