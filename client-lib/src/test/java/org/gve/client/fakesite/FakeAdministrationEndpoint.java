package org.gve.client.fakesite;

import jakarta.jws.WebService;
import org.gve.glue.HypervisorType;
import org.gve.glue.VirtualMachine;
import org.gve.wsdl.runtime.Faults;
import org.gve.wsdl.runtime.XmlTimes;
import org.gve.wsdl.site.AgentHealth;
import org.gve.wsdl.site.AgentInfo;
import org.gve.wsdl.site.AgentUnavailableFault;
import org.gve.wsdl.site.InvalidStateFault;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.NotAuthorizedFault;
import org.gve.wsdl.site.NotFoundFault;
import org.gve.wsdl.site.Quota;
import org.gve.wsdl.site.ResourceUse;
import org.gve.wsdl.site.Role;
import org.gve.wsdl.site.SiteAdministration;
import org.gve.wsdl.site.SiteCapacity;
import org.gve.wsdl.site.UserInfo;

import javax.xml.datatype.XMLGregorianCalendar;
import java.time.Instant;
import java.util.List;

/** Fake SiteAdministration: administrators only; an agent URL on host "unreachable" is AgentUnavailable. */
@WebService(endpointInterface = "org.gve.wsdl.site.SiteAdministration", serviceName = "SiteService",
        portName = "SiteAdministrationPort", targetNamespace = "urn:gve:site:1")
public class FakeAdministrationEndpoint extends FakeSiteEndpoints implements SiteAdministration {

    public FakeAdministrationEndpoint(FakeSite site) {
        super(site);
    }

    private String admin() throws NotAuthorizedFault {
        String user = caller();
        requireAdministrator(user);
        return user;
    }

    @Override
    public AgentInfo registerAgent(String name, String url, HypervisorType type, String user, String password)
            throws NotAuthorizedFault, AgentUnavailableFault, InvalidStateFault {
        admin();
        if (url.contains("//unreachable")) {
            throw new AgentUnavailableFault("down", Faults.detail("AGENT_UNAVAILABLE", "no agent answers at " + url));
        }
        if (site.agents.containsKey(name)) {
            throw new InvalidStateFault("exists", Faults.detail("AGENT_EXISTS", "agent " + name + " is registered"));
        }
        AgentInfo a = new AgentInfo();
        a.setName(name);
        a.setEndpointURL(url);
        a.setHypervisorType(type);
        a.setHealth(AgentHealth.UP);
        a.setLastSeen(XmlTimes.toXml(Instant.now()));
        a.setVCpusTotal(16);
        a.setVCpusFree(12);
        a.setMemoryMiBTotal(32768L);
        a.setMemoryMiBFree(16384L);
        a.setVirtualMachineCount(user == null ? 0 : password.length());
        site.agents.put(name, a);
        return a;
    }

    @Override
    public void unregisterAgent(String name, Boolean abandon) throws NotAuthorizedFault, NotFoundFault {
        admin();
        if (site.agents.remove(name) == null) {
            throw new NotFoundFault("no agent", Faults.detail("AGENT_NOT_FOUND", "no agent " + name));
        }
        if (Boolean.TRUE.equals(abandon)) site.abandoned.add(name);
    }

    @Override
    public List<AgentInfo> listAgents() throws NotAuthorizedFault {
        admin();
        return List.copyOf(site.agents.values());
    }

    @Override
    public UserInfo registerUser(String name, String password, Role role, Quota quota)
            throws NotAuthorizedFault, InvalidStateFault {
        admin();
        if (site.users.containsKey(name)) {
            throw new InvalidStateFault("exists", Faults.detail("USER_EXISTS", "user " + name + " exists"));
        }
        site.users.put(name, new FakeSite.FakeUser(name, password, role, quota == null ? new Quota() : quota));
        return info(name);
    }

    @Override
    public void unregisterUser(String name) throws NotAuthorizedFault, NotFoundFault {
        admin();
        if (site.users.remove(name) == null) throw userNotFound(name);
    }

    @Override
    public List<UserInfo> listUsers() throws NotAuthorizedFault {
        admin();
        return site.users.keySet().stream().sorted().map(this::info).toList();
    }

    @Override
    public UserInfo setQuota(String name, Quota quota) throws NotAuthorizedFault, NotFoundFault {
        admin();
        FakeSite.FakeUser u = site.users.get(name);
        if (u == null) throw userNotFound(name);
        site.users.put(name, new FakeSite.FakeUser(name, u.password(), u.role(), quota));
        return info(name);
    }

    @Override
    public VirtualMachine extendLease(String vmId, XMLGregorianCalendar deadline) throws NotAuthorizedFault, NotFoundFault {
        admin();
        FakeSite.Owned o = site.vms.get(vmId);
        if (o == null) throw new NotFoundFault("no VM", Faults.detail("VM_NOT_FOUND", "no VM " + vmId));
        o.vm().setLeaseDeadline(deadline);
        return o.vm();
    }

    @Override
    public JobState reclaimVirtualMachine(String vmId) throws NotAuthorizedFault, NotFoundFault {
        String user = admin();
        if (!site.vms.containsKey(vmId)) throw new NotFoundFault("no VM", Faults.detail("VM_NOT_FOUND", "no VM " + vmId));
        return site.newJob("RECLAIM", vmId, user, j -> site.vms.remove(vmId)).state;
    }

    @Override
    public List<VirtualMachine> listAllVirtualMachines(String owner) throws NotAuthorizedFault {
        admin();
        return site.vms.values().stream().filter(o -> owner == null || o.owner().equals(owner))
                .map(FakeSite.Owned::vm).toList();
    }

    @Override
    public SiteCapacity getSiteCapacity() throws NotAuthorizedFault {
        admin();
        SiteCapacity c = new SiteCapacity();
        c.setAgentsUp(site.agents.size());
        c.setVCpusTotal(16);
        c.setVCpusFree(12);
        c.setMemoryMiBTotal(32768);
        c.setMemoryMiBFree(16384);
        c.setAllocated(use(site.vms.size()));
        return c;
    }

    private UserInfo info(String name) {
        FakeSite.FakeUser u = site.users.get(name);
        UserInfo i = new UserInfo();
        i.setUserName(name);
        i.setRole(u.role());
        i.setQuota(u.quota());
        i.setInUse(use((int) site.vms.values().stream().filter(o -> o.owner().equals(name)).count()));
        return i;
    }

    private static ResourceUse use(int vms) {
        ResourceUse r = new ResourceUse();
        r.setVirtualMachines(vms);
        r.setVCpus(vms);
        r.setMemoryMiB(512L * vms);
        return r;
    }

    private static NotFoundFault userNotFound(String name) {
        return new NotFoundFault("no user", Faults.detail("USER_NOT_FOUND", "no user " + name));
    }
}
