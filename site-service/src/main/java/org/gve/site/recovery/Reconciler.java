package org.gve.site.recovery;

import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.agents.AgentDirectory;
import org.gve.site.agents.AgentGateway;
import org.gve.site.agents.AgentView;
import org.gve.site.agents.AgentVmView;
import org.gve.site.agents.PowerRequest;
import org.gve.site.persistence.VmEntity;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Brings the site's records in step with what its agents report, at start-up (after interrupted
 * jobs were recovered, before new jobs run, so no job is halfway through taking a VM):
 * <ul>
 *   <li>a granted VM its agent no longer holds for this site is marked LOST: it stops counting
 *       against its owner's quota and its owner sees it in that state (and may release it);</li>
 *   <li>a VM the agent says this site holds but that no granted VM is, is given back: destroyed
 *       when a site record (a job or an earlier grant) shows the site created it, otherwise powered
 *       off and handed back to the agent's free pool, so a VM that existed before GVE is never
 *       destroyed.</li>
 * </ul>
 * VMs and agent VMs that unfinished jobs name are left alone; agents that are DOWN are skipped and
 * reported.
 */
public final class Reconciler {
    private static final Logger LOG = Logger.getLogger(Reconciler.class.getName());
    private final SessionFactory sessions;
    private final AgentDirectory agents;
    private final Clock clock;

    public Reconciler(SessionFactory sessions, AgentDirectory agents, Clock clock) {
        this.sessions = sessions;
        this.agents = agents;
        this.clock = clock;
    }

    public ReconcileReport reconcile() {
        List<String> checked = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        List<String> returned = new ArrayList<>();
        List<String> destroyed = new ArrayList<>();
        for (AgentView agent : agents.agents()) {
            if (!agent.isUp()) {
                skipped.add(agent.name());
                continue;
            }
            try {
                AgentGateway gateway = agents.gateway(agent.name());
                Map<String, AgentVmView> held = gateway.heldBySite().stream()
                        .collect(Collectors.toMap(AgentVmView::agentVmId, Function.identity(), (a, b) -> a));
                lost.addAll(markLost(agent.name(), held.keySet()));
                for (String orphan : orphans(agent.name(), held.keySet())) {
                    if (giveBack(gateway, orphan)) destroyed.add(agent.name() + "/" + orphan);
                    else returned.add(agent.name() + "/" + orphan);
                }
                checked.add(agent.name());
            } catch (SiteException e) {
                LOG.log(Level.WARNING, "could not reconcile with agent " + agent.name() + ": " + e.getMessage());
                skipped.add(agent.name());
            }
        }
        ReconcileReport report = new ReconcileReport(checked, skipped, lost, returned, destroyed);
        if (!lost.isEmpty() || !returned.isEmpty() || !destroyed.isEmpty() || !skipped.isEmpty()) {
            LOG.warning("reconciliation with the agents: " + report);
        }
        return report;
    }

    /** Granted VMs on {@code agent} that it no longer holds for this site become LOST. */
    private List<String> markLost(String agent, Set<String> held) {
        return sessions.fromTransaction(s -> {
            List<String> marked = new ArrayList<>();
            for (VmEntity vm : active(s, agent)) {
                if (held.contains(vm.agentVmId()) || busyVm(s, vm.vmId())) continue;
                vm.lost(clock.instant());
                marked.add(vm.vmId());
                LOG.warning("VM " + vm.vmId() + " of " + vm.owner() + " is gone from agent " + agent + ": marked LOST");
            }
            return marked;
        });
    }

    /** Agent VMs held for this site that no active grant is and no unfinished job names. */
    private List<String> orphans(String agent, Set<String> held) {
        return sessions.fromSession(s -> {
            Set<String> granted = active(s, agent).stream().map(VmEntity::agentVmId).collect(Collectors.toSet());
            return held.stream().filter(id -> !granted.contains(id) && !busyAgentVm(s, agent, id)).sorted().toList();
        });
    }

    /** Returns true when it destroyed the VM, false when it handed it back to the pool. */
    private boolean giveBack(AgentGateway gateway, String agentVmId) {
        boolean created = createdBySite(gateway.agentName(), agentVmId);
        try {
            if (!created) gateway.power(agentVmId, PowerRequest.POWER_OFF);
            gateway.release(agentVmId, created);
        } catch (SiteException e) {
            if (e.fault() != SiteFault.NOT_FOUND) throw e;
        }
        LOG.warning("agent " + gateway.agentName() + " held VM " + agentVmId + " for this site without a grant: "
                + (created ? "destroyed (the site made it)" : "handed back to the free pool"));
        return created;
    }

    private boolean createdBySite(String agent, String agentVmId) {
        return sessions.fromSession(s -> s.createSelectionQuery("select count(*) from JobEntity j where"
                        + " j.agentName = :agent and j.agentVmId = :id and j.agentVmCreated = true", Long.class)
                .setParameter("agent", agent).setParameter("id", agentVmId).getSingleResult() > 0
                || s.createSelectionQuery("select count(*) from VmEntity v where v.agentName = :agent"
                        + " and v.agentVmId = :id and v.createdBySite = true", Long.class)
                .setParameter("agent", agent).setParameter("id", agentVmId).getSingleResult() > 0);
    }

    private static List<VmEntity> active(Session s, String agent) {
        return s.createSelectionQuery("from VmEntity v where v.agentName = :agent and v.released is null"
                + " and v.lostAt is null", VmEntity.class).setParameter("agent", agent).getResultList();
    }

    private static boolean busyVm(Session s, String vmId) {
        return s.createSelectionQuery("select count(*) from JobEntity j where j.vmId = :vm"
                        + " and j.status in ('PENDING', 'RUNNING')", Long.class)
                .setParameter("vm", vmId).getSingleResult() > 0;
    }

    private static boolean busyAgentVm(Session s, String agent, String agentVmId) {
        return s.createSelectionQuery("select count(*) from JobEntity j where j.agentName = :agent"
                        + " and j.agentVmId = :id and j.status in ('PENDING', 'RUNNING')", Long.class)
                .setParameter("agent", agent).setParameter("id", agentVmId).getSingleResult() > 0;
    }
}
