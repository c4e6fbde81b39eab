package org.gve.site.agents;

import jakarta.persistence.LockModeType;
import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.persistence.AgentEntity;
import org.gve.site.persistence.JobEntity;
import org.gve.site.persistence.VmEntity;
import org.gve.wsdl.runtime.SecretBox;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The agents this site uses: registration by administrators, health polling, and the gateway to
 * each. An agent that does not answer is marked DOWN; it comes back UP at the next good poll.
 */
public final class AgentDirectory {
    private static final Logger LOG = Logger.getLogger(AgentDirectory.class.getName());
    private static final Pattern AGENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Set<String> HYPERVISORS = Set.of("KVM", "XEN", "VMWARE");
    private final SessionFactory sessions;
    private final GatewayFactory gateways;
    private final Clock clock;
    private final SecretBox secrets;
    private final Map<String, AgentGateway> open = new ConcurrentHashMap<>();

    /** @param secrets seals the credentials the site presents to agents before they are stored */
    public AgentDirectory(SessionFactory sessions, GatewayFactory gateways, Clock clock, SecretBox secrets) {
        this.sessions = sessions;
        this.gateways = gateways;
        this.clock = clock;
        this.secrets = secrets;
    }

    /** Registers (or re-registers) an agent and probes it at once; an unreachable agent is kept, DOWN. */
    public AgentView register(String name, String endpointUrl, String hypervisor, String user, String secret) {
        if (name == null || !AGENT_NAME.matcher(name).matches()) {
            throw SiteException.invalid("INVALID_AGENT_NAME", "Name must be 1-64 letters, digits or . _ - ");
        }
        URI endpoint = endpoint(endpointUrl);
        if (hypervisor == null || !HYPERVISORS.contains(hypervisor)) {
            throw SiteException.invalid("INVALID_HYPERVISOR", "HypervisorType must be one of " + HYPERVISORS);
        }
        sessions.inTransaction(s -> {
            AgentEntity agent = s.find(AgentEntity.class, name);
            if (agent == null) {
                s.persist(new AgentEntity(name, endpoint.toString(), hypervisor, user, secrets.seal(secret), clock.instant()));
            } else {
                agent.endpoint(endpoint.toString(), hypervisor, user, secrets.seal(secret));
            }
        });
        open.remove(name);
        return poll(name);
    }

    /**
     * Forgets an agent. One that still hosts granted VMs is refused unless {@code abandon} is set for
     * an agent that is DOWN (gone for good): then its granted VMs become LOST (they stop counting
     * against quotas and their owners may release them) and their pending jobs are cancelled. Refused
     * while a job runs on the agent, so no job is left halfway.
     *
     * @return the site VM ids marked LOST
     */
    public List<String> unregister(String name, boolean abandon, String admin) {
        List<String> lost = sessions.fromTransaction(s -> {
            AgentEntity agent = s.find(AgentEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
            if (agent == null) throw new SiteException(SiteFault.NOT_FOUND, "AGENT_NOT_FOUND", "no agent '" + name + "'");
            // the VM rows are locked as a job claim locks them: no job of theirs starts meanwhile
            List<VmEntity> held = s.createSelectionQuery("from VmEntity v where v.agentName = :agent"
                    + " and v.released is null and v.lostAt is null order by v.vmId", VmEntity.class)
                    .setParameter("agent", name).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            refuseUnlessRetirable(s, agent, held, abandon);
            Instant now = clock.instant();
            List<String> vmIds = held.stream().map(VmEntity::vmId).toList();
            cancelPendingJobs(s, vmIds, "cancelled: agent '" + name + "' was abandoned by " + admin + " and the VM is lost", now);
            for (VmEntity vm : held) {
                vm.lost(now);
                LOG.warning("VM " + vm.vmId() + " of " + vm.owner() + " is LOST: agent " + name + " was abandoned by " + admin);
            }
            s.remove(agent);
            return vmIds;
        });
        open.remove(name);
        return lost;
    }

    private static void refuseUnlessRetirable(Session s, AgentEntity agent, List<VmEntity> held, boolean abandon) {
        String name = agent.name();
        if (!held.isEmpty() && !abandon) {
            throw new SiteException(SiteFault.INVALID_STATE, "AGENT_IN_USE", "agent '" + name + "' still hosts "
                    + held.size() + " granted VM(s); release or migrate them first (or, if the agent is gone"
                    + " for good and DOWN, unregister it with Abandon)");
        }
        if (abandon && "UP".equals(agent.health())) {
            throw new SiteException(SiteFault.INVALID_STATE, "AGENT_UP", "agent '" + name + "' is up: Abandon is"
                    + " for an agent that is gone for good; release or migrate its VMs instead");
        }
        List<String> vmIds = held.stream().map(VmEntity::vmId).toList();
        long running = s.createSelectionQuery("select count(*) from JobEntity j where j.status = 'RUNNING'"
                        + " and (j.agentName = :agent or j.vmId in :vms)", Long.class)
                .setParameter("agent", name).setParameterList("vms", vmIds.isEmpty() ? List.of("") : vmIds)
                .getSingleResult();
        if (running > 0) {
            throw new SiteException(SiteFault.INVALID_STATE, "AGENT_BUSY", running + " job(s) are running on agent '"
                    + name + "'; unregister it when they have ended");
        }
    }

    private static void cancelPendingJobs(Session s, List<String> vmIds, String reason, Instant now) {
        if (vmIds.isEmpty()) return;
        for (JobEntity job : s.createSelectionQuery("from JobEntity j where j.status = 'PENDING' and j.vmId in :vms",
                JobEntity.class).setParameterList("vms", vmIds).getResultList()) {
            job.fail("CANCELLED", "AGENT_ABANDONED", reason, now);
        }
    }

    /**
     * Seals again, under the current key, the agent credentials stored in clear or under a retired key
     * (after a key rotation); run at start. Returns the agents whose credential was sealed again.
     */
    public List<String> resealSecrets() {
        List<String> resealed = sessions.fromTransaction(s -> {
            List<String> names = new ArrayList<>();
            for (AgentEntity agent : s.createSelectionQuery("from AgentEntity", AgentEntity.class)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()) {
                if (!secrets.needsResealing(agent.secret())) continue;
                try {
                    agent.endpoint(agent.endpointUrl(), agent.hypervisor(), agent.userName(),
                            secrets.seal(secrets.open(agent.secret())));
                    names.add(agent.name());
                } catch (IllegalStateException e) {
                    LOG.warning("the credential stored for agent " + agent.name() + " cannot be opened: " + e.getMessage()
                            + "; the agent stays DOWN until it is registered again or that key is back");
                }
            }
            return names;
        });
        if (!resealed.isEmpty()) LOG.info("sealed the credentials of agents " + resealed + " under the current key");
        return resealed;
    }

    public List<AgentView> agents() {
        return sessions.fromSession(s -> s.createSelectionQuery("from AgentEntity order by name", AgentEntity.class)
                .getResultList().stream().map(AgentDirectory::view).toList());
    }

    public AgentView agent(String name) {
        return sessions.fromSession(s -> {
            AgentEntity agent = s.find(AgentEntity.class, name);
            if (agent == null) throw new SiteException(SiteFault.NOT_FOUND, "AGENT_NOT_FOUND", "no agent '" + name + "'");
            return view(agent);
        });
    }

    /** The gateway to an agent; AGENT_UNAVAILABLE when it is marked DOWN. */
    public AgentGateway gateway(String name) {
        AgentView agent = agent(name);
        if (!agent.isUp()) {
            throw new SiteException(SiteFault.AGENT_UNAVAILABLE, "AGENT_UNAVAILABLE",
                    "agent '" + name + "' is down" + (agent.healthDetail() != null ? ": " + agent.healthDetail() : ""));
        }
        return rawGateway(name);
    }

    /** Whether any agent is UP: a site accepts requests only then. */
    public boolean anyUp() {
        return agents().stream().anyMatch(AgentView::isUp);
    }

    /**
     * Counts a VM just placed on an agent in its known use, so the next placement (before the next
     * health poll brings the agent's own figures) sees it and load spreads across agents.
     */
    public void noteAllocated(String name, int vcpus, long memoryMiB) {
        sessions.inTransaction(s -> {
            AgentEntity agent = s.find(AgentEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
            if (agent != null) agent.allocated(vcpus, memoryMiB);
        });
    }

    /** The converse of {@link #noteAllocated}, for a VM just given back. */
    public void noteFreed(String name, int vcpus, long memoryMiB) {
        sessions.inTransaction(s -> {
            AgentEntity agent = s.find(AgentEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
            if (agent != null) agent.freed(vcpus, memoryMiB);
        });
    }

    /** Marks an agent DOWN after a failed call, so placement avoids it until the next good poll. */
    public void markDown(String name, String detail) {
        sessions.inTransaction(s -> {
            AgentEntity agent = s.find(AgentEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
            if (agent != null) agent.down(detail);
        });
    }

    /**
     * Polls every agent once; one agent's trouble never keeps the others from being polled.
     *
     * @return the agents that were DOWN and answered now
     */
    public List<String> pollAll() {
        List<String> back = new ArrayList<>();
        for (AgentView agent : agents()) {
            try {
                AgentView now = poll(agent.name());
                if (!agent.isUp() && now != null && now.isUp()) {
                    LOG.info("agent " + agent.name() + " is up again");
                    back.add(agent.name());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "health poll of agent " + agent.name() + " failed", e);
            }
        }
        return back;
    }

    private AgentView poll(String name) {
        try {
            AgentStatusView status = rawGateway(name).status();
            return sessions.fromTransaction(s -> {
                AgentEntity agent = s.find(AgentEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
                if (agent == null) return null;  // unregistered meanwhile
                agent.up(clock.instant(), status.vcpusTotal(), status.vcpusUsed(), status.memoryMiBTotal(),
                        status.memoryMiBUsed(), status.vmCount());
                return view(agent);
            });
        } catch (SiteException e) {
            LOG.warning(() -> "agent " + name + " is down: " + e.getMessage());
            return sessions.fromTransaction(s -> {
                AgentEntity agent = s.find(AgentEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
                if (agent == null) return null;
                agent.down(e.getMessage());
                return view(agent);
            });
        }
    }

    private AgentGateway rawGateway(String name) {
        return open.computeIfAbsent(name, n -> sessions.fromSession(s -> {
            AgentEntity agent = s.find(AgentEntity.class, n);
            if (agent == null) throw new SiteException(SiteFault.NOT_FOUND, "AGENT_NOT_FOUND", "no agent '" + n + "'");
            return gateways.open(n, URI.create(agent.endpointUrl()), agent.userName(), openSecret(agent));
        }));
    }

    private String openSecret(AgentEntity agent) {
        try {
            return secrets.open(agent.secret());
        } catch (IllegalStateException e) {
            throw new SiteException(SiteFault.AGENT_UNAVAILABLE, "AGENT_CREDENTIAL_UNREADABLE", "the credential stored"
                    + " for agent '" + agent.name() + "' cannot be opened: " + e.getMessage()
                    + "; register the agent again or bring that key back");
        }
    }

    private static URI endpoint(String url) {
        try {
            URI uri = new URI(url == null ? "" : url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw SiteException.invalid("INVALID_ENDPOINT", "EndpointURL must be an http(s) URL, got '" + url + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw SiteException.invalid("INVALID_ENDPOINT", "EndpointURL is not a URL: " + e.getMessage());
        }
    }

    private static AgentView view(AgentEntity a) {
        return new AgentView(a.name(), a.endpointUrl(), a.hypervisor(), a.health(), a.healthDetail(), a.lastSeen(),
                a.vcpusTotal(), a.vcpusUsed(), a.memoryTotal(), a.memoryUsed(), a.vmCount());
    }
}
