package org.gve.site.recovery;

import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.agents.AgentVmView;
import org.gve.site.agents.PowerRequest;
import org.gve.site.identity.Caller;
import org.gve.site.jobs.JobStatus;
import org.gve.site.jobs.Operation;
import org.gve.site.quota.Usage;
import org.gve.site.testing.FakeAgent;
import org.gve.site.testing.SiteFixture;
import org.gve.site.vm.Payloads;
import org.gve.site.vm.SiteVm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reconciliation of the site's records with what the agents report, at start-up and while the site serves. */
class ReconciliationIT {
    private SiteFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) fixture.close();
    }

    @Test
    void aGrantedVmGoneFromItsAgentIsLostFreesItsQuotaAndCanOnlyBeReleased() {
        fixture = new SiteFixture().start();
        FakeAgent agent = fixture.agent("a1", "KVM", 8, 16384);
        Caller alice = fixture.user("alice");
        String kept = fixture.await(alice, fixture.request(alice, 1, 512).jobId()).vmId();
        String gone = fixture.await(alice, fixture.request(alice, 2, 1024).jobId()).vmId();
        agent.vanish(fixture.site().vms().byId(gone).agentVmId());
        fixture.restart().start();

        ReconcileReport report = fixture.site().lastReconciliation();
        assertEquals(List.of(gone), report.lostVms());
        assertEquals(List.of("a1"), report.agentsChecked());
        SiteVm lost = fixture.site().vms().visible(alice, gone);
        assertEquals("LOST", lost.state());
        assertNotNull(lost.lostAt());
        assertEquals("RUNNING", fixture.site().vms().byId(kept).state());
        assertEquals(new Usage(1, 1, 512, 1024), fixture.site().quotas().usage("alice"), "only the kept VM counts");
        assertEquals(2, fixture.site().management().list(alice).size(), "the owner still sees it, as LOST");

        SiteException start = assertThrows(SiteException.class, () -> fixture.site().management()
                .submit(alice, Operation.START, Payloads.VmOperation.of(gone)));
        assertEquals(SiteFault.INVALID_STATE, start.fault());
        assertEquals("VM_LOST", start.code());
        var release = fixture.site().management().submit(alice, Operation.RELEASE, Payloads.VmOperation.of(gone));
        assertEquals(JobStatus.SUCCEEDED, fixture.await(alice, release.jobId()).status());
        assertEquals(1, fixture.site().management().list(alice).size());
    }

    @Test
    void aGrantedVmItsAgentStillHasButForgotIsTakenBackNotLeftFreeForOthers() {
        fixture = new SiteFixture().start();
        FakeAgent agent = fixture.agent("a1", "KVM", 8, 16384);
        Caller alice = fixture.user("alice");
        String vm = fixture.await(alice, fixture.request(alice, 1, 512).jobId()).vmId();
        String onAgent = fixture.site().vms().byId(vm).agentVmId();
        agent.forgetHolder(onAgent);  // e.g. the agent's registry was lost: the VM is free there now
        fixture.restart().start();

        ReconcileReport report = fixture.site().lastReconciliation();
        assertEquals(List.of(vm), report.reacquiredVms());
        assertEquals(List.of(), report.lostVms());
        assertTrue(agent.isHeld(onAgent), "held for the site again, so no other site can take it");
        assertEquals("RUNNING", fixture.site().vms().byId(vm).state());

        agent.forgetHolder(onAgent);  // the same while the site serves
        fixture.clock.advance(java.time.Duration.ofSeconds(1));
        assertEquals(List.of(vm), fixture.site().reconcileNow().reacquiredVms());
        assertTrue(agent.isHeld(onAgent));
    }

    @Test
    void aPoolVmHeldWithoutARecordGoesBackToThePoolPoweredOff() {
        fixture = new SiteFixture();
        FakeAgent agent = fixture.agent("a1", "KVM", 8, 16384);
        String pool = agent.addFreeVm(2, 2048);
        agent.holdBehindTheSitesBack(pool);
        agent.power(pool, PowerRequest.START);
        fixture.start();
        assertEquals(List.of("a1/" + pool), fixture.site().lastReconciliation().returnedAgentVms());
        assertTrue(agent.exists(pool), "a VM the site did not make is never destroyed");
        assertFalse(agent.isHeld(pool));
        assertEquals("STOPPED", agent.state(pool));
    }

    @Test
    void aVmTheSiteMadeAndHoldsWithoutAGrantIsDestroyed() throws Exception {
        fixture = new SiteFixture();
        FakeAgent agent = fixture.agent("a1", "KVM", 8, 16384);
        Caller alice = fixture.user("alice");
        var job = fixture.request(alice, 1, 512);
        AgentVmView made = agent.create(SiteFixture.profile(1, 512), "gve-orphan");
        // an old failed job's row says it made this VM; nothing else refers to it
        try (var c = fixture.jdbc(); var update = c.prepareStatement("update site_job set status = 'FAILED',"
                + " agent_name = 'a1', agent_vm_id = ?, agent_vm_created = true, reserved_vms = 0, reserved_vcpus = 0,"
                + " reserved_memory_mib = 0 where job_id = ?")) {
            update.setString(1, made.agentVmId());
            update.setString(2, job.jobId());
            assertEquals(1, update.executeUpdate());
        }
        fixture.start();
        assertEquals(List.of("a1/" + made.agentVmId()), fixture.site().lastReconciliation().destroyedAgentVms());
        assertFalse(agent.exists(made.agentVmId()));
    }

    @Test
    void agentsThatAreDownAreSkippedAndTheirVmsKept() {
        fixture = new SiteFixture().start();
        FakeAgent agent = fixture.agent("a1", "KVM", 8, 16384);
        Caller alice = fixture.user("alice");
        String vm = fixture.await(alice, fixture.request(alice, 1, 512).jobId()).vmId();
        agent.down(true);
        fixture.restart().start();
        assertEquals(List.of("a1"), fixture.site().lastReconciliation().agentsSkipped());
        assertEquals("RUNNING", fixture.site().vms().byId(vm).state(), "not taken for lost while the agent is down");
        assertEquals(1, fixture.site().quotas().usage("alice").vms());
    }

    @Test
    void whileServingAVmGoneFromItsAgentIsLostAtTheNextPassAfterItsLastJob() {
        fixture = new SiteFixture().start();
        FakeAgent agent = fixture.agent("a1", "KVM", 8, 16384);
        Caller alice = fixture.user("alice");
        String gone = fixture.await(alice, fixture.request(alice, 2, 1024).jobId()).vmId();
        agent.vanish(fixture.site().vms().byId(gone).agentVmId());

        // its request job ended at the instant the agent's list is read: it may have changed the VM since
        assertEquals(List.of(), fixture.site().reconcileNow().lostVms(), "left for the next pass");
        assertEquals("RUNNING", fixture.site().vms().byId(gone).state());
        fixture.clock.advance(java.time.Duration.ofSeconds(1));
        assertEquals(List.of(gone), fixture.site().reconcileNow().lostVms());
        assertEquals("LOST", fixture.site().vms().visible(alice, gone).state());
        assertEquals(0, fixture.site().quotas().usage("alice").vms(), "a LOST VM holds no quota");
    }

    @Test
    void anAgentThatComesBackUpIsReconciledWithAtOnce() {
        fixture = new SiteFixture().start();
        FakeAgent agent = fixture.agent("a1", "KVM", 8, 16384);
        Caller alice = fixture.user("alice");
        String vm = fixture.await(alice, fixture.request(alice, 1, 512).jobId()).vmId();
        agent.down(true);
        fixture.site().pollAgents();
        assertFalse(fixture.site().agents().agent("a1").isUp());
        agent.vanish(fixture.site().vms().byId(vm).agentVmId());  // e.g. restarted on a driver that keeps no state
        agent.down(false);
        fixture.clock.advance(java.time.Duration.ofSeconds(1));
        fixture.site().pollAgents();
        assertEquals("LOST", fixture.site().vms().byId(vm).state(), "found when the agent answered again");
        fixture.site().pollAgents();  // an agent that stays up is not reconciled at every poll
        assertEquals(1, agent.calls("heldBySite").size(), "one reconciliation: when it came back");
    }

    @Test
    void whileARequestRunsAnOrphanIsLeftForALaterPass() {
        fixture = new SiteFixture().start();
        FakeAgent agent = fixture.agent("a1", "KVM", 8, 16384);
        Caller alice = fixture.user("alice");
        String pool = agent.addFreeVm(2, 2048);
        agent.holdBehindTheSitesBack(pool);
        agent.close("START");
        var job = fixture.request(alice, 1, 512);
        SiteFixture.eventually("the request waits at the agent", () -> agent.waitingAt("START") == 1);

        // a request holds an agent VM a moment before its record names it: no orphan is taken meanwhile
        assertEquals(List.of(), fixture.site().reconcileNow().returnedAgentVms());
        assertTrue(agent.isHeld(pool));
        agent.open("START");
        assertEquals(JobStatus.SUCCEEDED, fixture.await(alice, job.jobId()).status());
        fixture.clock.advance(java.time.Duration.ofSeconds(1));
        ReconcileReport later = fixture.site().reconcileNow();
        assertTrue(later.returnedAgentVms().contains("a1/" + pool), later.toString());
        assertFalse(agent.isHeld(pool));
        assertEquals(List.of(), later.lostVms(), "the granted VM is not taken for lost");
    }
}
