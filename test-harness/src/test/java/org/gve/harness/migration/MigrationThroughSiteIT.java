package org.gve.harness.migration;

import org.gve.agent.libvirt.LibvirtDaemons;
import org.gve.agent.libvirt.QemuSandbox;
import org.gve.agent.libvirt.TinyGuest;
import org.gve.agent.registry.Holding;
import org.gve.agent.service.AgentVm;
import org.gve.agent.service.VmCriteria;
import org.gve.agent.spi.VmState;
import org.gve.glue.HypervisorType;
import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineProfile;
import org.gve.glue.VirtualMachineState;
import org.gve.harness.GveTestServer;
import org.gve.harness.Jobs;
import org.gve.harness.guest.QemuGuests;
import org.gve.wsdl.common.Command;
import org.gve.wsdl.common.CommandResult;
import org.gve.wsdl.site.AgentHealth;
import org.gve.wsdl.site.AgentInfo;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStateQuery;
import org.gve.wsdl.site.JobStatus;
import org.gve.wsdl.site.VirtualMachineManagement;
import org.gve.wsdl.site.VirtualMachineRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Live migration of a running guest between two agents, driven through the Site Service: agent A on the root
 * libvirtd (qemu:///system), agent B on the session libvirtd of another Unix user (deploy/scripts/
 * setup-libvirt-session.sh), each an AgentApplication on its own embedded Tomcat, both registered with one site.
 * A user's booted tiny guest moves from A to B with the site's MigrateVirtualMachine; afterwards it still runs
 * (same boot, answering through the site via B), A's registry no longer lists it, B's holds it for the site, and
 * the site's record names B. Skips, saying why, when either daemon or the guest files are missing.
 */
class MigrationThroughSiteIT {
    private static final String SITE = "site";
    private static final String USER = "carol";
    private static final String PASSWORD = "pw-of-the-test-2";

    private QemuSandbox guests;
    private AgentOnServer agentA;
    private AgentOnServer agentB;
    private GveTestServer server;

    @BeforeEach
    void twoAgentsOnOneSite() throws Exception {
        Optional<String> unavailable = TinyGuest.unavailableReason();
        assumeTrue(unavailable.isEmpty(), () -> "migration end-to-end skipped: " + unavailable.orElse(""));
        Optional<String> session = LibvirtDaemons.sessionUri();
        assumeTrue(session.isPresent(), () -> "migration end-to-end skipped: no session libvirtd answers (URI from "
                + LibvirtDaemons.SESSION_URI_FILE + "): run deploy/scripts/setup-libvirt-session.sh");
        guests = QemuGuests.open();
        guests.alsoClean(session.get());
        // on one machine: disks both QEMUs (root and gvemig) can write, no cache-mode proof, a data port for B
        agentA = new AgentOnServer("kvm-a", LibvirtDaemons.SYSTEM_URI, guests.logs(),
                Map.of("disk.permissions", "0666", "migration.unsafe", "true"), SITE);
        agentB = new AgentOnServer("kvm-b", session.get(), guests.logs(),
                Map.of("disk.permissions", "0666", "migration.unsafe", "true",
                        "migration.dataUri", "tcp://127.0.0.1:" + freePort()), SITE);
        server = new GveTestServer(Map.of("gve.agent.enabled", "false", "gve.site.agent-timeout-seconds", "120"));
        for (AgentOnServer agent : List.of(agentA, agentB)) {
            String name = agent.application().service().status().agentName();
            AgentInfo registered = server.admin().registerAgent(name, agent.endpoint(), HypervisorType.KVM, SITE,
                    agent.secret());
            assertEquals(AgentHealth.UP, registered.getHealth(), () -> name + ": " + registered.getHealthDetail());
        }
        server.addUser(USER, PASSWORD);
    }

    @AfterEach
    void removeEverything() throws Exception {
        try {
            if (server != null) server.close();
        } finally {
            if (agentA != null) agentA.close();
            if (agentB != null) agentB.close();
            if (guests != null) guests.close();
        }
    }

    @Test
    void aRunningGuestMovesFromAgentAToAgentBThroughTheSite() throws Exception {
        long started = System.nanoTime();
        VirtualMachineRequest requests = server.requests(USER, PASSWORD);
        VirtualMachineManagement management = server.management(USER, PASSWORD);
        JobStateQuery jobs = server.jobs(USER, PASSWORD);
        String template = guests.defineTinyTemplate();
        String name = guests.prefix() + "-mig";

        VirtualMachineProfile profile = new VirtualMachineProfile();
        profile.setHypervisorType(HypervisorType.KVM);
        profile.setTemplate(template);
        profile.setName(name);
        profile.setVCpus(1);
        profile.setMemoryMiB(128L);
        JobState granted = Jobs.await(jobs, requests.requestVirtualMachine(profile, null, 3600L, null).getJobID(),
                Duration.ofSeconds(60));
        assertEquals(JobStatus.SUCCEEDED, granted.getStatus(), () -> fault(granted));
        VirtualMachine vm = requests.getRequestVirtualMachineResult(granted.getJobID());
        String siteVmId = vm.getUniqueID();
        assertEquals("kvm-a", vm.getAgent(), "only agent A has the template");
        Holding onA = agentA.application().registry().holdings().values().stream()
                .filter(h -> name.equals(h.name())).findFirst().orElseThrow();
        String agentVmId = onA.vmId();
        assertTrue(onA.heldBy(SITE));

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!guests.serialShows(name, TinyGuest.MARKER) && System.nanoTime() < deadline) Thread.sleep(200);
        assertTrue(guests.serialShows(name, TinyGuest.MARKER), () -> "the guest booted: " + guests.serialTail(name));
        double uptimeBefore = uptime(runWhenReady(management, jobs, siteVmId, deadline));

        JobState migrated = Jobs.await(jobs, management.migrateVirtualMachine(siteVmId, "kvm-b", null).getJobID(),
                Duration.ofSeconds(90));
        assertEquals(JobStatus.SUCCEEDED, migrated.getStatus(), () -> fault(migrated));

        assertEquals("kvm-b", management.describeVirtualMachine(siteVmId).getAgent(), "the site records the new home");
        assertEquals(VirtualMachineState.RUNNING, management.describeVirtualMachine(siteVmId).getState());
        assertTrue(agentA.application().registry().holding(agentVmId).isEmpty(), "agent A forgot it");
        assertTrue(agentA.application().service().findVms(SITE, VmCriteria.ANY, false).stream()
                .noneMatch(v -> v.vm().id().equals(agentVmId)), "and its hypervisor no longer has it");
        Holding onB = agentB.application().registry().holding(agentVmId).orElseThrow();
        assertTrue(onB.heldBy(SITE), "agent B holds it for the site");
        AgentVm described = agentB.application().service().describe(SITE, agentVmId);
        assertEquals(VmState.RUNNING, described.vm().state());

        CommandResult after = run(management, jobs, siteVmId);
        assertEquals(0, after.getExitCode(), after.getStderr());
        assertTrue(uptime(after) >= uptimeBefore, "the same boot goes on at B (uptime " + uptimeBefore + " -> "
                + uptime(after) + "), it was not restarted");

        JobState released = Jobs.await(jobs, management.releaseVirtualMachine(siteVmId).getJobID(), Duration.ofSeconds(60));
        assertEquals(JobStatus.SUCCEEDED, released.getStatus(), () -> fault(released));
        assertTrue(agentB.application().registry().holding(agentVmId).isEmpty(), "released and destroyed at B");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofMinutes(2)) < 0, "took " + took);
    }

    private static CommandResult runWhenReady(VirtualMachineManagement management, JobStateQuery jobs, String vmId,
                                              long deadline) throws Exception {
        while (true) {
            JobState done = Jobs.await(jobs, management.runCommand(vmId, uptimeCommand()).getJobID(), Duration.ofSeconds(60));
            if (done.getStatus() == JobStatus.SUCCEEDED) return management.getRunCommandResult(done.getJobID());
            if (System.nanoTime() > deadline) throw new AssertionError("the guest agent never answered: " + fault(done));
            Thread.sleep(500);
        }
    }

    private static CommandResult run(VirtualMachineManagement management, JobStateQuery jobs, String vmId)
            throws Exception {
        JobState done = Jobs.await(jobs, management.runCommand(vmId, uptimeCommand()).getJobID(), Duration.ofSeconds(60));
        assertEquals(JobStatus.SUCCEEDED, done.getStatus(), () -> fault(done));
        return management.getRunCommandResult(done.getJobID());
    }

    private static Command uptimeCommand() {
        Command c = new Command();
        c.getArgument().addAll(List.of("cat", "/proc/uptime"));
        c.setTimeoutSeconds(30);
        return c;
    }

    private static double uptime(CommandResult r) {
        return Double.parseDouble(r.getStdout().trim().split("\\s+")[0]);
    }

    private static String fault(JobState job) {
        return job.getStatus() + (job.getFault() == null ? "" : ": " + job.getFault().getCode() + " "
                + job.getFault().getMessage());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
