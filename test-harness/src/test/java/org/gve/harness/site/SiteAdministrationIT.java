package org.gve.harness.site;

import org.gve.agent.spi.HypervisorKind;
import org.gve.glue.HypervisorType;
import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineProfile;
import org.gve.glue.VirtualMachineState;
import org.gve.wsdl.runtime.XmlTimes;
import org.gve.wsdl.site.AgentHealth;
import org.gve.wsdl.site.AgentInfo;
import org.gve.wsdl.site.InvalidArgumentFault;
import org.gve.wsdl.site.InvalidStateFault;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStatus;
import org.gve.wsdl.site.NotAuthorizedFault;
import org.gve.wsdl.site.NotFoundFault;
import org.gve.wsdl.site.Quota;
import org.gve.wsdl.site.Role;
import org.gve.wsdl.site.SiteAdministration;
import org.gve.wsdl.site.SiteCapacity;
import org.gve.wsdl.site.UserInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every SiteAdministration operation over SOAP, with what it refuses. */
class SiteAdministrationIT {
    private static SiteServer server;
    private static SiteAdministration admin;
    private static SiteAdministration notAdmin;

    @BeforeAll
    static void start() throws Exception {
        server = new SiteServer(Map.of());
        admin = server.admin();
        server.addUser("gina", "gina-password");
        notAdmin = server.admin("gina", "gina-password");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Quota quota(Integer vms, Integer vcpus, Long memory, Long lease) {
        Quota q = new Quota();
        q.setMaxVirtualMachines(vms);
        q.setMaxVCpus(vcpus);
        q.setMaxMemoryMiB(memory);
        q.setMaxLeaseSeconds(lease);
        return q;
    }

    private static String code(Class<? extends Exception> fault, Executable call) {
        Exception e = assertThrows(fault, call);
        try {
            Object info = e.getClass().getMethod("getFaultInfo").invoke(e);
            return (String) info.getClass().getMethod("getCode").invoke(info);
        } catch (ReflectiveOperationException reflection) {
            throw new AssertionError(reflection);
        }
    }

    private static String grantedVm(String user, String password) throws Exception {
        VirtualMachineProfile p = new VirtualMachineProfile();
        p.setVCpus(1);
        p.setMemoryMiB(256L);
        JobState done = SiteServer.await(server.jobs(user, password),
                server.requests(user, password).requestVirtualMachine(p, null, 3600L, null).getJobID());
        assertEquals(JobStatus.SUCCEEDED, done.getStatus());
        return done.getVirtualMachineID();
    }

    @Test
    void onlyAdministratorsUseAnyOfIt() {
        List<Executable> calls = List.of(
                () -> notAdmin.registerAgent("x", "http://127.0.0.1:9/", HypervisorType.KVM, null, null),
                () -> notAdmin.unregisterAgent("local-kvm", null),
                notAdmin::listAgents,
                () -> notAdmin.registerUser("mallory", "mallory-password", Role.ADMINISTRATOR, null),
                () -> notAdmin.unregisterUser("admin"),
                notAdmin::listUsers,
                () -> notAdmin.setQuota("gina", quota(1000, null, null, null)),
                () -> notAdmin.extendLease("vm-x", XmlTimes.toXml(Instant.now())),
                () -> notAdmin.reclaimVirtualMachine("vm-x"),
                () -> notAdmin.listAllVirtualMachines(null),
                notAdmin::getSiteCapacity);
        for (Executable call : calls) assertEquals("ADMINISTRATOR_REQUIRED", code(NotAuthorizedFault.class, call));
        assertEquals("WRONG_CREDENTIALS", code(NotAuthorizedFault.class,
                () -> server.admin(SiteServer.ADMIN, "not-it").listUsers()));
    }

    @Test
    void usersAreRegisteredWithQuotasAndRemovedOnlyWhenTheyHoldNothing() throws Exception {
        UserInfo hank = admin.registerUser("hank", "hank-password", Role.USER, quota(2, 4, 4096L, 7200L));
        assertEquals(Role.USER, hank.getRole());
        assertEquals(2, hank.getQuota().getMaxVirtualMachines());
        assertEquals(7200, hank.getQuota().getMaxLeaseSeconds());
        assertTrue(admin.listUsers().stream().anyMatch(u -> u.getUserName().equals("hank")));
        assertEquals("USER_EXISTS", code(InvalidStateFault.class,
                () -> admin.registerUser("hank", "other-password", Role.USER, null)));
        assertEquals("WEAK_PASSWORD", code(InvalidArgumentFault.class,
                () -> admin.registerUser("ivy", "short", Role.USER, null)));
        assertEquals("INVALID_USER_NAME", code(InvalidArgumentFault.class,
                () -> admin.registerUser("bad name", "long-enough-1", Role.USER, null)));

        UserInfo raised = admin.setQuota("hank", quota(3, null, null, null));
        assertEquals(3, raised.getQuota().getMaxVirtualMachines());
        assertEquals(4, raised.getQuota().getMaxVCpus(), "unset fields keep their value");
        assertEquals("USER_NOT_FOUND", code(NotFoundFault.class, () -> admin.setQuota("nobody", quota(1, null, null, null))));
        assertEquals("INVALID_QUOTA", code(InvalidArgumentFault.class, () -> admin.setQuota("hank", quota(-1, null, null, null))));

        String vm = grantedVm("hank", "hank-password");
        assertEquals("USER_HOLDS_VMS", code(InvalidStateFault.class, () -> admin.unregisterUser("hank")));
        assertEquals("USER_NOT_FOUND", code(NotFoundFault.class, () -> admin.unregisterUser("nobody")));
        assertEquals("SELF_REMOVAL", code(InvalidArgumentFault.class, () -> admin.unregisterUser(SiteServer.ADMIN)));
        JobState reclaimed = SiteServer.await(server.jobs(SiteServer.ADMIN, SiteServer.ADMIN_PASSWORD),
                admin.reclaimVirtualMachine(vm).getJobID());
        assertEquals(JobStatus.SUCCEEDED, reclaimed.getStatus());
        assertEquals("RECLAIM", reclaimed.getOperation());
        admin.unregisterUser("hank");
        assertEquals("WRONG_CREDENTIALS", code(NotAuthorizedFault.class,
                () -> server.jobs("hank", "hank-password").listJobs(null, null)), "a removed user cannot log in");
    }

    @Test
    void agentsAreRegisteredPolledListedAndRemovedOnlyWhenTheyHostNothing() throws Exception {
        try (AgentHost extra = new AgentHost("extra-xen", HypervisorKind.XEN, 8192, "site", Clock.systemUTC())) {
            AgentInfo info = admin.registerAgent("extra-xen", extra.url(), HypervisorType.XEN, "site", AgentHost.SECRET);
            assertEquals(AgentHealth.UP, info.getHealth());
            assertEquals(HypervisorType.XEN, info.getHypervisorType());
            assertEquals(8192, info.getMemoryMiBTotal());
            assertTrue(info.getVCpusTotal() > 0);
            assertNotNull(info.getLastSeen());
            AgentInfo again = admin.registerAgent("extra-xen", extra.url(), HypervisorType.XEN, "site", AgentHost.SECRET);
            assertEquals(AgentHealth.UP, again.getHealth(), "registering again updates the agent");
            assertEquals(List.of("extra-xen", "local-kvm"), admin.listAgents().stream().map(AgentInfo::getName).toList());

            AgentInfo wrongSecret = admin.registerAgent("extra-xen", extra.url(), HypervisorType.XEN, "site", "nope");
            assertEquals(AgentHealth.DOWN, wrongSecret.getHealth());
            assertTrue(wrongSecret.getHealthDetail().contains("refused"), wrongSecret.getHealthDetail());
            admin.registerAgent("extra-xen", extra.url(), HypervisorType.XEN, "site", AgentHost.SECRET);

            VirtualMachineProfile xen = new VirtualMachineProfile();
            xen.setHypervisorType(HypervisorType.XEN);
            xen.setMemoryMiB(256L);
            JobState done = SiteServer.await(server.jobs("gina", "gina-password"),
                    server.requests("gina", "gina-password").requestVirtualMachine(xen, null, null, null).getJobID());
            assertEquals(JobStatus.SUCCEEDED, done.getStatus(), () -> done.getFault().getMessage());
            assertEquals("AGENT_IN_USE", code(InvalidStateFault.class, () -> admin.unregisterAgent("extra-xen", null)));
            SiteServer.await(server.jobs("gina", "gina-password"), server.management("gina", "gina-password")
                    .releaseVirtualMachine(done.getVirtualMachineID()).getJobID());
            admin.unregisterAgent("extra-xen", null);
            assertEquals(List.of("local-kvm"), admin.listAgents().stream().map(AgentInfo::getName).toList());
        }
        assertEquals("AGENT_NOT_FOUND", code(NotFoundFault.class, () -> admin.unregisterAgent("extra-xen", null)));
        assertEquals("INVALID_ENDPOINT", code(InvalidArgumentFault.class,
                () -> admin.registerAgent("bad", "not a url", HypervisorType.KVM, null, null)));
        assertEquals("INVALID_AGENT_NAME", code(InvalidArgumentFault.class,
                () -> admin.registerAgent("bad name", "http://127.0.0.1:9/", HypervisorType.KVM, null, null)));
        AgentInfo ghost = admin.registerAgent("ghost", "http://127.0.0.1:9/gve/agent", HypervisorType.KVM, "site", "x");
        assertEquals(AgentHealth.DOWN, ghost.getHealth(), "an unreachable agent is kept, DOWN");
        admin.unregisterAgent("ghost", null);
    }

    @Test
    void anAgentGoneForGoodIsAbandonedAndItsVmsBecomeLost() throws Exception {
        server.addUser("ivan", "ivan-password");
        VirtualMachineProfile xen = new VirtualMachineProfile();
        xen.setHypervisorType(HypervisorType.XEN);
        xen.setMemoryMiB(256L);
        String vm;
        try (AgentHost doomed = new AgentHost("doomed-xen", HypervisorKind.XEN, 8192, "site", Clock.systemUTC())) {
            admin.registerAgent("doomed-xen", doomed.url(), HypervisorType.XEN, "site", AgentHost.SECRET);
            JobState done = SiteServer.await(server.jobs("ivan", "ivan-password"),
                    server.requests("ivan", "ivan-password").requestVirtualMachine(xen, null, null, null).getJobID());
            assertEquals(JobStatus.SUCCEEDED, done.getStatus(), () -> done.getFault().getMessage());
            vm = done.getVirtualMachineID();
            assertEquals("AGENT_UP", code(InvalidStateFault.class, () -> admin.unregisterAgent("doomed-xen", true)),
                    "an agent that answers is not abandoned");
            doomed.kill();
        }
        Instant deadline = Instant.now().plusSeconds(20);
        while (admin.listAgents().stream().noneMatch(a -> a.getName().equals("doomed-xen") && a.getHealth() == AgentHealth.DOWN)) {
            assertTrue(Instant.now().isBefore(deadline), "the health poll finds the agent DOWN");
            Thread.sleep(200);
        }
        assertEquals("AGENT_IN_USE", code(InvalidStateFault.class, () -> admin.unregisterAgent("doomed-xen", null)));

        admin.unregisterAgent("doomed-xen", true);

        assertEquals(List.of("local-kvm"), admin.listAgents().stream().map(AgentInfo::getName).toList());
        VirtualMachine lost = server.management("ivan", "ivan-password").describeVirtualMachine(vm);
        assertEquals(VirtualMachineState.LOST, lost.getState());
        assertEquals("VM_LOST", code(InvalidStateFault.class,
                () -> server.management("ivan", "ivan-password").startVirtualMachine(vm)));
        JobState released = SiteServer.await(server.jobs("ivan", "ivan-password"),
                server.management("ivan", "ivan-password").releaseVirtualMachine(vm).getJobID());
        assertEquals(JobStatus.SUCCEEDED, released.getStatus());
    }

    @Test
    void leasesAreExtendedVmsListedAndCapacityRead() throws Exception {
        server.addUser("jack", "jack-password");
        String vm = grantedVm("jack", "jack-password");
        Instant later = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        VirtualMachine extended = admin.extendLease(vm, XmlTimes.toXml(later));
        assertEquals(later, XmlTimes.toInstant(extended.getLeaseDeadline()));
        assertEquals("VM_NOT_FOUND", code(NotFoundFault.class, () -> admin.extendLease("vm-nope", XmlTimes.toXml(later))));
        assertEquals("VM_NOT_FOUND", code(NotFoundFault.class, () -> admin.reclaimVirtualMachine("vm-nope")));

        assertEquals(List.of(vm), admin.listAllVirtualMachines("jack").stream().map(VirtualMachine::getUniqueID).toList());
        assertTrue(admin.listAllVirtualMachines(null).stream().anyMatch(v -> v.getUniqueID().equals(vm)));
        SiteCapacity capacity = admin.getSiteCapacity();
        assertTrue(capacity.getAgentsUp() >= 1);
        assertTrue(capacity.getAllocated().getVirtualMachines() >= 1);
        assertTrue(capacity.getMemoryMiBTotal() > 0);
    }
}
