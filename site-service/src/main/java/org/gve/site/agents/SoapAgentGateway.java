package org.gve.site.agents;

import com.sun.xml.ws.developer.JAXWSProperties;
import com.sun.xml.ws.developer.StreamingAttachmentFeature;
import org.gve.wsdl.runtime.Attachments;
import jakarta.activation.DataHandler;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.MTOMFeature;
import jakarta.xml.ws.Holder;
import org.gve.glue.HypervisorType;
import org.gve.glue.SearchCriteria;
import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineProfile;
import org.gve.wsdl.agent.Agent;
import org.gve.wsdl.agent.AgentInfo;
import org.gve.wsdl.agent.AgentService;
import org.gve.wsdl.agent.MigrationTarget;
import org.gve.wsdl.common.Command;
import org.gve.wsdl.common.CommandResult;
import org.gve.wsdl.common.EnvironmentVariable;
import org.gve.wsdl.common.FileInfo;
import org.gve.wsdl.runtime.SoapClients;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** An {@link AgentGateway} over AgentService.wsdl; the port is created once and shared (Metro ports are thread-safe for calls). */
public final class SoapAgentGateway implements AgentGateway {
    private static final int CHUNK = 64 * 1024;
    private final String agentName;
    private final String siteName;
    private final Agent port;

    public SoapAgentGateway(String agentName, URI endpoint, String siteName, String secret, Duration timeout) {
        this(agentName, endpoint, siteName, secret, timeout, null);
    }

    /** @param tls socket factory for HTTPS agents (see {@link AgentTrust}); null: the JVM's default */
    public SoapAgentGateway(String agentName, URI endpoint, String siteName, String secret, Duration timeout,
                            javax.net.ssl.SSLSocketFactory tls) {
        this.agentName = agentName;
        this.siteName = siteName;
        // MTOM both ways, attachments read lazily (a download is read once, straight from the
        // connection) and uploads sent in chunks, so file copies never sit whole in the site's heap
        this.port = SoapClients.port(new AgentService(), Agent.class, endpoint, siteName, secret, timeout,
                new MTOMFeature(true), new StreamingAttachmentFeature(System.getProperty("java.io.tmpdir"), false, CHUNK));
        ((BindingProvider) port).getRequestContext().put(JAXWSProperties.HTTP_CLIENT_STREAMING_CHUNK_SIZE, CHUNK);
        if (tls != null) ((BindingProvider) port).getRequestContext().put(JAXWSProperties.SSL_SOCKET_FACTORY, tls);
    }

    @Override
    public String agentName() {
        return agentName;
    }

    @Override
    public AgentStatusView status() {
        return AgentCalls.call(agentName, () -> {
            AgentInfo info = port.getAgentInfo(siteName);
            return new AgentStatusView(info.getName(), info.getHypervisorType().name(), info.getVCpusTotal(),
                    info.getVCpusUsed(), info.getMemoryMiBTotal(), info.getMemoryMiBUsed(), info.getVirtualMachineCount());
        });
    }

    @Override
    public List<AgentVmView> findFree(ProfileSpec profile) {
        SearchCriteria criteria = new SearchCriteria();
        if (profile.hypervisor() != null) criteria.setHypervisorType(HypervisorType.valueOf(profile.hypervisor()));
        criteria.setMinVCpus(profile.vcpus());
        criteria.setMinMemoryMiB(profile.memoryMiB());
        criteria.setArchitecture(profile.architecture());
        criteria.setOperatingSystemName(profile.osName());
        criteria.setTemplate(profile.template());
        return AgentCalls.call(agentName, () -> port.findVirtualMachines(siteName, criteria, true).stream()
                .map(SoapAgentGateway::view).toList());
    }

    /** The agent shows a site the VMs it holds and the free ones; held = all visible minus free. */
    @Override
    public List<AgentVmView> heldBySite() {
        return AgentCalls.call(agentName, () -> {
            Set<String> free = port.findVirtualMachines(siteName, null, true).stream()
                    .map(VirtualMachine::getUniqueID).collect(Collectors.toSet());
            return port.findVirtualMachines(siteName, null, false).stream()
                    .filter(vm -> !free.contains(vm.getUniqueID()))
                    .map(SoapAgentGateway::view).toList();
        });
    }

    @Override
    public AgentVmView acquire(String agentVmId) {
        return AgentCalls.call(agentName, () -> view(port.acquireVirtualMachine(siteName, agentVmId)));
    }

    @Override
    public AgentVmView create(ProfileSpec profile, String name) {
        VirtualMachineProfile p = new VirtualMachineProfile();
        if (profile.hypervisor() != null) p.setHypervisorType(HypervisorType.valueOf(profile.hypervisor()));
        p.setVCpus(profile.vcpus());
        p.setMemoryMiB(profile.memoryMiB());
        if (profile.diskMiB() > 0) p.setDiskMiB(profile.diskMiB());
        p.setArchitecture(profile.architecture());
        p.setOperatingSystemName(profile.osName());
        p.setTemplate(profile.template());
        return AgentCalls.call(agentName, () -> view(port.createVirtualMachine(siteName, p, name)));
    }

    @Override
    public AgentVmView describe(String agentVmId) {
        return AgentCalls.call(agentName, () -> view(port.describeVirtualMachine(siteName, agentVmId)));
    }

    @Override
    public AgentVmView power(String id, PowerRequest request) {
        return AgentCalls.call(agentName, () -> view(switch (request) {
            case START -> port.startVirtualMachine(siteName, id);
            case SHUTDOWN -> port.shutdownVirtualMachine(siteName, id, false, null);
            case FORCE_SHUTDOWN -> port.shutdownVirtualMachine(siteName, id, true, null);
            case SUSPEND -> port.suspendVirtualMachine(siteName, id);
            case RESUME -> port.resumeVirtualMachine(siteName, id);
            case REBOOT -> port.rebootVirtualMachine(siteName, id);
            case POWER_OFF -> port.destroyVirtualMachine(siteName, id);
        }));
    }

    @Override
    public AgentVmView snapshot(String id, String snapshotName, boolean revert) {
        return AgentCalls.call(agentName, () -> view(revert ? port.revertVirtualMachine(siteName, id, snapshotName)
                : port.snapshotVirtualMachine(siteName, id, snapshotName)));
    }

    @Override
    public void release(String id, boolean destroy) {
        AgentCalls.call(agentName, () -> {
            port.releaseVirtualMachine(siteName, id, destroy);
            return null;
        });
    }

    @Override
    public MigrationTargetView migrationTarget() {
        return AgentCalls.call(agentName, () -> {
            MigrationTarget t = port.getMigrationTarget(siteName);
            return new MigrationTargetView(t.getAgentName(), t.getHypervisorURI(), t.getMigrationURI(), t.getHostName());
        });
    }

    @Override
    public AgentVmView migrate(String id, MigrationTargetView target, String targetHost) {
        MigrationTarget t = null;
        if (target != null) {
            t = new MigrationTarget();
            t.setAgentName(target.agentName());
            t.setHypervisorURI(target.hypervisorUri());
            t.setMigrationURI(target.migrationUri());
            t.setHostName(target.hostName());
        }
        MigrationTarget request = t;
        return AgentCalls.call(agentName, () -> view(port.migrateVirtualMachine(siteName, id, request, targetHost)));
    }

    @Override
    public AgentVmView adopt(String id) {
        return AgentCalls.call(agentName, () -> view(port.adoptVirtualMachine(siteName, id)));
    }

    @Override
    public GuestCommandOutcome runCommand(String id, GuestCommandSpec spec) {
        Command command = new Command();
        command.getArgument().addAll(spec.argv());
        spec.environment().forEach((name, value) -> {
            EnvironmentVariable v = new EnvironmentVariable();
            v.setName(name);
            v.setValue(value);
            command.getEnvironment().add(v);
        });
        command.setWorkingDirectory(spec.workingDirectory());
        command.setStdin(spec.stdin());
        command.setTimeoutSeconds(spec.timeoutSeconds());
        return AgentCalls.call(agentName, () -> {
            CommandResult r = port.runCommand(siteName, id, command);
            return new GuestCommandOutcome(r.getExitCode(), r.getStdout(), r.getStderr(), r.isStdoutTruncated(),
                    r.isStderrTruncated(), r.isTimedOut(), r.getDurationMillis());
        });
    }

    @Override
    public GuestFileView putFile(String id, String path, String mode, InputStream content) {
        return AgentCalls.call(agentName, () -> file(port.putFile(siteName, id, path, mode,
                new DataHandler(new org.gve.wsdl.runtime.StreamDataSource(content)))));
    }

    @Override
    public GuestFileView getFile(String id, String path, OutputStream content) {
        return AgentCalls.call(agentName, () -> {
            Holder<FileInfo> info = new Holder<>();
            Holder<DataHandler> data = new Holder<>();
            port.getFile(siteName, id, path, info, data);
            try (InputStream in = Attachments.open(data.value)) {
                in.transferTo(content);
            }
            return file(info.value);
        });
    }

    private static GuestFileView file(FileInfo f) {
        return new GuestFileView(f.getPath(), f.getSize(), f.getMode(), f.getSha256());
    }

    static AgentVmView view(VirtualMachine vm) {
        String os = vm.getOperatingSystem() == null ? null : vm.getOperatingSystem().getName();
        String arch = vm.getArchitecture() == null ? null : vm.getArchitecture().getPlatformType();
        long disk = vm.getDisk().stream().mapToLong(d -> d.getSizeMiB() == null ? 0 : d.getSizeMiB()).sum();
        String guest = vm.getGuestEndpoint().isEmpty() ? null : vm.getGuestEndpoint().get(0).getAddress();
        return new AgentVmView(vm.getUniqueID(), vm.getName(), vm.getHypervisorType().name(), vm.getState().name(),
                vm.getVCpus(), vm.getMemoryMiB(), disk, vm.getTemplate(), vm.getHostName(), os, arch,
                vm.getSnapshot(), guest);
    }
}
