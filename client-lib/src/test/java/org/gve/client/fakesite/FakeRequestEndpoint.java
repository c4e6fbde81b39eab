package org.gve.client.fakesite;

import jakarta.jws.WebService;
import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineProfile;
import org.gve.wsdl.runtime.Faults;
import org.gve.wsdl.site.InvalidArgumentFault;
import org.gve.wsdl.site.InvalidStateFault;
import org.gve.wsdl.site.JobFailedFault;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStatus;
import org.gve.wsdl.site.NotFoundFault;
import org.gve.wsdl.site.QuotaExceededFault;
import org.gve.wsdl.site.VirtualMachineRequest;

import java.time.Instant;

/** Fake VirtualMachineRequest: a profile named "no-template" makes the job fail; vCPUs past the quota fault at once. */
@WebService(endpointInterface = "org.gve.wsdl.site.VirtualMachineRequest", serviceName = "SiteService",
        portName = "VirtualMachineRequestPort", targetNamespace = "urn:gve:site:1")
public class FakeRequestEndpoint extends FakeSiteEndpoints implements VirtualMachineRequest {

    public FakeRequestEndpoint(FakeSite site) {
        super(site);
    }

    @Override
    public JobState requestVirtualMachine(VirtualMachineProfile profile, String vmId, Long leaseSeconds, String token)
            throws InvalidArgumentFault, NotFoundFault, QuotaExceededFault {
        String user = caller();
        if ((profile == null) == (vmId == null)) {
            throw new InvalidArgumentFault("profile xor vm", Faults.detail("INVALID_REQUEST", "give a profile or a VM id"));
        }
        if (token != null && site.tokens.containsKey(user + "/" + token)) {
            return site.jobs.get(site.tokens.get(user + "/" + token)).state;
        }
        if (profile != null && profile.getVCpus() != null) {
            if (profile.getVCpus() <= 0) {
                throw new InvalidArgumentFault("bad profile", Faults.detail("INVALID_PROFILE", "VCpus must be positive"));
            }
            Integer max = site.users.get(user).quota().getMaxVCpus();
            if (max != null && profile.getVCpus() > max) {
                throw new QuotaExceededFault("quota", Faults.detail("QUOTA_EXCEEDED", "at most " + max + " vCPUs"));
            }
        }
        if (vmId != null && !site.vms.containsKey(vmId)) {
            throw new NotFoundFault("no such VM", Faults.detail("VM_NOT_FOUND", "no VM " + vmId));
        }
        FakeSite.FakeJob job = site.newJob("REQUEST_VM", vmId, user, j -> {
            if (profile != null && "no-template".equals(profile.getName())) {
                j.failCode = "TEMPLATE_NOT_FOUND";
                j.failMessage = "no template matches the profile";
                return;
            }
            VirtualMachine vm = vmId != null ? site.vms.get(vmId).vm()
                    : newVm(site.nextId("vm"), profile.getName(), profile.getHypervisorType(), profile.getVCpus(), user);
            if (profile != null && profile.getMemoryMiB() != null) vm.setMemoryMiB(profile.getMemoryMiB());
            if (leaseSeconds != null) {
                vm.setLeaseDeadline(org.gve.wsdl.runtime.XmlTimes.toXml(Instant.now().plusSeconds(leaseSeconds)));
            }
            vm.setOwner(user);
            site.vms.put(vm.getUniqueID(), new FakeSite.Owned(vm, user));
            j.state.setVirtualMachineID(vm.getUniqueID());
            j.result = vm;
        });
        if (token != null) site.tokens.put(user + "/" + token, job.state.getJobID());
        return job.state;
    }

    @Override
    public VirtualMachine getRequestVirtualMachineResult(String jobId)
            throws InvalidStateFault, JobFailedFault, NotFoundFault {
        String user = caller();
        FakeSite.FakeJob job = site.jobs.get(jobId);
        if (job == null || !job.state.getOwner().equals(user)) {
            throw new NotFoundFault("no such job", Faults.detail("JOB_NOT_FOUND", "no job " + jobId));
        }
        if (job.state.getStatus() == JobStatus.FAILED) {
            throw new JobFailedFault("failed", job.state.getFault());
        }
        if (job.state.getStatus() != JobStatus.SUCCEEDED) {
            throw new InvalidStateFault("not done", Faults.detail("JOB_NOT_FINISHED", jobId + " is " + job.state.getStatus()));
        }
        return job.result;
    }
}
