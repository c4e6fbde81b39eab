package org.gve.site.lease;

import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.identity.Caller;
import org.gve.site.jobs.JobStatus;
import org.gve.site.jobs.JobView;
import org.gve.site.jobs.Operation;
import org.gve.site.testing.FakeAgent;
import org.gve.site.testing.SiteFixture;
import org.gve.site.vm.Payloads;
import org.gve.site.vm.SiteVm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Leases with a clock the test moves: expiry stops the VM and blocks its owner until an administrator acts. */
class LeaseEnforcementIT {
    private SiteFixture fixture;
    private FakeAgent agent;
    private Caller alice;

    @BeforeEach
    void start() {
        fixture = new SiteFixture().start();
        agent = fixture.agent("a1", "KVM", 8, 16384);
        alice = fixture.user("alice");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private String vmWithLease(long seconds) {
        JobView job = fixture.site().requests().request(alice, SiteFixture.profile(1, 512), null, seconds, null);
        return fixture.await(alice, job.jobId()).vmId();
    }

    private JobView expiryJob(String vmId) {
        List<JobView> jobs = fixture.site().jobs().jobs(alice, null, 100).stream()
                .filter(j -> j.operation() == Operation.LEASE_EXPIRY && vmId.equals(j.vmId())).toList();
        assertEquals(1, jobs.size(), "one lease stop job for " + vmId + ": " + jobs);
        return fixture.await(alice, jobs.get(0).jobId());
    }

    private SiteException refused(Operation op, String vmId) {
        return assertThrows(SiteException.class,
                () -> fixture.site().management().submit(alice, op, Payloads.VmOperation.of(vmId)));
    }

    @Test
    void pastItsDeadlineAVmIsStoppedAndItsOwnerBlockedUntilTheLeaseIsExtended() {
        String vm = vmWithLease(3600);
        String agentVm = fixture.site().vms().byId(vm).agentVmId();
        fixture.clock.advance(Duration.ofMinutes(59));
        assertEquals(0, fixture.site().enforceLeases(), "not yet");
        fixture.clock.advance(Duration.ofMinutes(1));
        assertEquals(1, fixture.site().enforceLeases());
        assertEquals(JobStatus.SUCCEEDED, expiryJob(vm).status());
        assertEquals("STOPPED", agent.state(agentVm), "powered off through the agent");
        SiteVm stopped = fixture.site().vms().visible(alice, vm);
        assertEquals("STOPPED", stopped.state());
        assertNotNull(stopped.leaseStopped());
        assertEquals(0, fixture.site().enforceLeases(), "stopped once, not again");

        for (Operation op : List.of(Operation.START, Operation.RELEASE, Operation.SNAPSHOT)) {
            SiteException e = refused(op, vm);
            assertEquals(SiteFault.LEASE_EXPIRED, e.fault(), op.name());
            assertEquals("LEASE_EXPIRED", e.code());
        }
        assertEquals(vm, fixture.site().management().describe(alice, vm).vmId(), "the owner still sees it");

        SiteVm extended = fixture.site().vms().extendLease(SiteFixture.ADMIN, vm, fixture.clock.instant().plus(Duration.ofDays(1)));
        assertNull(extended.leaseStopped());
        assertEquals("STOPPED", agent.state(agentVm), "extending does not restart the VM");
        JobView start = fixture.site().management().submit(alice, Operation.START, Payloads.VmOperation.of(vm));
        assertEquals(JobStatus.SUCCEEDED, fixture.await(alice, start.jobId()).status());
        assertEquals("RUNNING", agent.state(agentVm));
    }

    @Test
    void anExpiredVmCanBeReclaimedWhichReturnsItsQuota() {
        String vm = vmWithLease(60);
        fixture.clock.advance(Duration.ofMinutes(2));
        fixture.site().enforceLeases();
        expiryJob(vm);
        JobView reclaim = fixture.site().management().reclaim(SiteFixture.ADMIN, vm);
        assertEquals(JobStatus.SUCCEEDED, fixture.await(SiteFixture.ADMIN, reclaim.jobId()).status());
        assertEquals(0, fixture.site().quotas().usage("alice").vms());
        assertEquals(SiteFault.NOT_FOUND, refused(Operation.START, vm).fault());
    }

    @Test
    void theLeaseIsCappedAtTheUsersMaximumAndVmsOnADownAgentWait() {
        Caller bob = fixture.user("bob", new org.gve.site.identity.Quota(4, 8, 8192, 102400, 600));
        JobView job = fixture.site().requests().request(bob, SiteFixture.profile(1, 512), null, 86400L, null);
        SiteVm vm = fixture.site().vms().byId(fixture.await(bob, job.jobId()).vmId());
        assertEquals(Duration.ofSeconds(600), Duration.between(vm.granted(), vm.leaseDeadline()));

        agent.down(true);
        fixture.site().agents().pollAll();
        fixture.clock.advance(Duration.ofHours(1));
        assertEquals(0, fixture.site().enforceLeases(), "nothing is submitted for an agent that is down");
        agent.down(false);
        fixture.site().agents().pollAll();
        assertEquals(1, fixture.site().enforceLeases());
    }

    @Test
    void aLeaseExtendedWhileTheStopWaitedIsLeftRunning() {
        String vm = vmWithLease(60);
        String agentVm = fixture.site().vms().byId(vm).agentVmId();
        agent.close("SUSPEND");
        JobView suspend = fixture.site().management().submit(alice, Operation.SUSPEND, Payloads.VmOperation.of(vm));
        SiteFixture.eventually("suspend is at the agent", () -> agent.waitingAt("SUSPEND") == 1);
        fixture.clock.advance(Duration.ofMinutes(2));
        assertEquals(1, fixture.site().enforceLeases());
        fixture.site().vms().extendLease(SiteFixture.ADMIN, vm, fixture.clock.instant().plus(Duration.ofHours(1)));
        agent.open("SUSPEND");
        fixture.await(alice, suspend.jobId());
        assertEquals(JobStatus.SUCCEEDED, expiryJob(vm).status());
        assertEquals("SUSPENDED", agent.state(agentVm), "the stop found the lease extended and did nothing");
    }
}
