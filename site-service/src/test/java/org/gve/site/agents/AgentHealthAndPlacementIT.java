package org.gve.site.agents;

import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.identity.Caller;
import org.gve.site.jobs.JobStatus;
import org.gve.site.jobs.JobView;
import org.gve.site.jobs.Operation;
import org.gve.site.testing.FakeAgent;
import org.gve.site.testing.SiteFixture;
import org.gve.site.vm.Payloads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Agent health (polled, DOWN, AGENT_UNAVAILABLE) and placement across several fake agents. */
class AgentHealthAndPlacementIT {
    private SiteFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) fixture.close();
    }

    private String agentOf(Caller user, JobView job) {
        JobView done = fixture.await(user, job.jobId());
        assertEquals(JobStatus.SUCCEEDED, done.status(), done.faultMessage());
        return fixture.site().vms().byId(done.vmId()).agentName();
    }

    @Test
    void aDeadAgentIsMarkedDownAndJobsOnItsVmsFailWithAgentUnavailable() {
        fixture = new SiteFixture().start();
        FakeAgent agent = fixture.agent("a1", "KVM", 8, 16384);
        Caller alice = fixture.user("alice");
        String vm = fixture.await(alice, fixture.request(alice, 1, 512).jobId()).vmId();

        agent.down(true);
        fixture.site().agents().pollAll();
        AgentView down = fixture.site().agents().agent("a1");
        assertEquals("DOWN", down.health());
        assertTrue(down.healthDetail().contains("cannot be reached"), down.healthDetail());
        JobView shutdown = fixture.site().management().submit(alice, Operation.SHUTDOWN, Payloads.VmOperation.of(vm));
        JobView failed = fixture.await(alice, shutdown.jobId());
        assertEquals(JobStatus.FAILED, failed.status());
        assertEquals("AGENT_UNAVAILABLE", failed.faultCode());
        SiteException refused = assertThrows(SiteException.class, () -> fixture.request(alice, 1, 512));
        assertEquals(SiteFault.AGENT_UNAVAILABLE, refused.fault(), "a site with no agent up accepts no request");
        assertEquals("NO_AGENT_AVAILABLE", refused.code());

        agent.down(false);
        fixture.site().agents().pollAll();
        assertEquals("UP", fixture.site().agents().agent("a1").health(), "back at the next good poll");
        JobView again = fixture.site().management().submit(alice, Operation.SHUTDOWN, Payloads.VmOperation.of(vm));
        assertEquals(JobStatus.SUCCEEDED, fixture.await(alice, again.jobId()).status());
    }

    @Test
    void anAgentDyingBetweenPollsFailsTheJobWithAgentUnavailableToo() {
        fixture = new SiteFixture().start();
        FakeAgent agent = fixture.agent("a1", "KVM", 8, 16384);
        Caller alice = fixture.user("alice");
        String vm = fixture.await(alice, fixture.request(alice, 1, 512).jobId()).vmId();
        agent.down(true);
        JobView suspend = fixture.site().management().submit(alice, Operation.SUSPEND, Payloads.VmOperation.of(vm));
        assertEquals("AGENT_UNAVAILABLE", fixture.await(alice, suspend.jobId()).faultCode());
    }

    @Test
    void placementHonoursHypervisorAndFreeMemoryAndSpreadsLoad() {
        fixture = new SiteFixture().start();
        fixture.agent("kvm-1", "KVM", 16, 16384);
        fixture.agent("kvm-2", "KVM", 16, 16384);
        fixture.agent("xen-1", "XEN", 16, 16384);
        fixture.agent("small", "KVM", 16, 1024);
        Caller alice = fixture.user("alice");
        Map<String, Integer> perAgent = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            JobView job = fixture.site().requests().request(alice,
                    new ProfileSpec(null, "KVM", 1, 2048, 0, null, null, null), null, null, null);
            perAgent.merge(agentOf(alice, job), 1, Integer::sum);
        }
        assertEquals(Map.of("kvm-1", 3, "kvm-2", 3), perAgent, "KVM requests spread over the KVM agents with room");
        JobView xen = fixture.site().requests().request(alice, new ProfileSpec(null, "XEN", 1, 512, 0, null, null, null),
                null, null, null);
        assertEquals("xen-1", agentOf(alice, xen));
        JobView huge = fixture.site().requests().request(alice, new ProfileSpec(null, "XEN", 1, 65536, 0, null, null, null),
                null, null, null);
        JobView none = fixture.await(alice, huge.jobId());
        assertEquals("NO_AGENT_AVAILABLE", none.faultCode());
        assertTrue(none.faultMessage().contains("XEN"), none.faultMessage());
    }

    @Test
    void freeVmsAreReusedBeforeTemplatesAreCloned() {
        fixture = new SiteFixture().start();
        FakeAgent agent = fixture.agent("a1", "KVM", 16, 16384);
        String pool = agent.addFreeVm(1, 1024);
        Caller alice = fixture.user("alice");
        JobView first = fixture.await(alice, fixture.request(alice, 1, 512).jobId());
        assertEquals(pool, fixture.site().vms().byId(first.vmId()).agentVmId());
        JobView second = fixture.await(alice, fixture.request(alice, 1, 512).jobId());
        assertTrue(fixture.site().vms().byId(second.vmId()).createdBySite(), "the pool is empty: cloned from a template");
        assertEquals(1, agent.calls("create").size());
    }

    @Test
    void administrationRefusals() {
        fixture = new SiteFixture().start();
        fixture.agent("a1", "KVM", 16, 16384);
        Caller alice = fixture.user("alice");
        fixture.await(alice, fixture.request(alice, 1, 512).jobId());
        SiteException inUse = assertThrows(SiteException.class, () -> fixture.site().agents().unregister("a1", false, "root"));
        assertEquals("AGENT_IN_USE", inUse.code());
        assertEquals(SiteFault.NOT_FOUND, assertThrows(SiteException.class,
                () -> fixture.site().agents().unregister("nope", false, "root")).fault());
        assertEquals("INVALID_HYPERVISOR", assertThrows(SiteException.class,
                () -> fixture.site().agents().register("b", "http://x/", "HYPERV", null, null)).code());
        assertEquals("INVALID_ENDPOINT", assertThrows(SiteException.class,
                () -> fixture.site().agents().register("b", "ftp://x/", "KVM", null, null)).code());
        AgentView ghost = fixture.site().agents().register("ghost", "http://127.0.0.1:9/", "KVM", null, null);
        assertEquals("DOWN", ghost.health(), "an unreachable agent is kept, DOWN");
        fixture.site().agents().unregister("ghost", false, "root");
        assertEquals(List.of("a1"), fixture.site().agents().agents().stream().map(AgentView::name).toList());

        assertEquals("USER_HOLDS_VMS", assertThrows(SiteException.class,
                () -> fixture.site().users().unregister(SiteFixture.ADMIN, "alice")).code());
        assertEquals("SELF_REMOVAL", assertThrows(SiteException.class,
                () -> fixture.site().users().unregister(SiteFixture.ADMIN, "root")).code());
        assertEquals("USER_NOT_FOUND", assertThrows(SiteException.class,
                () -> fixture.site().users().unregister(SiteFixture.ADMIN, "nobody")).code());
        fixture.user("idle");
        fixture.site().users().unregister(SiteFixture.ADMIN, "idle");
        assertEquals("USER_NOT_FOUND", assertThrows(SiteException.class, () -> fixture.site().users().user("idle")).code());
    }
}
