package org.gve.agent.ws;

import jakarta.activation.DataHandler;
import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.Holder;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.soap.MTOM;
import com.sun.xml.ws.developer.StreamingAttachment;
import org.gve.agent.service.AgentService;
import org.gve.agent.service.GuestOperations;
import org.gve.agent.spi.PowerAction;
import org.gve.agent.spi.SnapshotAction;
import org.gve.glue.SearchCriteria;
import org.gve.glue.Template;
import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineProfile;
import org.gve.wsdl.agent.Agent;
import org.gve.wsdl.agent.AgentInfo;
import org.gve.wsdl.agent.GuestFault;
import org.gve.wsdl.agent.HypervisorFault;
import org.gve.wsdl.agent.InvalidArgumentFault;
import org.gve.wsdl.agent.InvalidStateFault;
import org.gve.wsdl.agent.MigrationTarget;
import org.gve.wsdl.agent.NotAuthorizedFault;
import org.gve.wsdl.agent.NotFoundFault;
import org.gve.wsdl.agent.UnsupportedOperationFault;
import org.gve.wsdl.common.Command;
import org.gve.wsdl.common.CommandResult;
import org.gve.wsdl.common.FileInfo;
import org.gve.wsdl.runtime.Spool;

import java.time.Duration;
import java.util.List;

import static org.gve.agent.ws.AgentFaults.guard;
import static org.gve.agent.ws.AgentFaults.guardGuest;
import static org.gve.agent.ws.AgentFaults.guardInfo;
import static org.gve.agent.ws.AgentFaults.guardSearch;

/**
 * The AgentService endpoint: authenticate the site, call the domain service, translate. PutFile content is
 * parsed lazily and read once, so it streams from the site's connection on to the guest.
 */
@MTOM
@StreamingAttachment(parseEagerly = false, memoryThreshold = 64 * 1024)
@WebService(serviceName = "AgentService", portName = "AgentPort", targetNamespace = "urn:gve:agent:1",
        endpointInterface = "org.gve.wsdl.agent.Agent", wsdlLocation = "org/gve/wsdl/AgentService.wsdl")
public class AgentPortImpl implements Agent {
    private final AgentService agent;
    private final GuestOperations guest;
    private final String agentName;
    private final java.nio.file.Path spoolDirectory;
    @Resource
    private WebServiceContext context;

    /** @param spoolDirectory where guest files wait while they are sent on to the site (null: the JVM's temporary directory) */
    public AgentPortImpl(AgentService agent, GuestOperations guest, String agentName, java.nio.file.Path spoolDirectory) {
        this.agent = agent;
        this.guest = guest;
        this.agentName = agentName;
        this.spoolDirectory = spoolDirectory;
    }

    @Override
    public AgentInfo getAgentInfo(String site) throws HypervisorFault, NotAuthorizedFault {
        try {
            return guardInfo(() -> {
                SiteGate.site(context, site);
                return GlueTranslations.agentInfo(agent.status());
            });
        } catch (UnsupportedOperationFault e) {
            throw new HypervisorFault(e.getMessage(), e.getFaultInfo());
        }
    }

    @Override
    public List<VirtualMachine> findVirtualMachines(String site, SearchCriteria criteria, Boolean freeOnly)
            throws HypervisorFault, InvalidArgumentFault, NotAuthorizedFault {
        return guardSearch(() -> agent.findVms(SiteGate.site(context, site), GlueTranslations.criteria(criteria),
                Boolean.TRUE.equals(freeOnly)).stream().map(this::glue).toList());
    }

    @Override
    public List<Template> findTemplates(String site, SearchCriteria criteria)
            throws HypervisorFault, InvalidArgumentFault, NotAuthorizedFault {
        return guardSearch(() -> {
            SiteGate.site(context, site);
            return agent.findTemplates(GlueTranslations.criteria(criteria)).stream()
                    .map(GlueTranslations::template).toList();
        });
    }

    @Override
    public VirtualMachine reserveVirtualMachine(String site, String id, Integer seconds) throws HypervisorFault,
            InvalidArgumentFault, InvalidStateFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        return guard(() -> glue(agent.reserve(SiteGate.site(context, site), id,
                seconds == null ? null : Duration.ofSeconds(seconds))));
    }

    @Override
    public VirtualMachine acquireVirtualMachine(String site, String id) throws HypervisorFault, InvalidArgumentFault,
            InvalidStateFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        return guard(() -> glue(agent.acquire(SiteGate.site(context, site), id)));
    }

    @Override
    public void releaseVirtualMachine(String site, String id, Boolean destroy) throws HypervisorFault,
            InvalidArgumentFault, InvalidStateFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        guard(() -> {
            agent.release(SiteGate.site(context, site), id, Boolean.TRUE.equals(destroy));
            return null;
        });
    }

    @Override
    public VirtualMachine createVirtualMachine(String site, VirtualMachineProfile profile, String name)
            throws HypervisorFault, InvalidArgumentFault, InvalidStateFault, NotAuthorizedFault, NotFoundFault,
            UnsupportedOperationFault {
        return guard(() -> {
            String caller = SiteGate.site(context, site);
            if (profile == null) throw Invalid.argument("MISSING_PROFILE", "Profile is required");
            return glue(agent.create(caller, GlueTranslations.newVm(profile, name)));
        });
    }

    @Override
    public VirtualMachine cloneVirtualMachine(String site, String id, String newName) throws HypervisorFault,
            InvalidArgumentFault, InvalidStateFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        return guard(() -> glue(agent.cloneVm(SiteGate.site(context, site), id, newName)));
    }

    @Override
    public VirtualMachine describeVirtualMachine(String site, String id) throws HypervisorFault, InvalidArgumentFault,
            InvalidStateFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        return guard(() -> glue(agent.describe(SiteGate.site(context, site), id)));
    }

    @Override
    public VirtualMachine startVirtualMachine(String site, String id) throws HypervisorFault, InvalidArgumentFault,
            InvalidStateFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        return power(site, id, PowerAction.START);
    }

    @Override
    public VirtualMachine shutdownVirtualMachine(String site, String id, Boolean force, Integer timeoutSeconds)
            throws HypervisorFault, InvalidArgumentFault, InvalidStateFault, NotAuthorizedFault, NotFoundFault,
            UnsupportedOperationFault {
        return guard(() -> glue(agent.shutdown(SiteGate.site(context, site), id, Boolean.TRUE.equals(force),
                timeoutSeconds == null ? null : Duration.ofSeconds(Math.max(0, timeoutSeconds)))));
    }

    @Override
    public VirtualMachine suspendVirtualMachine(String site, String id) throws HypervisorFault, InvalidArgumentFault,
            InvalidStateFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        return power(site, id, PowerAction.SUSPEND);
    }

    @Override
    public VirtualMachine resumeVirtualMachine(String site, String id) throws HypervisorFault, InvalidArgumentFault,
            InvalidStateFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        return power(site, id, PowerAction.RESUME);
    }

    @Override
    public VirtualMachine rebootVirtualMachine(String site, String id) throws HypervisorFault, InvalidArgumentFault,
            InvalidStateFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        return power(site, id, PowerAction.REBOOT);
    }

    @Override
    public VirtualMachine destroyVirtualMachine(String site, String id) throws HypervisorFault, InvalidArgumentFault,
            InvalidStateFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        return power(site, id, PowerAction.POWER_OFF);
    }

    @Override
    public VirtualMachine saveVirtualMachine(String site, String id) throws HypervisorFault, InvalidArgumentFault,
            InvalidStateFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        return power(site, id, PowerAction.SAVE);
    }

    @Override
    public VirtualMachine restoreVirtualMachine(String site, String id) throws HypervisorFault, InvalidArgumentFault,
            InvalidStateFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        return power(site, id, PowerAction.RESTORE);
    }

    @Override
    public VirtualMachine snapshotVirtualMachine(String site, String id, String snapshot) throws HypervisorFault,
            InvalidArgumentFault, InvalidStateFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        return guard(() -> glue(agent.snapshot(SiteGate.site(context, site), id, SnapshotAction.CREATE, snapshot)));
    }

    @Override
    public VirtualMachine revertVirtualMachine(String site, String id, String snapshot) throws HypervisorFault,
            InvalidArgumentFault, InvalidStateFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        return guard(() -> glue(agent.snapshot(SiteGate.site(context, site), id, SnapshotAction.REVERT, snapshot)));
    }

    @Override
    public VirtualMachine reconfigureVirtualMachine(String site, String id, Integer vcpus, Long memoryMiB)
            throws HypervisorFault, InvalidArgumentFault, InvalidStateFault, NotAuthorizedFault, NotFoundFault,
            UnsupportedOperationFault {
        return guard(() -> glue(agent.reconfigure(SiteGate.site(context, site), id, vcpus, memoryMiB)));
    }

    @Override
    public MigrationTarget getMigrationTarget(String site)
            throws HypervisorFault, NotAuthorizedFault, UnsupportedOperationFault {
        return guardInfo(() -> {
            SiteGate.site(context, site);
            return GlueTranslations.migrationTarget(agent.migrationTarget(), agentName);
        });
    }

    @Override
    public VirtualMachine migrateVirtualMachine(String site, String id, MigrationTarget target, String targetHost)
            throws HypervisorFault, InvalidArgumentFault, InvalidStateFault, NotAuthorizedFault, NotFoundFault,
            UnsupportedOperationFault {
        return guard(() -> {
            String caller = SiteGate.site(context, site);
            if (target == null && targetHost == null) {
                throw Invalid.argument("MISSING_TARGET", "Target or TargetHost is required");
            }
            return glue(agent.migrate(caller, id, GlueTranslations.migrationTarget(target, targetHost)));
        });
    }

    @Override
    public VirtualMachine adoptVirtualMachine(String site, String id) throws HypervisorFault, InvalidArgumentFault,
            InvalidStateFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        return guard(() -> glue(agent.adopt(SiteGate.site(context, site), id)));
    }

    @Override
    public CommandResult runCommand(String site, String id, Command command) throws GuestFault, HypervisorFault,
            InvalidArgumentFault, InvalidStateFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        return guardGuest(() -> GuestTranslations.result(
                guest.run(SiteGate.site(context, site), id, GuestTranslations.command(command))));
    }

    @Override
    public FileInfo putFile(String site, String id, String path, String mode, DataHandler content)
            throws GuestFault, HypervisorFault, InvalidArgumentFault, InvalidStateFault, NotAuthorizedFault,
            NotFoundFault, UnsupportedOperationFault {
        // the upload's spill file goes when the request ends (deploy's GuardedInvoker releases attachments)
        return guardGuest(() -> GuestTranslations.fileInfo(
                guest.put(SiteGate.site(context, site), id, path, mode, GuestTranslations.stream(content))));
    }

    @Override
    public void getFile(String site, String id, String path, Holder<FileInfo> file, Holder<DataHandler> content)
            throws GuestFault, HypervisorFault, InvalidArgumentFault, InvalidStateFault, NotAuthorizedFault,
            NotFoundFault, UnsupportedOperationFault {
        guardGuest(() -> {
            Spool spool = GuestTranslations.spool(spoolDirectory);
            try {
                file.value = GuestTranslations.fileInfo(guest.get(SiteGate.site(context, site), id, path, spool.sink()));
            } catch (RuntimeException e) {
                spool.discard();
                throw e;
            }
            content.value = GuestTranslations.handOver(spool);
            return null;
        });
    }

    private VirtualMachine power(String site, String id, PowerAction action) throws HypervisorFault,
            InvalidArgumentFault, InvalidStateFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        return guard(() -> glue(agent.power(SiteGate.site(context, site), id, action)));
    }

    private VirtualMachine glue(org.gve.agent.service.AgentVm vm) {
        return GlueTranslations.virtualMachine(vm, agentName);
    }
}
