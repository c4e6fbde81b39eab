package org.gve.harness.site;

import org.gve.agent.service.AgentVm;
import org.gve.agent.service.VmCriteria;
import org.gve.agent.spi.HypervisorKind;
import org.gve.glue.HypervisorType;
import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineProfile;
import org.gve.glue.VirtualMachineState;
import org.gve.wsdl.runtime.SoapClients;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStateQuery;
import org.gve.wsdl.site.JobStatus;
import org.gve.wsdl.site.Quota;
import org.gve.wsdl.site.QuotaExceededFault;
import org.gve.wsdl.site.Role;
import org.gve.wsdl.site.SiteAdministration;
import org.gve.wsdl.site.SiteService;
import org.gve.wsdl.site.VirtualMachineManagement;
import org.gve.wsdl.site.VirtualMachineRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Restart safety, end to end: the real server runs as a process of its own; its agent is a real one
 * in the test's JVM (KVM on libvirt's test driver) behind a proxy that holds StartVirtualMachine, so
 * a request job can be caught RUNNING. The server is killed with SIGKILL right then; while it is
 * down the agent's inventory changes behind its back (a granted VM vanishes, a pool VM gets held
 * for the site); the held start completes. Started again on the same data directory, the site ends
 * the interrupted job FAILED with SITE_RESTARTED and destroys the VM it had made, marks the vanished
 * VM LOST, hands the stray pool VM back, and the user's quota counts exactly what they still hold.
 */
class SiteRestartIT {
    private static final String SITE = "site";
    private static final String USER = "quinn";
    private static final String PASSWORD = "quinn-password";
    private Path data;
    private AgentHost agent;
    private GateProxy proxy;
    private SiteProcess server;

    @AfterEach
    void cleanUp() throws Exception {
        if (server != null) server.close();
        if (proxy != null) proxy.close();
        if (agent != null) agent.close();
        if (data != null) {
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private SiteProcess startServer() throws Exception {
        return SiteProcess.start(data, Map.of("agent.enabled", "false", "admin.password-file", data.resolve("admin.txt").toString(),
                "site.password-iterations", "1000", "site.agent-poll-seconds", "2", "site.agent-timeout-seconds", "60"));
    }

    private <P> P port(Class<P> type, String path, String user, String password) {
        return SoapClients.port(new SiteService(), type, server.endpoint(path), user, password, Duration.ofSeconds(30));
    }

    private VirtualMachineRequest requests() {
        return port(VirtualMachineRequest.class, "/site/VirtualMachineRequest", USER, PASSWORD);
    }

    private JobStateQuery jobs() {
        return port(JobStateQuery.class, "/site/JobStateQuery", USER, PASSWORD);
    }

    private VirtualMachineManagement management() {
        return port(VirtualMachineManagement.class, "/site/VirtualMachineManagement", USER, PASSWORD);
    }

    private SiteAdministration admin() {
        return port(SiteAdministration.class, "/site/SiteAdministration", "admin", "admin-secret-1");
    }

    private static VirtualMachineProfile profile() {
        VirtualMachineProfile p = new VirtualMachineProfile();
        p.setHypervisorType(HypervisorType.KVM);
        p.setVCpus(1);
        p.setMemoryMiB(2048L);  // larger than the pool VM: each grant is a clone the site makes
        return p;
    }

    private VirtualMachine granted() throws Exception {
        JobState done = SiteServer.await(jobs(), requests().requestVirtualMachine(profile(), null, null, null).getJobID());
        assertEquals(JobStatus.SUCCEEDED, done.getStatus(), () -> done.getFault().getMessage());
        return requests().getRequestVirtualMachineResult(done.getJobID());
    }

    private String agentIdOf(String vmName) {
        return agent.app().service().findVms(SITE, VmCriteria.ANY, false).stream()
                .filter(v -> v.vm().name().equals(vmName)).map(AgentVm::vm).map(v -> v.id()).findFirst().orElseThrow();
    }

    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("never happened: " + what);
            Thread.sleep(50);
        }
    }

    @Test
    void killedMidJobTheSiteRecoversReconcilesAndKeepsQuotaExact() throws Exception {
        data = Files.createTempDirectory("gve-restart");
        Files.writeString(data.resolve("admin.txt"), "admin-secret-1");
        agent = new AgentHost("kvm-ext", HypervisorKind.KVM, 32768, SITE, Clock.systemUTC());
        proxy = new GateProxy(agent.url());
        server = startServer();
        assertEquals("UP", admin().registerAgent("kvm-ext", proxy.url(), HypervisorType.KVM, SITE, AgentHost.SECRET)
                .getHealth().name());
        Quota quota = new Quota();
        quota.setMaxVirtualMachines(3);
        admin().registerUser(USER, PASSWORD, Role.USER, quota);

        VirtualMachine kept = granted();
        VirtualMachine doomed = granted();
        String keptOnAgent = agentIdOf(kept.getName());
        String doomedOnAgent = agentIdOf(doomed.getName());
        String pool = agent.free(SITE).get(0);

        proxy.close("StartVirtualMachine");
        JobState inFlight = requests().requestVirtualMachine(profile(), null, null, null);
        eventually("the request job waits in StartVirtualMachine", () -> proxy.waitingAt("StartVirtualMachine") == 1);
        assertEquals(JobStatus.RUNNING, jobs().getJobState(inFlight.getJobID()).getStatus());
        List<String> heldMidJob = agent.heldBy(SITE);
        assertEquals(3, heldMidJob.size(), "the job's clone is held on the agent: " + heldMidJob);

        server.kill();
        agent.app().service().release(SITE, doomedOnAgent, true);  // a granted VM vanishes while the site is down
        agent.app().service().acquire(SITE, pool);                  // a pool VM is held for the site, unrecorded
        proxy.open("StartVirtualMachine");                           // the held start completes for nobody
        eventually("the held start went through", () -> proxy.waitingAt("StartVirtualMachine") == 0);

        server = startServer();
        JobState recovered = jobs().getJobState(inFlight.getJobID());
        assertEquals(JobStatus.FAILED, recovered.getStatus(), () -> server.logTail());
        assertEquals("SITE_RESTARTED", recovered.getFault().getCode());
        assertTrue(recovered.getFault().getMessage().contains("undone"), recovered.getFault().getMessage());

        assertEquals(List.of(keptOnAgent), agent.heldBy(SITE), "no VM is held on the agent without a site record");
        assertTrue(agent.free(SITE).contains(pool), "the stray pool VM is back in the pool, not destroyed");
        List<VirtualMachine> listed = management().listVirtualMachines();
        assertEquals(2, listed.size());
        VirtualMachine keptNow = listed.stream().filter(v -> v.getUniqueID().equals(kept.getUniqueID())).findFirst().orElseThrow();
        VirtualMachine lost = listed.stream().filter(v -> v.getUniqueID().equals(doomed.getUniqueID())).findFirst().orElseThrow();
        assertEquals(VirtualMachineState.RUNNING, keptNow.getState());
        assertEquals(VirtualMachineState.LOST, lost.getState(), "clients see the VM as LOST");
        assertEquals(1, admin().getSiteCapacity().getAllocated().getVirtualMachines(), "only the kept VM is allocated");

        granted();
        granted();
        QuotaExceededFault full = assertThrows(QuotaExceededFault.class,
                () -> requests().requestVirtualMachine(profile(), null, null, null));
        assertTrue(full.getFaultInfo().getMessage().contains("4 VMs"), "1 kept + 2 new + 1 asked: " + full.getFaultInfo().getMessage());
        JobState release = SiteServer.await(jobs(), management().releaseVirtualMachine(lost.getUniqueID()).getJobID());
        assertEquals(JobStatus.SUCCEEDED, release.getStatus(), "a LOST VM can be released to clear it");
        assertEquals(3, management().listVirtualMachines().size());
    }
}
