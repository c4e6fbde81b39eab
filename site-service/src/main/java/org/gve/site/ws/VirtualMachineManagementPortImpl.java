package org.gve.site.ws;

import com.sun.xml.ws.developer.StreamingAttachment;
import jakarta.activation.DataHandler;
import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.Holder;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.soap.MTOM;
import org.gve.glue.VirtualMachine;
import org.gve.site.accounting.Accounting;
import org.gve.site.jobs.Operation;
import org.gve.site.vm.GuestFiles;
import org.gve.site.vm.Payloads;
import org.gve.site.vm.VmManagementService;
import org.gve.wsdl.common.Command;
import org.gve.wsdl.common.CommandResult;
import org.gve.wsdl.common.FileInfo;
import org.gve.wsdl.runtime.Spool;
import org.gve.wsdl.site.AgentUnavailableFault;
import org.gve.wsdl.site.InvalidArgumentFault;
import org.gve.wsdl.site.InvalidStateFault;
import org.gve.wsdl.site.JobFailedFault;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.LeaseExpiredFault;
import org.gve.wsdl.site.NotAuthorizedFault;
import org.gve.wsdl.site.NotFoundFault;
import org.gve.wsdl.site.UnsupportedOperationFault;
import org.gve.wsdl.site.UsageRecord;
import org.gve.wsdl.site.VirtualMachineManagement;

import javax.xml.datatype.XMLGregorianCalendar;
import java.util.List;

import static org.gve.wsdl.runtime.XmlTimes.toInstant;
import static org.gve.wsdl.runtime.XmlTimes.toXml;

/** VirtualMachineManagement port: each state change is a job; file copies and reads are direct. */
@MTOM(threshold = 4096)
@StreamingAttachment(parseEagerly = false, memoryThreshold = 64 * 1024)
@WebService(serviceName = "SiteService", portName = "VirtualMachineManagementPort", targetNamespace = "urn:gve:site:1",
        endpointInterface = "org.gve.wsdl.site.VirtualMachineManagement", wsdlLocation = "org/gve/wsdl/SiteService.wsdl")
public class VirtualMachineManagementPortImpl implements VirtualMachineManagement {
    private final VmManagementService vms;
    private final GuestFiles files;
    private final Accounting accounting;
    private final java.nio.file.Path spoolDirectory;
    @Resource
    private WebServiceContext context;

    /** @param spoolDirectory where downloads wait while they are sent on (null: the JVM's temporary directory) */
    public VirtualMachineManagementPortImpl(VmManagementService vms, GuestFiles files, Accounting accounting,
                                            java.nio.file.Path spoolDirectory) {
        this.vms = vms;
        this.files = files;
        this.accounting = accounting;
        this.spoolDirectory = spoolDirectory;
    }

    @Override
    public JobState startVirtualMachine(String id) throws AgentUnavailableFault, InvalidArgumentFault,
            InvalidStateFault, LeaseExpiredFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        return submit(Operation.START, Payloads.VmOperation.of(id));
    }

    @Override
    public JobState shutdownVirtualMachine(String id, Boolean force) throws AgentUnavailableFault,
            InvalidArgumentFault, InvalidStateFault, LeaseExpiredFault, NotAuthorizedFault, NotFoundFault,
            UnsupportedOperationFault {
        return submit(Operation.SHUTDOWN, new Payloads.VmOperation(id, Boolean.TRUE.equals(force), null, null, null));
    }

    @Override
    public JobState suspendVirtualMachine(String id) throws AgentUnavailableFault, InvalidArgumentFault,
            InvalidStateFault, LeaseExpiredFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        return submit(Operation.SUSPEND, Payloads.VmOperation.of(id));
    }

    @Override
    public JobState resumeVirtualMachine(String id) throws AgentUnavailableFault, InvalidArgumentFault,
            InvalidStateFault, LeaseExpiredFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        return submit(Operation.RESUME, Payloads.VmOperation.of(id));
    }

    @Override
    public JobState rebootVirtualMachine(String id) throws AgentUnavailableFault, InvalidArgumentFault,
            InvalidStateFault, LeaseExpiredFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        return submit(Operation.REBOOT, Payloads.VmOperation.of(id));
    }

    @Override
    public JobState migrateVirtualMachine(String id, String targetAgent, String targetHost) throws
            AgentUnavailableFault, InvalidArgumentFault, InvalidStateFault, LeaseExpiredFault, NotAuthorizedFault,
            NotFoundFault, UnsupportedOperationFault {
        return submit(Operation.MIGRATE, new Payloads.VmOperation(id, false, null, targetAgent, targetHost));
    }

    @Override
    public JobState snapshotVirtualMachine(String id, String name) throws AgentUnavailableFault,
            InvalidArgumentFault, InvalidStateFault, LeaseExpiredFault, NotAuthorizedFault, NotFoundFault,
            UnsupportedOperationFault {
        return submit(Operation.SNAPSHOT, new Payloads.VmOperation(id, false, name, null, null));
    }

    @Override
    public JobState revertVirtualMachine(String id, String name) throws AgentUnavailableFault,
            InvalidArgumentFault, InvalidStateFault, LeaseExpiredFault, NotAuthorizedFault, NotFoundFault,
            UnsupportedOperationFault {
        return submit(Operation.REVERT, new Payloads.VmOperation(id, false, name, null, null));
    }

    @Override
    public JobState releaseVirtualMachine(String id) throws AgentUnavailableFault, InvalidArgumentFault,
            InvalidStateFault, LeaseExpiredFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        return submit(Operation.RELEASE, Payloads.VmOperation.of(id));
    }

    @Override
    public VirtualMachine getManagementResult(String jobID) throws InvalidArgumentFault, InvalidStateFault,
            JobFailedFault, NotAuthorizedFault, NotFoundFault {
        return Guards.result(() -> SiteTranslations.virtualMachine(vms.managementResult(Callers.of(context), jobID)));
    }

    @Override
    public JobState runCommand(String id, Command command) throws AgentUnavailableFault, InvalidArgumentFault,
            InvalidStateFault, LeaseExpiredFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        return Guards.manage(() -> SiteTranslations.jobState(
                vms.runCommand(Callers.of(context), id, SiteTranslations.command(command))));
    }

    @Override
    public CommandResult getRunCommandResult(String jobID) throws InvalidArgumentFault, InvalidStateFault,
            JobFailedFault, NotAuthorizedFault, NotFoundFault {
        return Guards.result(() -> SiteTranslations.commandResult(vms.commandResult(Callers.of(context), jobID)));
    }

    @Override
    public FileInfo copyFileToVirtualMachine(String id, String path, String mode, DataHandler content)
            throws AgentUnavailableFault, InvalidArgumentFault, InvalidStateFault, LeaseExpiredFault,
            NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        // the upload's spill file goes when the request ends (deploy's GuardedInvoker releases attachments)
        return Guards.manage(() -> SiteTranslations.fileInfo(
                files.copyTo(Callers.of(context), id, path, mode, Streams.in(content))));
    }

    @Override
    public void copyFileFromVirtualMachine(String id, String path, Holder<FileInfo> file, Holder<DataHandler> content)
            throws AgentUnavailableFault, InvalidArgumentFault, InvalidStateFault, LeaseExpiredFault,
            NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        Guards.manage(() -> {
            Spool spool = Streams.spool(spoolDirectory);
            try {
                file.value = SiteTranslations.fileInfo(files.copyFrom(Callers.of(context), id, path, spool.sink()));
            } catch (RuntimeException e) {
                spool.discard();
                throw e;
            }
            content.value = Streams.handOver(spool);
            return null;
        });
    }

    @Override
    public List<VirtualMachine> listVirtualMachines() throws NotAuthorizedFault {
        return Guards.list(() -> vms.list(Callers.of(context)).stream().map(SiteTranslations::virtualMachine).toList());
    }

    @Override
    public VirtualMachine describeVirtualMachine(String id) throws InvalidArgumentFault, NotAuthorizedFault,
            NotFoundFault {
        return Guards.read(() -> SiteTranslations.virtualMachine(vms.describe(Callers.of(context), id)));
    }

    @Override
    public List<UsageRecord> getUsage(String userName, XMLGregorianCalendar from, XMLGregorianCalendar to)
            throws InvalidArgumentFault, NotAuthorizedFault, NotFoundFault {
        return Guards.read(() -> accounting.usage(Callers.of(context), userName, toInstant(from), toInstant(to))
                .stream().map(u -> {
                    UsageRecord r = new UsageRecord();
                    r.setUserName(u.userName());
                    r.setFrom(toXml(u.from()));
                    r.setTo(toXml(u.to()));
                    r.setVirtualMachineHours(u.vmHours());
                    r.setVCpuHours(u.vcpuHours());
                    r.setMemoryMiBHours(u.memoryMiBHours());
                    return r;
                }).toList());
    }

    private JobState submit(Operation operation, Payloads.VmOperation request) throws AgentUnavailableFault,
            InvalidArgumentFault, InvalidStateFault, LeaseExpiredFault, NotAuthorizedFault, NotFoundFault,
            UnsupportedOperationFault {
        return Guards.manage(() -> SiteTranslations.jobState(vms.submit(Callers.of(context), operation, request)));
    }
}
