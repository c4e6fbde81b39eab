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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Brings the site's records in step with what its agents report: at start-up (after interrupted jobs
 * were recovered, before new jobs run), when an agent comes back UP, and periodically.
 * <ul>
 *   <li>a granted VM its agent no longer holds for this site is taken back when the agent still has
 *       it, free (its registry was lost or it forgot the VM): it must not stay free for another site
 *       to take with its owner's data; otherwise it is marked LOST: it stops counting against its
 *       owner's quota and its owner sees it in that state (and may release it);</li>
 *   <li>a VM the agent says this site holds but that no granted VM is, is given back: destroyed
 *       when a site record (a job or an earlier grant) shows the site created it, otherwise powered
 *       off and handed back to the agent's free pool, so a VM that existed before GVE is never
 *       destroyed.</li>
 * </ul>
 * Jobs may run meanwhile, so only what no job can be changing is touched: a VM with an unfinished
 * job, or with a job that ended after the agent's list was read, is left for the next pass; and
 * orphans are given back only when no job that takes or moves VMs (a request or a migration) is
 * unfinished or ended after the list was read, since such a job holds an agent VM a moment before
 * its record names it. Agents that are DOWN are skipped and reported.
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

    /** Reconciles with every agent at start-up, before any job runs. */
    public ReconcileReport reconcileAtStartup() {
        return reconcile(allAgents(), false);
    }

    /** Reconciles with every agent while jobs may run. */
    public ReconcileReport reconcile() {
        return reconcile(allAgents(), true);
    }

    /** Reconciles with the named agents (unknown names are ignored) while jobs may run. */
    public ReconcileReport reconcile(Collection<String> agentNames) {
        return reconcile(agentNames, true);
    }

    private List<String> allAgents() {
        return agents.agents().stream().map(AgentView::name).toList();
    }

    /** @param jobsMayRun false only at start-up: then no job can be halfway and nothing is deferred */
    private ReconcileReport reconcile(Collection<String> agentNames, boolean jobsMayRun) {
        List<String> checked = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        List<String> returned = new ArrayList<>();
        List<String> destroyed = new ArrayList<>();
        List<String> reacquired = new ArrayList<>();
        for (AgentView agent : agents.agents()) {
            if (!agentNames.contains(agent.name())) continue;
            if (!agent.isUp()) {
                skipped.add(agent.name());
                continue;
            }
            try {
                AgentGateway gateway = agents.gateway(agent.name());
                Instant listed = jobsMayRun ? clock.instant() : null;
                Map<String, AgentVmView> held = gateway.heldBySite().stream()
                        .collect(Collectors.toMap(AgentVmView::agentVmId, Function.identity(), (a, b) -> a));
                List<String> gone = new ArrayList<>();
                for (VmEntity missing : missing(agent.name(), held.keySet(), listed)) {
                    if (takeBack(gateway, missing)) reacquired.add(missing.vmId());
                    else gone.add(missing.vmId());
                }
                lost.addAll(markLost(agent.name(), gone, listed));
                for (String orphan : orphans(agent.name(), held.keySet(), listed)) {
                    if (giveBack(gateway, orphan)) destroyed.add(agent.name() + "/" + orphan);
                    else returned.add(agent.name() + "/" + orphan);
                }
                checked.add(agent.name());
            } catch (SiteException e) {
                LOG.log(Level.WARNING, "could not reconcile with agent " + agent.name() + ": " + e.getMessage());
                skipped.add(agent.name());
            }
        }
        ReconcileReport report = new ReconcileReport(checked, skipped, lost, returned, destroyed, reacquired);
        if (!lost.isEmpty() || !returned.isEmpty() || !destroyed.isEmpty() || !skipped.isEmpty() || !reacquired.isEmpty()) {
            LOG.warning("reconciliation with the agents: " + report);
        }
        return report;
    }

    /**
     * Granted VMs on {@code agent} that it no longer holds for this site and that no job may be changing.
     * {@code listed}: when the agent's list was read, or null when no job runs (start-up).
     */
    private List<VmEntity> missing(String agent, Set<String> held, Instant listed) {
        return sessions.fromSession(s -> active(s, agent).stream()
                .filter(vm -> !held.contains(vm.agentVmId()) && !busyVm(s, vm.vmId(), listed)
                        && !(listed != null && !vm.granted().isBefore(listed)))
                .toList());
    }

    /** Takes back a granted VM the agent still has, free; false when it is gone (or another site holds it). */
    private boolean takeBack(AgentGateway gateway, VmEntity vm) {
        try {
            gateway.acquire(vm.agentVmId());
            LOG.warning("VM " + vm.vmId() + " of " + vm.owner() + " was no longer held for this site by agent "
                    + gateway.agentName() + " but still there: taken back");
            return true;
        } catch (SiteException e) {
            if (e.fault() == SiteFault.NOT_FOUND || e.fault() == SiteFault.INVALID_STATE) return false;
            throw e;
        }
    }

    /**
     * Marks {@code gone} (granted VMs of {@code agent} it no longer has) LOST, but for those a job took
     * up while the agent was being asked. {@code listed}: when the agent's list was read, or null when
     * no job runs (start-up).
     */
    private List<String> markLost(String agent, List<String> gone, Instant listed) {
        return sessions.fromTransaction(s -> {
            List<String> marked = new ArrayList<>();
            for (String vmId : gone) {
                VmEntity vm = s.find(VmEntity.class, vmId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                if (vm == null || vm.released() != null || vm.lostAt() != null || !agent.equals(vm.agentName())
                        || busyVm(s, vmId, listed)) {
                    continue;
                }
                vm.lost(clock.instant());
                marked.add(vmId);
                LOG.warning("VM " + vmId + " of " + vm.owner() + " is gone from agent " + agent + ": marked LOST");
            }
            return marked;
        });
    }

    /** Agent VMs held for this site that no active grant is and no job may be taking or moving. */
    private List<String> orphans(String agent, Set<String> held, Instant listed) {
        return sessions.fromSession(s -> {
            if (listed != null && takingOrMoving(s, listed)) return List.of();
            Set<String> granted = active(s, agent).stream().map(VmEntity::agentVmId).collect(Collectors.toSet());
            return held.stream().filter(id -> !granted.contains(id) && !busyAgentVm(s, agent, id, listed)).sorted().toList();
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

    /** A job on the VM is unfinished, or ended after {@code listed} (it may have changed the VM since). */
    /** A job on the VM is unfinished, or (while jobs run) ended after {@code listed}: it may have changed the VM since. */
    private static boolean busyVm(Session s, String vmId, Instant listed) {
        return busy(s, "j.vmId = :vm", listed, q -> q.setParameter("vm", vmId));
    }

    private static boolean busyAgentVm(Session s, String agent, String agentVmId, Instant listed) {
        return busy(s, "j.agentName = :agent and j.agentVmId = :id", listed,
                q -> q.setParameter("agent", agent).setParameter("id", agentVmId));
    }

    /** Whether a job matching {@code where} is unfinished, or ended after {@code listed} (null at start-up: no job runs). */
    private static boolean busy(Session s, String where, Instant listed,
                                java.util.function.Consumer<org.hibernate.query.SelectionQuery<Long>> parameters) {
        var query = s.createSelectionQuery("select count(*) from JobEntity j where " + where
                + " and (j.status in ('PENDING', 'RUNNING')" + (listed != null ? " or j.finished >= :listed)" : ")"), Long.class);
        parameters.accept(query);
        if (listed != null) query.setParameter("listed", listed);
        return query.getSingleResult() > 0;
    }

    /** A request or migration is unfinished or ended after {@code listed}: it may hold an agent VM its record does not name yet. */
    private static boolean takingOrMoving(Session s, Instant listed) {
        return s.createSelectionQuery("select count(*) from JobEntity j where j.operation in ('REQUEST_VM', 'MIGRATE')"
                        + " and (j.status in ('PENDING', 'RUNNING') or j.finished >= :listed)", Long.class)
                .setParameter("listed", listed).getSingleResult() > 0;
    }
}
