package org.gve.site.recovery;

import org.gve.site.agents.AgentVmView;
import org.gve.site.identity.Caller;
import org.gve.site.jobs.JobStatus;
import org.gve.site.jobs.JobView;
import org.gve.site.jobs.Operation;
import org.gve.site.quota.Usage;
import org.gve.site.testing.FakeAgent;
import org.gve.site.testing.SiteFixture;
import org.gve.site.vm.Payloads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Start-up after a crash, from the state a crash leaves in the database (written with plain JDBC:
 * a job RUNNING on this node, with or without the agent VM it took). The end-to-end version, which
 * kills a real server process, is in test-harness (SiteRestartIT).
 */
class RestartRecoveryIT {
    private SiteFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) fixture.close();
    }

    /** What a crash leaves: the job RUNNING on node-1, maybe with the agent VM recorded. */
    private void crashedWhileRunning(String jobId, String agent, String agentVmId, boolean created) throws SQLException {
        try (Connection c = fixture.jdbc(); PreparedStatement update = c.prepareStatement(
                "update site_job set status = 'RUNNING', node = 'node-1', started = ?, progress = 'working',"
                        + " agent_name = ?, agent_vm_id = ?, agent_vm_created = ? where job_id = ?")) {
            update.setTimestamp(1, Timestamp.from(SiteFixture.T0));
            update.setString(2, agent);
            update.setString(3, agentVmId);
            update.setBoolean(4, created);
            update.setString(5, jobId);
            assertEquals(1, update.executeUpdate());
        }
    }

    @Test
    void aRequestCutShortDestroysTheVmItMadeAndEndsFailedWithItsReservationReturned() throws Exception {
        fixture = new SiteFixture();
        FakeAgent agent = fixture.agent("a1", "KVM", 8, 16384);
        Caller alice = fixture.user("alice");
        JobView job = fixture.request(alice, 2, 1024);
        assertEquals(new Usage(1, 2, 1024, 0), fixture.site().quotas().usage("alice"), "reserved at submit");
        AgentVmView made = agent.create(SiteFixture.profile(2, 1024), "gve-half-made");
        agent.power(made.agentVmId(), org.gve.site.agents.PowerRequest.START);
        crashedWhileRunning(job.jobId(), "a1", made.agentVmId(), true);

        fixture.start();
        JobView after = fixture.site().jobs().job(alice, job.jobId());
        assertEquals(JobStatus.FAILED, after.status());
        assertEquals("SITE_RESTARTED", after.faultCode());
        assertTrue(after.faultMessage().contains("undone"), after.faultMessage());
        assertFalse(agent.exists(made.agentVmId()), "the VM the job made is destroyed");
        assertEquals(new Usage(0, 0, 0, 0), fixture.site().quotas().usage("alice"), "the reservation is returned");
        assertTrue(fixture.site().management().list(alice).isEmpty());
    }

    @Test
    void aRequestCutShortHandsAPoolVmBackPoweredOff() throws Exception {
        fixture = new SiteFixture();
        FakeAgent agent = fixture.agent("a1", "KVM", 8, 16384);
        String pool = agent.addFreeVm(2, 2048);
        Caller alice = fixture.user("alice");
        JobView job = fixture.request(alice, 1, 512);
        agent.acquire(pool);
        agent.power(pool, org.gve.site.agents.PowerRequest.START);
        crashedWhileRunning(job.jobId(), "a1", pool, false);

        fixture.start();
        assertEquals("SITE_RESTARTED", fixture.site().jobs().job(alice, job.jobId()).faultCode());
        assertTrue(agent.exists(pool), "a pool VM is never destroyed");
        assertFalse(agent.isHeld(pool), "it is free again");
        assertEquals("STOPPED", agent.state(pool));
    }

    @Test
    void aRequestCutShortBeforeItTookAVmJustFails() throws Exception {
        fixture = new SiteFixture();
        FakeAgent agent = fixture.agent("a1", "KVM", 8, 16384);
        Caller alice = fixture.user("alice");
        JobView job = fixture.request(alice, 1, 512);
        crashedWhileRunning(job.jobId(), null, null, false);
        fixture.start();
        assertEquals("SITE_RESTARTED", fixture.site().jobs().job(alice, job.jobId()).faultCode());
        assertEquals(0, agent.vmCount());
        assertEquals(0, fixture.site().quotas().usage("alice").vms());
    }

    @Test
    void anInterruptedPowerChangeOrReleaseResumesAndCompletes() throws Exception {
        fixture = new SiteFixture().start();
        FakeAgent agent = fixture.agent("a1", "KVM", 8, 16384);
        Caller alice = fixture.user("alice");
        String vm1 = fixture.await(alice, fixture.request(alice, 1, 512).jobId()).vmId();
        String vm2 = fixture.await(alice, fixture.request(alice, 1, 512).jobId()).vmId();
        fixture.restart();
        JobView shutdown = fixture.site().management().submit(alice, Operation.SHUTDOWN, Payloads.VmOperation.of(vm1));
        JobView release = fixture.site().management().submit(alice, Operation.RELEASE, Payloads.VmOperation.of(vm2));
        String agentVm2 = fixture.site().vms().byId(vm2).agentVmId();
        agent.release(agentVm2, true);  // the release reached the agent before the crash
        crashedWhileRunning(shutdown.jobId(), null, null, false);
        crashedWhileRunning(release.jobId(), null, null, false);

        fixture.start();
        assertEquals(JobStatus.SUCCEEDED, fixture.await(alice, shutdown.jobId()).status());
        assertEquals(JobStatus.SUCCEEDED, fixture.await(alice, release.jobId()).status());
        assertEquals("STOPPED", fixture.site().vms().byId(vm1).state());
        assertTrue(fixture.site().vms().byId(vm2).released() != null, "the grant ended although the agent had released it");
        assertEquals(new Usage(1, 1, 512, 1024), fixture.site().quotas().usage("alice"));
        assertTrue(fixture.site().lastReconciliation().lostVms().isEmpty(), "the released VM is not taken for lost");
    }
}
