package org.gve.site.vm;

import org.gve.site.SiteException;
import org.gve.site.agents.GuestCommandOutcome;
import org.gve.site.agents.GuestCommandSpec;
import org.gve.site.identity.Caller;
import org.gve.site.jobs.JobPayloads;
import org.gve.site.jobs.JobService;
import org.gve.site.jobs.JobView;
import org.gve.site.jobs.Operation;
import org.gve.site.jobs.Reservation;
import org.gve.site.jobs.Submission;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Management of granted VMs: each change is a job on a VM the caller may operate. */
public final class VmManagementService {
    private static final Set<Operation> VM_RESULT_JOBS = EnumSet.of(Operation.START, Operation.SHUTDOWN,
            Operation.SUSPEND, Operation.RESUME, Operation.REBOOT, Operation.MIGRATE, Operation.SNAPSHOT,
            Operation.REVERT, Operation.RELEASE, Operation.RECLAIM);
    private final JobService jobs;
    private final JobPayloads payloads;
    private final SiteVms vms;

    public VmManagementService(JobService jobs, JobPayloads payloads, SiteVms vms) {
        this.jobs = jobs;
        this.payloads = payloads;
        this.vms = vms;
    }

    public JobView submit(Caller caller, Operation operation, Payloads.VmOperation request) {
        if (!VM_RESULT_JOBS.contains(operation) || operation == Operation.RECLAIM) {
            throw new IllegalArgumentException(operation + " is not a management operation");
        }
        SiteVm vm = operation == Operation.RELEASE ? vms.releasable(caller, request.vmId())
                : vms.operable(caller, request.vmId());
        if ((operation == Operation.SNAPSHOT || operation == Operation.REVERT)
                && (request.snapshotName() == null || !request.snapshotName().matches("[A-Za-z0-9._-]{1,64}"))) {
            throw SiteException.invalid("INVALID_SNAPSHOT_NAME", "SnapshotName must be 1-64 letters, digits or . _ -");
        }
        if (operation == Operation.MIGRATE && request.targetAgent() == null && request.targetHost() == null) {
            throw SiteException.invalid("MISSING_TARGET", "give a TargetAgent or a TargetHost");
        }
        return jobs.submit(new Submission(vm.owner(), operation, vm.vmId(), request, null, Reservation.NONE));
    }

    /** An administrator takes a VM back from its owner, whatever its lease. */
    public JobView reclaim(Caller admin, String vmId) {
        SiteVm vm = vms.visible(admin, vmId);
        return jobs.submit(new Submission(vm.owner(), Operation.RECLAIM, vm.vmId(), Payloads.VmOperation.of(vmId),
                null, Reservation.NONE));
    }

    public JobView runCommand(Caller caller, String vmId, GuestCommandSpec command) {
        SiteVm vm = vms.operable(caller, vmId);
        if (command == null || command.argv().isEmpty() || command.argv().get(0).isBlank()) {
            throw SiteException.invalid("INVALID_COMMAND", "a Command needs at least one Argument (the program)");
        }
        if (command.timeoutSeconds() != null && command.timeoutSeconds() <= 0) {
            throw SiteException.invalid("INVALID_COMMAND", "TimeoutSeconds must be positive");
        }
        return jobs.submit(new Submission(vm.owner(), Operation.RUN_COMMAND, vm.vmId(),
                new Payloads.RunCommand(vm.vmId(), command), null, Reservation.NONE));
    }

    /** The VM after a finished management job; empty once it was released. */
    public SiteVm managementResult(Caller caller, String jobId) {
        String result = jobs.result(caller, jobId, VM_RESULT_JOBS.toArray(Operation[]::new));
        return vms.byId(payloads.read(result, Payloads.VmResult.class).vmId());
    }

    public GuestCommandOutcome commandResult(Caller caller, String jobId) {
        return payloads.read(jobs.result(caller, jobId, Operation.RUN_COMMAND), GuestCommandOutcome.class);
    }

    public List<SiteVm> list(Caller caller) {
        return vms.ownedBy(caller.userName());
    }

    public SiteVm describe(Caller caller, String vmId) {
        return vms.visible(caller, vmId);
    }
}
