package org.gve.site.vm;

import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.agents.AgentDirectory;
import org.gve.site.agents.ProfileSpec;
import org.gve.site.identity.Caller;
import org.gve.site.identity.UserDirectory;
import org.gve.site.jobs.JobPayloads;
import org.gve.site.jobs.JobService;
import org.gve.site.jobs.JobView;
import org.gve.site.jobs.Operation;
import org.gve.site.jobs.Reservation;
import org.gve.site.jobs.Submission;

import java.time.Duration;

/**
 * RequestVirtualMachine: validates, works out the lease (the asked length, at most the user's
 * maximum), reserves quota and writes the job. A site with no agent UP refuses requests at once.
 * A VM named by id is reserved as one VM of the default size until its real size is known.
 */
public final class VmRequestService {
    private final JobService jobs;
    private final JobPayloads payloads;
    private final UserDirectory users;
    private final SiteVms vms;
    private final ProfileValidator validator;
    private final AgentDirectory agents;
    private final Duration defaultLease;

    public VmRequestService(JobService jobs, JobPayloads payloads, UserDirectory users, SiteVms vms,
                            ProfileValidator validator, AgentDirectory agents, Duration defaultLease) {
        this.jobs = jobs;
        this.agents = agents;
        this.payloads = payloads;
        this.users = users;
        this.vms = vms;
        this.validator = validator;
        this.defaultLease = defaultLease;
    }

    public JobView request(Caller caller, ProfileSpec profile, String existingVmId, Long leaseSeconds, String clientToken) {
        if (profile == null && (existingVmId == null || existingVmId.isBlank())) {
            throw SiteException.invalid("MISSING_PROFILE", "give a Profile or a VirtualMachineID");
        }
        if (profile != null && existingVmId != null) {
            throw SiteException.invalid("PROFILE_AND_ID", "give either a Profile or a VirtualMachineID, not both");
        }
        if (leaseSeconds != null && leaseSeconds <= 0) {
            throw SiteException.invalid("INVALID_LEASE", "LeaseSeconds must be positive, got " + leaseSeconds);
        }
        if (clientToken != null && (clientToken.isBlank() || clientToken.length() > 128)) {
            throw SiteException.invalid("INVALID_CLIENT_TOKEN", "ClientToken must be 1-128 characters");
        }
        if (!agents.anyUp()) {
            throw new SiteException(SiteFault.AGENT_UNAVAILABLE, "NO_AGENT_AVAILABLE",
                    "no agent of this site is up; try again later");
        }
        long maxLease = users.user(caller.userName()).quota().maxLeaseSeconds();
        long lease = Math.min(leaseSeconds != null ? leaseSeconds : defaultLease.toSeconds(), maxLease);
        ProfileSpec sized = profile != null ? profile : validator.validate(null, null, null, null, null, null, null, null);
        Reservation reservation = new Reservation(1, sized.vcpus(), sized.memoryMiB(), sized.diskMiB());
        return jobs.submit(new Submission(caller.userName(), Operation.REQUEST_VM, null,
                new Payloads.VmRequest(profile, existingVmId, lease), clientToken, reservation));
    }

    /** The VM a finished RequestVirtualMachine job granted. */
    public SiteVm result(Caller caller, String jobId) {
        String result = jobs.result(caller, jobId, Operation.REQUEST_VM);
        return vms.byId(payloads.read(result, Payloads.VmResult.class).vmId());
    }
}
