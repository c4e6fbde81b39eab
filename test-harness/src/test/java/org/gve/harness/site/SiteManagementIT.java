package org.gve.harness.site;

import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineProfile;
import org.gve.glue.VirtualMachineState;
import org.gve.wsdl.runtime.XmlTimes;
import org.gve.wsdl.site.InvalidStateFault;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStateQuery;
import org.gve.wsdl.site.JobStatus;
import org.gve.wsdl.site.NotFoundFault;
import org.gve.wsdl.site.VirtualMachineManagement;
import org.gve.wsdl.site.VirtualMachineRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every VM operation as a job over SOAP, on the demo KVM agent: the answer is a JobState at once,
 * the result operation gives the VM; several operations submitted on one VM at once run one after
 * another in the order given (their started/finished times never overlap); listings.
 */
class SiteManagementIT {
    private static SiteServer server;
    private static VirtualMachineRequest requests;
    private static VirtualMachineManagement management;
    private static JobStateQuery jobs;

    @BeforeAll
    static void start() throws Exception {
        server = new SiteServer(Map.of("gve.site.job-workers", "8"));
        server.addUser("mia", "mia-password");
        requests = server.requests("mia", "mia-password");
        management = server.management("mia", "mia-password");
        jobs = server.jobs("mia", "mia-password");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String grantedVm() throws Exception {
        VirtualMachineProfile p = new VirtualMachineProfile();
        p.setVCpus(1);
        p.setMemoryMiB(2048L);
        JobState done = SiteServer.await(jobs, requests.requestVirtualMachine(p, null, null, null).getJobID());
        assertEquals(JobStatus.SUCCEEDED, done.getStatus());
        return done.getVirtualMachineID();
    }

    private interface Op {
        JobState submit() throws Exception;
    }

    @Test
    void everyOperationIsAJobAndJobsOnOneVmNeverOverlap() throws Exception {
        String vm = grantedVm();
        Map<String, Op> ops = new java.util.LinkedHashMap<>();
        ops.put("SUSPEND", () -> management.suspendVirtualMachine(vm));
        ops.put("RESUME", () -> management.resumeVirtualMachine(vm));
        ops.put("REBOOT", () -> management.rebootVirtualMachine(vm));
        ops.put("SNAPSHOT", () -> management.snapshotVirtualMachine(vm, "before-change"));
        ops.put("SHUTDOWN", () -> management.shutdownVirtualMachine(vm, false));
        ops.put("START", () -> management.startVirtualMachine(vm));
        ops.put("REVERT", () -> management.revertVirtualMachine(vm, "before-change"));
        List<JobState> submitted = new ArrayList<>();
        for (Op op : ops.values()) {
            JobState state = op.submit();
            assertTrue(state.getStatus() == JobStatus.PENDING || state.getStatus() == JobStatus.RUNNING);
            assertEquals(vm, state.getVirtualMachineID());
            submitted.add(state);
        }
        List<JobState> done = new ArrayList<>();
        for (JobState s : submitted) done.add(SiteServer.await(jobs, s.getJobID()));
        assertEquals(List.copyOf(ops.keySet()), done.stream().map(JobState::getOperation).toList());
        for (JobState d : done) {
            assertEquals(JobStatus.SUCCEEDED, d.getStatus(), () -> d.getOperation() + ": " + d.getFault().getMessage());
            VirtualMachine result = management.getManagementResult(d.getJobID());
            assertEquals(vm, result.getUniqueID());
        }
        for (int i = 1; i < done.size(); i++) {
            Instant previousEnd = XmlTimes.toInstant(done.get(i - 1).getFinished());
            Instant start = XmlTimes.toInstant(done.get(i).getStarted());
            assertFalse(start.isBefore(previousEnd), done.get(i).getOperation() + " started at " + start + " before "
                    + done.get(i - 1).getOperation() + " finished at " + previousEnd);
        }
        VirtualMachine after = management.describeVirtualMachine(vm);
        assertEquals(VirtualMachineState.RUNNING, after.getState());

        Set<String> listed = jobs.listJobs(null, 100).stream().map(JobState::getJobID).collect(Collectors.toSet());
        assertTrue(listed.containsAll(submitted.stream().map(JobState::getJobID).toList()));
        assertTrue(management.listVirtualMachines().stream().anyMatch(v -> v.getUniqueID().equals(vm)));

        JobState release = SiteServer.await(jobs, management.releaseVirtualMachine(vm).getJobID());
        assertEquals(JobStatus.SUCCEEDED, release.getStatus());
        assertEquals("RELEASE", release.getOperation());
        assertEquals(VirtualMachineState.STOPPED, management.getManagementResult(release.getJobID()).getState());
        assertFalse(management.listVirtualMachines().stream().anyMatch(v -> v.getUniqueID().equals(vm)));
        assertThrows(NotFoundFault.class, () -> management.describeVirtualMachine(vm));
        assertThrows(NotFoundFault.class, () -> management.startVirtualMachine(vm));
    }

    @Test
    void anImpossibleOperationFailsItsJobWithTheReasonAndResultsWaitForTheJob() throws Exception {
        String vm = grantedVm();
        JobState shutdown = SiteServer.await(jobs, management.shutdownVirtualMachine(vm, true).getJobID());
        assertEquals(JobStatus.SUCCEEDED, shutdown.getStatus());
        JobState reboot = SiteServer.await(jobs, management.rebootVirtualMachine(vm).getJobID());
        assertEquals(JobStatus.FAILED, reboot.getStatus(), "a stopped VM cannot reboot");
        assertTrue(reboot.getFault().getMessage().length() > 0);
        JobState revert = SiteServer.await(jobs, management.revertVirtualMachine(vm, "never-taken").getJobID());
        assertEquals(JobStatus.FAILED, revert.getStatus());
        JobState cancelled = jobs.listJobs(JobStatus.FAILED, 10).get(0);
        assertThrows(InvalidStateFault.class, () -> jobs.cancelJob(cancelled.getJobID()), "only PENDING jobs can be cancelled");
        assertThrows(org.gve.wsdl.site.InvalidArgumentFault.class, () -> management.snapshotVirtualMachine(vm, "bad name!"));
        SiteServer.await(jobs, management.releaseVirtualMachine(vm).getJobID());
    }
}
