package org.gve.site.agents;

import org.gve.site.SiteException;
import org.gve.site.SiteFault;
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

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An administrator retires an agent that is gone for good while it still hosts granted VMs. */
class AbandonAgentIT {
    private SiteFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) fixture.close();
    }

    @Test
    void aDownAgentIsAbandonedItsVmsBecomeLostAndTheirPendingJobsAreCancelled() {
        fixture = new SiteFixture(1).start();  // one worker: a job blocked on a2 keeps a1's job PENDING
        FakeAgent a1 = fixture.agent("a1", "KVM", 16, 65536);
        FakeAgent a2 = fixture.agent("a2", "XEN", 16, 65536);
        Caller alice = fixture.user("alice");
        String onA1 = fixture.await(alice, fixture.site().requests().request(alice,
                new ProfileSpec(null, "KVM", 2, 2048, 0, null, null, null), null, 86400L, null).jobId()).vmId();
        String onA2 = fixture.await(alice, fixture.site().requests().request(alice,
                new ProfileSpec(null, "XEN", 1, 512, 0, null, null, null), null, 86400L, null).jobId()).vmId();
        assertEquals("a1", fixture.site().vms().byId(onA1).agentName());

        assertEquals("AGENT_IN_USE", refusal("a1", false).code());
        assertEquals("AGENT_UP", refusal("a1", true).code(), "an agent that answers is not abandoned");

        a2.close("SUSPEND");
        JobView blocking = fixture.site().management().submit(alice, Operation.SUSPEND, Payloads.VmOperation.of(onA2));
        SiteFixture.eventually("the only worker waits on a2", () -> a2.waitingAt("SUSPEND") == 1);
        JobView pending = fixture.site().management().submit(alice, Operation.START, Payloads.VmOperation.of(onA1));
        a1.down(true);
        fixture.site().pollAgents();

        List<String> lost = fixture.site().agents().unregister("a1", true, "root");

        assertEquals(List.of(onA1), lost);
        assertEquals(List.of("a2"), fixture.site().agents().agents().stream().map(AgentView::name).toList());
        assertEquals("LOST", fixture.site().vms().byId(onA1).state());
        assertNotNull(fixture.site().vms().byId(onA1).lostAt());
        JobView cancelled = fixture.site().jobs().job(alice, pending.jobId());
        assertEquals(JobStatus.CANCELLED, cancelled.status());
        assertEquals("AGENT_ABANDONED", cancelled.faultCode());
        assertEquals(new Usage(1, 1, 512, 1024), fixture.site().quotas().usage("alice"), "only the VM on a2 counts");

        a2.open("SUSPEND");
        assertEquals(JobStatus.SUCCEEDED, fixture.await(alice, blocking.jobId()).status());
        JobView release = fixture.site().management().submit(alice, Operation.RELEASE, Payloads.VmOperation.of(onA1));
        assertEquals(JobStatus.SUCCEEDED, fixture.await(alice, release.jobId()).status(), "the owner can release it");
        assertEquals(1, fixture.site().management().list(alice).size());
    }

    @Test
    void notWhileAJobRunsOnTheAgent() {
        fixture = new SiteFixture().start();
        FakeAgent a1 = fixture.agent("a1", "KVM", 16, 65536);
        Caller alice = fixture.user("alice");
        String vm = fixture.await(alice, fixture.request(alice, 1, 512).jobId()).vmId();
        a1.close("SUSPEND");
        JobView running = fixture.site().management().submit(alice, Operation.SUSPEND, Payloads.VmOperation.of(vm));
        SiteFixture.eventually("the suspend waits at the agent", () -> a1.waitingAt("SUSPEND") == 1);
        fixture.site().agents().markDown("a1", "test: gone");

        SiteException busy = refusal("a1", true);
        assertEquals(SiteFault.INVALID_STATE, busy.fault());
        assertEquals("AGENT_BUSY", busy.code());
        assertTrue(busy.getMessage().contains("1 job(s)"), busy.getMessage());
        assertEquals("RUNNING", fixture.site().vms().byId(vm).state(), "nothing changed");

        a1.open("SUSPEND");
        fixture.await(alice, running.jobId());
    }

    private SiteException refusal(String agent, boolean abandon) {
        return assertThrows(SiteException.class, () -> fixture.site().agents().unregister(agent, abandon, "root"));
    }
}
