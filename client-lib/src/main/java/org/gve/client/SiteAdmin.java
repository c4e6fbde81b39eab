package org.gve.client;

import org.gve.client.model.Agent;
import org.gve.client.model.Hypervisor;
import org.gve.client.model.JobState;
import org.gve.client.model.Quota;
import org.gve.client.model.Role;
import org.gve.client.model.SiteCapacity;
import org.gve.client.model.User;
import org.gve.client.model.Vm;
import org.gve.client.translate.GlueToVm;
import org.gve.client.translate.HypervisorToGlue;
import org.gve.client.translate.QuotaToWsdl;
import org.gve.client.translate.RoleToWsdl;
import org.gve.client.translate.WsdlToAgent;
import org.gve.client.translate.WsdlToCapacity;
import org.gve.client.translate.WsdlToJobState;
import org.gve.client.translate.WsdlToUser;
import org.gve.wsdl.runtime.XmlTimes;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The SiteAdministration port: callers need the ADMINISTRATOR role. Obtain it from {@link GveClient#admin()}. */
public final class SiteAdmin {
    private final SitePorts ports;

    SiteAdmin(SitePorts ports) {
        this.ports = ports;
    }

    /**
     * Registers an Agent Service endpoint; the site probes it at once.
     *
     * @param agentUser     credentials the site uses towards the agent, or null
     * @param agentPassword the agent password, or null (this array is not kept)
     */
    public Agent registerAgent(String name, URI endpoint, Hypervisor hypervisor, String agentUser, char[] agentPassword) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(hypervisor, "hypervisor");
        String password = agentPassword == null ? null : new String(agentPassword);
        return WsdlToAgent.apply(ports.administration(p -> p.registerAgent(name, endpoint.toString(),
                HypervisorToGlue.apply(hypervisor), agentUser, password)));
    }

    /** Forgets an agent that holds no granted VMs. */
    public void unregisterAgent(String name) {
        unregisterAgent(name, false);
    }

    /**
     * Forgets an agent; with {@code abandon}, one that is DOWN for good even though it hosts granted
     * VMs: they become LOST (no quota held, owners may release them) and their pending jobs are cancelled.
     */
    public void unregisterAgent(String name, boolean abandon) {
        ports.administration(p -> {
            p.unregisterAgent(name, abandon ? Boolean.TRUE : null);
            return null;
        });
    }

    public List<Agent> listAgents() {
        return ports.administration(p -> p.listAgents()).stream().map(WsdlToAgent::apply).toList();
    }

    /**
     * Creates a user.
     *
     * @param quota null for the site defaults
     */
    public User registerUser(String name, char[] password, Role role, Quota quota) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(role, "role");
        String secret = new String(password);
        return WsdlToUser.apply(ports.administration(p -> p.registerUser(name, secret, RoleToWsdl.apply(role),
                QuotaToWsdl.apply(quota))));
    }

    public void unregisterUser(String name) {
        ports.administration(p -> {
            p.unregisterUser(name);
            return null;
        });
    }

    public List<User> listUsers() {
        return ports.administration(p -> p.listUsers()).stream().map(WsdlToUser::apply).toList();
    }

    /** Sets a user's limits; null fields keep the site default. */
    public User setQuota(String user, Quota quota) {
        Objects.requireNonNull(quota, "quota");
        return WsdlToUser.apply(ports.administration(p -> p.setQuota(user, QuotaToWsdl.apply(quota))));
    }

    /** Moves a VM's lease deadline (also lifts a LeaseExpired block). */
    public Vm extendLease(String vmId, Instant newDeadline) {
        Objects.requireNonNull(newDeadline, "newDeadline");
        return GlueToVm.apply(ports.administration(p -> p.extendLease(vmId, XmlTimes.toXml(newDeadline))));
    }

    /** Takes a VM back from its owner (a job). */
    public JobState reclaimVm(String vmId) {
        return WsdlToJobState.apply(ports.administration(p -> p.reclaimVirtualMachine(vmId)));
    }

    /** @param owner null for every owner */
    public List<Vm> listAllVms(String owner) {
        return ports.administration(p -> p.listAllVirtualMachines(owner)).stream().map(GlueToVm::apply).toList();
    }

    public SiteCapacity siteCapacity() {
        return WsdlToCapacity.apply(ports.administration(p -> p.getSiteCapacity()));
    }
}
