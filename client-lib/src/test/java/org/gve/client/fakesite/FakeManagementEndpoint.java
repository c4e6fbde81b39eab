package org.gve.client.fakesite;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.jws.WebService;
import jakarta.xml.ws.Holder;
import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineState;
import org.gve.wsdl.common.Command;
import org.gve.wsdl.common.CommandResult;
import org.gve.wsdl.common.FileInfo;
import org.gve.wsdl.runtime.Faults;
import org.gve.wsdl.runtime.XmlTimes;
import org.gve.wsdl.site.InvalidArgumentFault;
import org.gve.wsdl.site.InvalidStateFault;
import org.gve.wsdl.site.JobFailedFault;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStatus;
import org.gve.wsdl.site.NotFoundFault;
import org.gve.wsdl.site.UsageRecord;
import org.gve.wsdl.site.VirtualMachineManagement;

import javax.xml.datatype.XMLGregorianCalendar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Fake VirtualMachineManagement. Guest programs are simulated: {@code echo ARGS}, {@code exit N},
 * {@code cat PATH}, {@code cp FROM TO}, {@code hang} (times out). A guest path ending in {@code .badsum} is
 * reported with a wrong SHA-256; VM {@code vm-boom} answers an undeclared fault.
 */
@WebService(endpointInterface = "org.gve.wsdl.site.VirtualMachineManagement", serviceName = "SiteService",
        portName = "VirtualMachineManagementPort", targetNamespace = "urn:gve:site:1")
public class FakeManagementEndpoint extends FakeSiteEndpoints implements VirtualMachineManagement {

    public FakeManagementEndpoint(FakeSite site) {
        super(site);
    }

    private JobState job(String operation, String vmId, Consumer<FakeSite.FakeJob> onFinish) throws NotFoundFault {
        String user = caller();
        VirtualMachine vm = owned(user, vmId);
        return site.newJob(operation, vmId, user, j -> {
            onFinish.accept(j);
            j.result = vm;
        }).state;
    }

    private JobState stateChange(String operation, String vmId, VirtualMachineState to, VirtualMachineState... from)
            throws NotFoundFault, InvalidStateFault {
        requireState(owned(caller(), vmId), from);
        return job(operation, vmId, j -> site.vms.get(vmId).vm().setState(to));
    }

    @Override
    public JobState startVirtualMachine(String vmId) throws NotFoundFault, InvalidStateFault {
        return stateChange("START", vmId, VirtualMachineState.RUNNING, VirtualMachineState.STOPPED,
                VirtualMachineState.DEFINED, VirtualMachineState.RUNNING);
    }

    @Override
    public JobState shutdownVirtualMachine(String vmId, Boolean force) throws NotFoundFault, InvalidStateFault {
        return stateChange("SHUTDOWN", vmId, VirtualMachineState.STOPPED, VirtualMachineState.RUNNING,
                VirtualMachineState.STOPPED);
    }

    @Override
    public JobState suspendVirtualMachine(String vmId) throws NotFoundFault, InvalidStateFault {
        return stateChange("SUSPEND", vmId, VirtualMachineState.SUSPENDED, VirtualMachineState.RUNNING);
    }

    @Override
    public JobState resumeVirtualMachine(String vmId) throws NotFoundFault, InvalidStateFault {
        return stateChange("RESUME", vmId, VirtualMachineState.RUNNING, VirtualMachineState.SUSPENDED);
    }

    @Override
    public JobState rebootVirtualMachine(String vmId) throws NotFoundFault, InvalidStateFault {
        return stateChange("REBOOT", vmId, VirtualMachineState.RUNNING, VirtualMachineState.RUNNING);
    }

    @Override
    public JobState migrateVirtualMachine(String vmId, String targetAgent, String targetHost) throws NotFoundFault {
        return job("MIGRATE", vmId, j -> {
            VirtualMachine vm = site.vms.get(vmId).vm();
            if (targetAgent != null) vm.setAgent(targetAgent);
            if (targetHost != null) vm.setHostName(targetHost);
        });
    }

    @Override
    public JobState snapshotVirtualMachine(String vmId, String name) throws NotFoundFault {
        return job("SNAPSHOT", vmId, j -> site.vms.get(vmId).vm().getSnapshot().add(name));
    }

    @Override
    public JobState revertVirtualMachine(String vmId, String name) throws NotFoundFault {
        return job("REVERT", vmId, j -> {
            if (!site.vms.get(vmId).vm().getSnapshot().contains(name)) {
                j.failCode = "SNAPSHOT_NOT_FOUND";
                j.failMessage = "no snapshot " + name;
            }
        });
    }

    @Override
    public JobState releaseVirtualMachine(String vmId) throws NotFoundFault {
        String user = caller();
        owned(user, vmId);
        return site.newJob("RELEASE", vmId, user, j -> site.vms.remove(vmId)).state;
    }

    @Override
    public VirtualMachine getManagementResult(String jobId) throws NotFoundFault, JobFailedFault, InvalidStateFault {
        FakeSite.FakeJob job = finishedJob(jobId);
        return job.state.getVirtualMachineID() == null || !site.vms.containsKey(job.state.getVirtualMachineID())
                ? null : site.vms.get(job.state.getVirtualMachineID()).vm();
    }

    @Override
    public JobState runCommand(String vmId, Command command) throws NotFoundFault, InvalidStateFault, InvalidArgumentFault {
        requireState(owned(caller(), vmId), VirtualMachineState.RUNNING);
        if (command.getArgument().isEmpty()) {
            throw new InvalidArgumentFault("no program", Faults.detail("INVALID_COMMAND", "no program given"));
        }
        return job("RUN_COMMAND", vmId, j -> j.commandResult = simulate(vmId, command));
    }

    private CommandResult simulate(String vmId, Command command) {
        List<String> argv = command.getArgument();
        CommandResult r = new CommandResult();
        r.setStdout("");
        r.setStderr("");
        r.setDurationMillis(7);
        switch (argv.get(0)) {
            case "echo" -> r.setStdout(String.join(" ", argv.subList(1, argv.size())) + "\n");
            case "exit" -> r.setExitCode(Integer.parseInt(argv.get(1)));
            case "hang" -> {
                r.setTimedOut(true);
                r.setExitCode(-1);
            }
            case "cat" -> {
                byte[] content = site.file(vmId, argv.get(1));
                if (content == null) {
                    r.setExitCode(1);
                    r.setStderr("cat: " + argv.get(1) + ": No such file or directory\n");
                } else {
                    r.setStdout(new String(content, StandardCharsets.UTF_8));
                }
            }
            case "cp" -> {
                byte[] content = site.file(vmId, argv.get(1));
                if (content == null) r.setExitCode(1);
                else site.putFile(vmId, argv.get(2), content);
            }
            default -> {
                r.setExitCode(127);
                r.setStderr(argv.get(0) + ": command not found\n");
            }
        }
        return r;
    }

    @Override
    public CommandResult getRunCommandResult(String jobId) throws NotFoundFault, JobFailedFault, InvalidStateFault {
        return finishedJob(jobId).commandResult;
    }

    private FakeSite.FakeJob finishedJob(String jobId) throws NotFoundFault, JobFailedFault, InvalidStateFault {
        String user = caller();
        FakeSite.FakeJob job = site.jobs.get(jobId);
        if (job == null || !job.state.getOwner().equals(user)) {
            throw new NotFoundFault("no such job", Faults.detail("JOB_NOT_FOUND", "no job " + jobId));
        }
        if (job.state.getStatus() == JobStatus.FAILED) throw new JobFailedFault("failed", job.state.getFault());
        if (job.state.getStatus() != JobStatus.SUCCEEDED) {
            throw new InvalidStateFault("not done", Faults.detail("JOB_NOT_FINISHED", jobId + " is " + job.state.getStatus()));
        }
        return job;
    }

    @Override
    public FileInfo copyFileToVirtualMachine(String vmId, String path, String mode, DataHandler content)
            throws NotFoundFault, InvalidStateFault {
        requireState(owned(caller(), vmId), VirtualMachineState.RUNNING);
        site.lastUploadHeaders = header("Content-Type") + "; transfer-encoding=" + header("Transfer-Encoding");
        byte[] bytes;
        try (InputStream in = org.gve.wsdl.runtime.Attachments.open(content)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        site.putFile(vmId, path, bytes);
        return info(path, bytes, mode);
    }

    @Override
    public void copyFileFromVirtualMachine(String vmId, String path, Holder<FileInfo> file, Holder<DataHandler> content)
            throws NotFoundFault, InvalidStateFault {
        requireState(owned(caller(), vmId), VirtualMachineState.RUNNING);
        byte[] bytes = site.file(vmId, path);
        if (bytes == null) throw new NotFoundFault("no such file", Faults.detail("FILE_NOT_FOUND", "no file " + path));
        file.value = info(path, bytes, "0644");
        content.value = new DataHandler(new BytesDataSource(bytes));
    }

    private static FileInfo info(String path, byte[] bytes, String mode) {
        FileInfo f = new FileInfo();
        f.setPath(path);
        f.setSize(bytes.length);
        f.setMode(mode);
        f.setSha256(path.endsWith(".badsum") ? "00".repeat(32) : sha256(bytes));
        return f;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<VirtualMachine> listVirtualMachines() {
        String user = caller();
        return site.vms.values().stream().filter(o -> o.owner().equals(user)).map(FakeSite.Owned::vm).toList();
    }

    @Override
    public VirtualMachine describeVirtualMachine(String vmId) throws NotFoundFault {
        return owned(caller(), vmId);
    }

    @Override
    public List<UsageRecord> getUsage(String userName, XMLGregorianCalendar from, XMLGregorianCalendar to) {
        String user = caller();
        UsageRecord r = new UsageRecord();
        r.setUserName(userName == null ? user : userName);
        r.setFrom(from == null ? XmlTimes.toXml(Instant.parse("2026-01-01T00:00:00Z")) : from);
        r.setTo(to == null ? XmlTimes.toXml(Instant.parse("2026-01-31T00:00:00Z")) : to);
        r.setVirtualMachineHours(1.5);
        r.setVCpuHours(3);
        r.setMemoryMiBHours(768);
        return List.of(r);
    }

    /** Bytes as an octet-stream attachment. */
    private record BytesDataSource(byte[] bytes) implements DataSource {
        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public String getContentType() {
            return "application/octet-stream";
        }

        @Override
        public String getName() {
            return "content";
        }
    }
}
