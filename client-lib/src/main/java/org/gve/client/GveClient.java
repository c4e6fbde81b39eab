package org.gve.client;

import org.gve.client.error.JobFailedException;
import org.gve.client.model.CommandResult;
import org.gve.client.model.FaultInfo;
import org.gve.client.model.GuestCommand;
import org.gve.client.model.GuestFile;
import org.gve.client.model.JobState;
import org.gve.client.model.JobStatus;
import org.gve.client.model.Usage;
import org.gve.client.model.Vm;
import org.gve.client.model.VmProfile;
import org.gve.client.translate.CommandToWsdl;
import org.gve.client.translate.GlueToVm;
import org.gve.client.translate.JobStatusToWsdl;
import org.gve.client.translate.ProfileToGlue;
import org.gve.client.translate.WsdlToCommandResult;
import org.gve.client.translate.WsdlToJobState;
import org.gve.client.translate.WsdlToUsage;
import org.gve.glue.VirtualMachine;
import org.gve.wsdl.runtime.XmlTimes;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Java client of one GVE site. Long operations return a {@link JobState} at once; {@code await*}
 * polls it (exponential backoff, bounded by a deadline) and fetches the result. Site faults arrive as
 * {@link org.gve.client.error.GveException} subclasses. Administration lives in {@link #admin()}.
 * Thread-safe; close it to release its ports.
 */
public final class GveClient implements AutoCloseable {
    private final SitePorts ports;
    private final JobPoller poller;
    private final FileTransfers files;
    private final SiteAdmin admin;

    public GveClient(GveClientConfig config) {
        this(config, Clock.systemUTC(), Sleeper.system());
    }

    /** With an explicit clock and sleeper for the poll loop (tests use fakes). */
    public GveClient(GveClientConfig config, Clock clock, Sleeper sleeper) {
        Objects.requireNonNull(config, "config");
        this.ports = new SitePorts(config);
        this.poller = new JobPoller(clock, sleeper, config.pollInterval(), config.maxPollInterval());
        this.files = new FileTransfers(ports);
        this.admin = new SiteAdmin(ports);
    }

    public GveClientConfig config() {
        return ports.config();
    }

    /** Site administration (needs the ADMINISTRATOR role). */
    public SiteAdmin admin() {
        return admin;
    }

    // ----- VirtualMachineRequest -----

    /**
     * Asks for a VM matching {@code profile}.
     *
     * @param lease       null for the site default (capped by the user's quota)
     * @param clientToken null, or a token that makes a retried request return the same job
     */
    public JobState requestVm(VmProfile profile, Duration lease, String clientToken) {
        Objects.requireNonNull(profile, "profile");
        return job(ports.request(p -> p.requestVirtualMachine(ProfileToGlue.apply(profile), null, seconds(lease), clientToken)));
    }

    /** Asks for the existing VM {@code vmId} (e.g. a free VM of the site's pool). */
    public JobState requestExistingVm(String vmId, Duration lease, String clientToken) {
        Objects.requireNonNull(vmId, "vmId");
        return job(ports.request(p -> p.requestVirtualMachine(null, vmId, seconds(lease), clientToken)));
    }

    /** The VM granted by a finished request job. */
    public Vm requestResult(String jobId) {
        return GlueToVm.apply(ports.request(p -> p.getRequestVirtualMachineResult(jobId)));
    }

    // ----- VirtualMachineManagement: jobs -----

    public JobState start(String vmId) {
        return job(ports.management(p -> p.startVirtualMachine(vmId)));
    }

    /** ACPI shutdown; {@code force} powers off at once. */
    public JobState shutdown(String vmId, boolean force) {
        return job(ports.management(p -> p.shutdownVirtualMachine(vmId, force)));
    }

    public JobState suspend(String vmId) {
        return job(ports.management(p -> p.suspendVirtualMachine(vmId)));
    }

    public JobState resume(String vmId) {
        return job(ports.management(p -> p.resumeVirtualMachine(vmId)));
    }

    public JobState reboot(String vmId) {
        return job(ports.management(p -> p.rebootVirtualMachine(vmId)));
    }

    /** Moves the VM to another agent ({@code targetAgent}) or another host of its agent; either may be null. */
    public JobState migrate(String vmId, String targetAgent, String targetHost) {
        return job(ports.management(p -> p.migrateVirtualMachine(vmId, targetAgent, targetHost)));
    }

    public JobState snapshot(String vmId, String snapshotName) {
        return job(ports.management(p -> p.snapshotVirtualMachine(vmId, snapshotName)));
    }

    public JobState revert(String vmId, String snapshotName) {
        return job(ports.management(p -> p.revertVirtualMachine(vmId, snapshotName)));
    }

    /** Gives the VM back to the site; its quota is returned. */
    public JobState release(String vmId) {
        return job(ports.management(p -> p.releaseVirtualMachine(vmId)));
    }

    /** The VM as it stands after a finished management job; empty when it no longer exists (released). */
    public Optional<Vm> managementResult(String jobId) {
        VirtualMachine vm = ports.management(p -> p.getManagementResult(jobId));
        return Optional.ofNullable(vm).map(GlueToVm::apply);
    }

    public JobState runCommand(String vmId, GuestCommand command) {
        Objects.requireNonNull(command, "command");
        return job(ports.management(p -> p.runCommand(vmId, CommandToWsdl.apply(command))));
    }

    /** Exit code and output of a finished RunCommand job. */
    public CommandResult commandResult(String jobId) {
        return WsdlToCommandResult.apply(ports.management(p -> p.getRunCommandResult(jobId)));
    }

    // ----- VirtualMachineManagement: synchronous -----

    public List<Vm> listVms() {
        return ports.management(p -> p.listVirtualMachines()).stream().map(GlueToVm::apply).toList();
    }

    public Vm describeVm(String vmId) {
        return GlueToVm.apply(ports.management(p -> p.describeVirtualMachine(vmId)));
    }

    /**
     * Streams a local file into the guest (MTOM) and checks the SHA-256 the site reports.
     *
     * @param mode octal permission bits such as {@code "0644"}, or null for the guest default
     */
    public GuestFile copyFileTo(String vmId, Path local, String remote, String mode) {
        return files.copyTo(vmId, local, remote, mode);
    }

    /** Streams a guest file into {@code local} (via a temporary file, moved into place once its SHA-256 matches). */
    public GuestFile copyFileFrom(String vmId, String remote, Path local) {
        return files.copyFrom(vmId, remote, local);
    }

    /**
     * Accounting over [from, to).
     *
     * @param user null for oneself (administrators: null means all users)
     * @param from null for the site default (30 days ago)
     * @param to   null for now
     */
    public List<Usage> usage(String user, Instant from, Instant to) {
        return ports.management(p -> p.getUsage(user, XmlTimes.toXml(from), XmlTimes.toXml(to)))
                .stream().map(WsdlToUsage::apply).toList();
    }

    // ----- JobStateQuery -----

    public JobState jobState(String jobId) {
        return job(ports.jobs(p -> p.getJobState(jobId)));
    }

    /**
     * The caller's jobs, newest first.
     *
     * @param status     null for all
     * @param maxResults null for the site default
     */
    public List<JobState> listJobs(JobStatus status, Integer maxResults) {
        return ports.jobs(p -> p.listJobs(JobStatusToWsdl.apply(status), maxResults))
                .stream().map(WsdlToJobState::apply).toList();
    }

    /** Cancels a PENDING job (a running one answers InvalidState). */
    public JobState cancelJob(String jobId) {
        return job(ports.jobs(p -> p.cancelJob(jobId)));
    }

    // ----- waiting -----

    /** Polls until the job is final and returns that state, whatever it is. */
    public JobState await(String jobId, Duration timeout) {
        return poller.await(jobId, timeout, this::jobState);
    }

    /** Like {@link #await} but a FAILED or CANCELLED job throws {@link JobFailedException} with its fault code. */
    public JobState awaitSuccess(String jobId, Duration timeout) {
        return requireSucceeded(await(jobId, timeout));
    }

    /** Waits for a VM request job and returns the granted VM. */
    public Vm awaitVm(String jobId, Duration timeout) {
        awaitSuccess(jobId, timeout);
        return requestResult(jobId);
    }

    /** Waits for a management job and returns the VM as it then stands (empty once released). */
    public Optional<Vm> awaitManaged(String jobId, Duration timeout) {
        awaitSuccess(jobId, timeout);
        return managementResult(jobId);
    }

    /** Waits for a RunCommand job and returns its result (a non-zero exit code is a result, not an error). */
    public CommandResult awaitCommand(String jobId, Duration timeout) {
        awaitSuccess(jobId, timeout);
        return commandResult(jobId);
    }

    /** Runs a command and waits for its result. */
    public CommandResult run(String vmId, GuestCommand command, Duration timeout) {
        return awaitCommand(runCommand(vmId, command).jobId(), timeout);
    }

    /** Returns the state if SUCCEEDED, else throws {@link JobFailedException} carrying the job's fault. */
    public static JobState requireSucceeded(JobState state) {
        if (state.status() == JobStatus.SUCCEEDED) return state;
        if (state.status() == JobStatus.CANCELLED) {
            throw new JobFailedException(JobFailedException.CANCELLED, "job " + state.jobId() + " was cancelled", state);
        }
        if (state.status() == JobStatus.FAILED) {
            FaultInfo fault = state.fault() != null ? state.fault() : new FaultInfo("JOB_FAILED", "");
            String message = "job " + state.jobId() + " (" + state.operation() + ") failed"
                    + (fault.message().isEmpty() ? "" : ": " + fault.message());
            throw new JobFailedException(fault.code(), message, state);
        }
        throw new IllegalStateException("job " + state.jobId() + " is not final: " + state.status());
    }

    /** Closes the ports and wipes the configuration's copy of the password. */
    @Override
    public void close() {
        ports.close();
        ports.config().wipe();
    }

    private static JobState job(org.gve.wsdl.site.JobState state) {
        return WsdlToJobState.apply(state);
    }

    private static Long seconds(Duration d) {
        return d == null ? null : d.toSeconds();
    }
}
