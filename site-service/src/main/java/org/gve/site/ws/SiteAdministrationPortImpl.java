package org.gve.site.ws;

import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import org.gve.glue.HypervisorType;
import org.gve.glue.VirtualMachine;
import org.gve.site.agents.AgentDirectory;
import org.gve.site.agents.SiteCapacity;
import org.gve.site.identity.Caller;
import org.gve.site.identity.Quota;
import org.gve.site.identity.UserDirectory;
import org.gve.site.vm.SiteVms;
import org.gve.site.vm.VmManagementService;
import org.gve.wsdl.site.AgentInfo;
import org.gve.wsdl.site.AgentUnavailableFault;
import org.gve.wsdl.site.InvalidArgumentFault;
import org.gve.wsdl.site.InvalidStateFault;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.NotAuthorizedFault;
import org.gve.wsdl.site.NotFoundFault;
import org.gve.wsdl.site.ResourceUse;
import org.gve.wsdl.site.Role;
import org.gve.wsdl.site.SiteAdministration;
import org.gve.wsdl.site.UserInfo;

import javax.xml.datatype.XMLGregorianCalendar;
import java.util.List;

import static org.gve.wsdl.runtime.XmlTimes.toInstant;

/** SiteAdministration port: administrators only, checked before anything else. */
@WebService(serviceName = "SiteService", portName = "SiteAdministrationPort", targetNamespace = "urn:gve:site:1",
        endpointInterface = "org.gve.wsdl.site.SiteAdministration", wsdlLocation = "org/gve/wsdl/SiteService.wsdl")
public class SiteAdministrationPortImpl implements SiteAdministration {
    private final AgentDirectory agents;
    private final UserDirectory users;
    private final SiteVms vms;
    private final VmManagementService management;
    @Resource
    private WebServiceContext context;

    public SiteAdministrationPortImpl(AgentDirectory agents, UserDirectory users, SiteVms vms,
                                      VmManagementService management) {
        this.agents = agents;
        this.users = users;
        this.vms = vms;
        this.management = management;
    }

    @Override
    public AgentInfo registerAgent(String name, String endpointURL, HypervisorType hypervisorType, String userName,
                                   String password) throws AgentUnavailableFault, InvalidArgumentFault,
            InvalidStateFault, NotAuthorizedFault, NotFoundFault {
        return Guards.adminAgent(() -> {
            admin();
            return SiteTranslations.agentInfo(agents.register(name, endpointURL,
                    hypervisorType == null ? null : hypervisorType.name(), userName, password));
        });
    }

    @Override
    public void unregisterAgent(String name, Boolean abandon) throws InvalidArgumentFault, InvalidStateFault,
            NotAuthorizedFault, NotFoundFault {
        Guards.admin(() -> {
            agents.unregister(name, Boolean.TRUE.equals(abandon), admin().userName());
            return null;
        });
    }

    @Override
    public List<AgentInfo> listAgents() throws NotAuthorizedFault {
        return Guards.list(() -> {
            admin();
            return agents.agents().stream().map(SiteTranslations::agentInfo).toList();
        });
    }

    @Override
    public UserInfo registerUser(String userName, String password, Role role, org.gve.wsdl.site.Quota quota)
            throws InvalidArgumentFault, InvalidStateFault, NotAuthorizedFault, NotFoundFault {
        return Guards.admin(() -> {
            admin();
            Quota base = users.defaultQuota();
            return SiteTranslations.userInfo(users.register(userName, password == null ? null : password.toCharArray(),
                    role == null ? null : org.gve.site.identity.Role.valueOf(role.name()),
                    SiteTranslations.quota(quota, base)));
        });
    }

    @Override
    public void unregisterUser(String userName) throws InvalidArgumentFault, InvalidStateFault, NotAuthorizedFault,
            NotFoundFault {
        Guards.admin(() -> {
            users.unregister(admin(), userName);
            return null;
        });
    }

    @Override
    public List<UserInfo> listUsers() throws NotAuthorizedFault {
        return Guards.list(() -> {
            admin();
            return users.users().stream().map(SiteTranslations::userInfo).toList();
        });
    }

    @Override
    public UserInfo setQuota(String userName, org.gve.wsdl.site.Quota quota) throws InvalidArgumentFault,
            InvalidStateFault, NotAuthorizedFault, NotFoundFault {
        return Guards.admin(() -> {
            admin();
            if (quota == null) throw org.gve.site.SiteException.invalid("MISSING_QUOTA", "Quota is required");
            Quota current = users.user(userName).quota();
            return SiteTranslations.userInfo(users.setQuota(userName, SiteTranslations.quota(quota, current)));
        });
    }

    @Override
    public VirtualMachine extendLease(String vmId, XMLGregorianCalendar newDeadline) throws InvalidArgumentFault,
            InvalidStateFault, NotAuthorizedFault, NotFoundFault {
        return Guards.admin(() -> SiteTranslations.virtualMachine(vms.extendLease(admin(), vmId, toInstant(newDeadline))));
    }

    @Override
    public JobState reclaimVirtualMachine(String vmId) throws AgentUnavailableFault, InvalidArgumentFault,
            InvalidStateFault, NotAuthorizedFault, NotFoundFault {
        return Guards.adminAgent(() -> SiteTranslations.jobState(management.reclaim(admin(), vmId)));
    }

    @Override
    public List<VirtualMachine> listAllVirtualMachines(String owner) throws NotAuthorizedFault {
        return Guards.list(() -> {
            admin();
            return (owner == null ? vms.allActive() : vms.ownedBy(owner)).stream()
                    .map(SiteTranslations::virtualMachine).toList();
        });
    }

    @Override
    public org.gve.wsdl.site.SiteCapacity getSiteCapacity() throws NotAuthorizedFault {
        return Guards.list(() -> {
            admin();
            SiteCapacity c = SiteCapacity.of(agents.agents(), vms.allActive());
            org.gve.wsdl.site.SiteCapacity glue = new org.gve.wsdl.site.SiteCapacity();
            glue.setAgentsUp(c.agentsUp());
            glue.setAgentsDown(c.agentsDown());
            glue.setVCpusTotal(c.vcpusTotal());
            glue.setVCpusFree(c.vcpusFree());
            glue.setMemoryMiBTotal(c.memoryMiBTotal());
            glue.setMemoryMiBFree(c.memoryMiBFree());
            ResourceUse allocated = new ResourceUse();
            allocated.setVirtualMachines(c.vmsGranted());
            allocated.setVCpus(c.vcpusGranted());
            allocated.setMemoryMiB(c.memoryMiBGranted());
            allocated.setDiskMiB(c.diskMiBGranted());
            glue.setAllocated(allocated);
            return glue;
        });
    }

    private Caller admin() {
        return Callers.administrator(context);
    }
}
