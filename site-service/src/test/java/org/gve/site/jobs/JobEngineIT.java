package org.gve.site.jobs;

import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.identity.Caller;
import org.gve.site.testing.FakeAgent;
import org.gve.site.testing.SiteFixture;
import org.gve.site.vm.Payloads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.gve.site.testing.SiteFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job engine on a real (in-memory H2) database with a fake agent: queueing, ordering, cancelling. */
class JobEngineIT {
    private SiteFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) fixture.close();
    }

    private String grantedVm(Caller user) {
        JobView job = fixture.await(user, fixture.request(user, 1, 512).jobId());
        assertEquals(JobStatus.SUCCEEDED, job.status(), job.faultMessage());
        return job.vmId();
    }

    @Test
    void aPendingJobCanBeCancelledAndNeverRuns() {
        fixture = new SiteFixture(1).start();
        FakeAgent agent = fixture.agent("a1", "KVM", 8, 16384);
        Caller alice = fixture.user("alice");
        String vm1 = grantedVm(alice);
        String vm2 = grantedVm(alice);
        agent.close("SUSPEND");
        JobView busy = fixture.site().management().submit(alice, Operation.SUSPEND, Payloads.VmOperation.of(vm1));
        eventually("the only worker is busy", () -> agent.waitingAt("SUSPEND") == 1);
        JobView queued = fixture.site().management().submit(alice, Operation.SHUTDOWN, Payloads.VmOperation.of(vm2));
        assertEquals(JobStatus.PENDING, fixture.site().jobs().job(alice, queued.jobId()).status());

        JobView cancelled = fixture.site().jobs().cancel(alice, queued.jobId());
        assertEquals(JobStatus.CANCELLED, cancelled.status());
        assertEquals("CANCELLED", cancelled.faultCode());
        SiteException running = assertThrows(SiteException.class, () -> fixture.site().jobs().cancel(alice, busy.jobId()));
        assertEquals(SiteFault.INVALID_STATE, running.fault());
        assertEquals("JOB_NOT_PENDING", running.code());
        Caller bob = fixture.user("bob");
        assertEquals(SiteFault.NOT_FOUND, assertThrows(SiteException.class,
                () -> fixture.site().jobs().cancel(bob, busy.jobId())).fault());

        agent.open("SUSPEND");
        assertEquals(JobStatus.SUCCEEDED, fixture.await(alice, busy.jobId()).status());
        assertEquals(JobStatus.CANCELLED, fixture.site().jobs().job(alice, queued.jobId()).status());
        assertTrue(agent.calls("SHUTDOWN").isEmpty(), "the cancelled job never reached the agent");
        assertEquals("RUNNING", agent.state(fixture.site().vms().byId(vm2).agentVmId()));
    }

    @Test
    void jobsOnOneVmRunOneAtATimeInOrderWhileOtherVmsGoOn() {
        fixture = new SiteFixture(4).start();
        FakeAgent agent = fixture.agent("a1", "KVM", 8, 16384);
        Caller alice = fixture.user("alice");
        String vm = grantedVm(alice);
        String other = grantedVm(alice);
        agent.close("SUSPEND");
        JobView first = fixture.site().management().submit(alice, Operation.SUSPEND, Payloads.VmOperation.of(vm));
        eventually("the suspend reached the agent", () -> agent.waitingAt("SUSPEND") == 1);
        List<JobView> more = new ArrayList<>();
        more.add(fixture.site().management().submit(alice, Operation.RESUME, Payloads.VmOperation.of(vm)));
        more.add(fixture.site().management().submit(alice, Operation.REBOOT, Payloads.VmOperation.of(vm)));
        more.add(fixture.site().management().submit(alice, Operation.SHUTDOWN, Payloads.VmOperation.of(vm)));
        JobView elsewhere = fixture.site().management().submit(alice, Operation.SHUTDOWN, Payloads.VmOperation.of(other));
        assertEquals(JobStatus.SUCCEEDED, fixture.await(alice, elsewhere.jobId()).status(),
                "a job on another VM is not held up");
        for (JobView job : more) {
            assertEquals(JobStatus.PENDING, fixture.site().jobs().job(alice, job.jobId()).status(),
                    "free workers, but the VM is busy");
        }
        agent.open("SUSPEND");
        for (JobView job : more) assertEquals(JobStatus.SUCCEEDED, fixture.await(alice, job.jobId()).status());
        String agentVm = fixture.site().vms().byId(vm).agentVmId();
        List<FakeAgent.Call> onVm = agent.calls().stream()
                .filter(c -> agentVm.equals(c.vmId()) && List.of("SUSPEND", "RESUME", "REBOOT", "SHUTDOWN").contains(c.operation()))
                .toList();
        assertEquals(List.of("SUSPEND", "RESUME", "REBOOT", "SHUTDOWN"), onVm.stream().map(FakeAgent.Call::operation).toList());
        for (int i = 1; i < onVm.size(); i++) {
            assertTrue(onVm.get(i).startNanos() >= onVm.get(i - 1).endNanos(), "calls on one VM never overlap: " + onVm);
        }
        JobView firstDone = fixture.site().jobs().job(alice, first.jobId());
        JobView resume = fixture.site().jobs().job(alice, more.get(0).jobId());
        assertTrue(!resume.started().isBefore(firstDone.finished()));
    }

    @Test
    void listingsShowOnlyTheCallersJobsNewestFirst() {
        fixture = new SiteFixture().start();
        fixture.agent("a1", "KVM", 8, 16384);
        Caller alice = fixture.user("alice");
        Caller bob = fixture.user("bob");
        String a1 = fixture.request(alice, 1, 512).jobId();
        String a2 = fixture.request(alice, 1, 512).jobId();
        String b1 = fixture.request(bob, 1, 512).jobId();
        fixture.await(alice, a1);  // jobs run in parallel: a2 may end before a1
        fixture.await(alice, a2);
        fixture.await(bob, b1);
        assertEquals(List.of(a2, a1), fixture.site().jobs().jobs(alice, null, 10).stream().map(JobView::jobId).toList());
        assertEquals(List.of(b1), fixture.site().jobs().jobs(bob, JobStatus.SUCCEEDED, 10).stream().map(JobView::jobId).toList());
        assertTrue(fixture.site().jobs().jobs(bob, JobStatus.PENDING, 10).isEmpty());
        assertEquals(SiteFault.INVALID_ARGUMENT, assertThrows(SiteException.class,
                () -> fixture.site().jobs().jobs(alice, null, 0)).fault());
        assertEquals(2, fixture.site().management().list(alice).size());
        assertEquals(1, fixture.site().management().list(bob).size());
    }

    @Test
    void finishedJobsAreDeletedAfterTheRetentionAndUnfinishedOnesNever() {
        fixture = new SiteFixture().start();
        FakeAgent agent = fixture.agent("a1", "KVM", 8, 16384);
        Caller alice = fixture.user("alice");
        String old = fixture.request(alice, 1, 512).jobId();
        String vm = fixture.await(alice, old).vmId();
        agent.close("SUSPEND");
        String stuck = fixture.site().management().submit(alice, Operation.SUSPEND, Payloads.VmOperation.of(vm)).jobId();
        SiteFixture.eventually("the suspend waits at the agent", () -> agent.waitingAt("SUSPEND") == 1);
        fixture.clock.advance(java.time.Duration.ofDays(29));
        String recent = fixture.request(alice, 1, 512).jobId();
        fixture.await(alice, recent);

        assertEquals(0, fixture.site().purgeOldJobs(), "nothing finished 30 days ago yet");
        fixture.clock.advance(java.time.Duration.ofDays(2));
        assertEquals(1, fixture.site().purgeOldJobs());

        assertEquals(SiteFault.NOT_FOUND, assertThrows(SiteException.class,
                () -> fixture.site().jobs().job(alice, old)).fault(), "its state is gone");
        assertEquals(JobStatus.RUNNING, fixture.site().jobs().job(alice, stuck).status(), "a running job is kept, however old");
        assertEquals(JobStatus.SUCCEEDED, fixture.site().jobs().job(alice, recent).status());
        assertEquals(2, fixture.site().management().list(alice).size(), "the VMs themselves are not touched");
        agent.open("SUSPEND");
        fixture.await(alice, stuck);
    }
}
