package org.gve.harness.guest;

import jakarta.activation.DataHandler;
import jakarta.xml.ws.Holder;
import org.gve.agent.AgentApplication;
import org.gve.agent.libvirt.LibvirtDaemons;
import org.gve.agent.libvirt.QemuSandbox;
import org.gve.agent.libvirt.TinyGuest;
import org.gve.agent.registry.GuestAccess;
import org.gve.agent.registry.Holding;
import org.gve.glue.HypervisorType;
import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineProfile;
import org.gve.glue.VirtualMachineState;
import org.gve.harness.GveTestServer;
import org.gve.harness.Jobs;
import org.gve.harness.SpillFiles;
import org.gve.wsdl.common.Command;
import org.gve.wsdl.common.CommandResult;
import org.gve.wsdl.common.FileInfo;
import org.gve.wsdl.install.Install;
import org.gve.wsdl.install.InstallService;
import org.gve.wsdl.install.NotAuthorizedFault;
import org.gve.wsdl.runtime.Attachments;
import org.gve.wsdl.runtime.SoapClients;
import org.gve.wsdl.runtime.StreamDataSource;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStateQuery;
import org.gve.wsdl.site.JobStatus;
import org.gve.wsdl.site.NotFoundFault;
import org.gve.wsdl.site.VirtualMachineManagement;
import org.gve.wsdl.site.VirtualMachineRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Site -> Agent -> InstallService end to end, on a real QEMU guest whose InstallService (the project's jar) runs
 * in the host's JVM shared read-only into the guest (deploy/scripts/setup-guest-jvm.sh, split root: only the host's
 * /usr, a minimal etc, the jar's directory and the VM's own credential directory). A user requests a VM of
 * an InstallService template from the all-in-one (agent on qemu:///system); the agent provisions the VM's own
 * credential and port forward and grants the VM once its InstallService answers; the user runs a command and
 * copies files both ways through the site; another user, and anyone without the VM's credential, is refused at
 * each level; the guest cannot read the host's files beyond its shares (the agent's registry, other VMs'
 * credentials). A tiny guest without InstallService is reached through the QEMU guest agent instead. Skips, saying
 * why, when libvirtd, the guest files or the InstallService jar are missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstallServiceThroughSiteIT {
    private static final String ALICE = "alice";
    private static final String BOB = "bob";
    private static final String PASSWORD = "pw-of-the-test-1";
    private static final Duration GRANT = Duration.ofSeconds(150);
    private static final String DECOY_VM = "00000000-0000-0000-0000-decoy0000001";

    private QemuSandbox guests;
    private Path credentials;
    private GveTestServer server;
    private VirtualMachineRequest requests;
    private VirtualMachineManagement alice;
    private VirtualMachineManagement bob;
    private JobStateQuery jobs;
    private String vmId;
    private String vmName;

    @BeforeAll
    void grantAnInstallServiceGuest() throws Exception {
        Optional<String> unavailable = QemuGuests.jvmGuestUnavailable();
        assumeTrue(unavailable.isEmpty(), () -> "InstallService end-to-end skipped: " + unavailable.orElse(""));
        Path jar = installServiceJar();
        assumeTrue(Files.isReadable(jar), () -> "InstallService end-to-end skipped: no " + jar
                + " (build it: mvn -pl install-service package)");
        guests = QemuGuests.open();
        credentials = guests.newDirectory("credentials");
        String template = QemuGuests.defineInstallServiceTemplate(guests, jar.toRealPath());
        Files.createDirectories(credentials.resolve(DECOY_VM));
        Files.writeString(credentials.resolve(DECOY_VM).resolve("install.credential"), "sha256:decoy:00\n");
        Files.writeString(guests.root().resolve("host-secret.txt"), "not for guests\n");
        Files.createDirectories(registryFile().getParent());
        server = new GveTestServer(Map.of(
                "gve.agent.registry.db.url", "jdbc:h2:file:" + registryFile(),
                "gve.agent.uri", LibvirtDaemons.SYSTEM_URI,
                "gve.agent.image-dir", guests.logs().toString(),
                "gve.agent.option.installService.credentialDir", credentials.toString(),
                "gve.agent.install-service-boot-seconds", "120",
                "gve.site.agent-timeout-seconds", "180"));
        server.addUser(ALICE, PASSWORD);
        server.addUser(BOB, PASSWORD);
        requests = server.requests(ALICE, PASSWORD);
        alice = server.management(ALICE, PASSWORD);
        bob = server.management(BOB, PASSWORD);
        jobs = server.jobs(ALICE, PASSWORD);

        vmName = guests.prefix() + "-is";
        VirtualMachine vm = request(template, vmName, 2, 768);
        vmId = vm.getUniqueID();
        assertEquals(VirtualMachineState.RUNNING, vm.getState());
        assertTrue(guests.serialShows(vmName, "InstallService listening"), () -> "granted only once the"
                + " InstallService answers; serial log: " + guests.serialTail(vmName));
    }

    @AfterAll
    void removeEverything() throws Exception {
        if (server != null) server.close();
        if (guests != null) guests.close();
    }

    @Test
    @Order(1)
    void runsACommandInTheGuestAsAJob() throws Exception {
        CommandResult result = run(alice, vmId, "/bin/sh", "-c",
                "echo \"hello from $(hostname) as $(id -un)\"; echo oops >&2; exit 3");
        assertEquals(3, result.getExitCode());
        assertEquals("hello from " + vmName + " as root\n", result.getStdout(), "it ran in the guest, not on the host");
        assertEquals("oops\n", result.getStderr());
        assertFalse(result.isTimedOut());
    }

    @Test
    @Order(2)
    void copiesFilesInAndOutWithChecksums() throws Exception {
        SpillFiles spills = new SpillFiles(server.spool());
        Set<Path> spillFilesBefore = spills.now();
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(content);
        FileInfo in = alice.copyFileToVirtualMachine(vmId, "/tmp/in.bin", "0600",
                new DataHandler(new StreamDataSource(new ByteArrayInputStream(content))));
        assertEquals(content.length, in.getSize());
        assertEquals(sha256(content), in.getSha256());
        assertEquals(sha256(content) + "  /tmp/in.bin\n", run(alice, vmId, "sha256sum", "/tmp/in.bin").getStdout(),
                "the guest holds the same bytes");
        assertEquals("600\n", run(alice, vmId, "stat", "-c", "%a", "/tmp/in.bin").getStdout());

        byte[] back = copyFrom(alice, vmId, "/tmp/in.bin");
        assertArrayEquals(content, back);

        String made = run(alice, vmId, "/bin/sh", "-c",
                "head -c 1500000 /dev/urandom > /tmp/out.bin && sha256sum /tmp/out.bin").getStdout();
        Holder<FileInfo> info = new Holder<>();
        Holder<DataHandler> data = new Holder<>();
        alice.copyFileFromVirtualMachine(vmId, "/tmp/out.bin", info, data);
        byte[] out;
        try (InputStream stream = Attachments.open(data.value)) {
            out = stream.readAllBytes();
        }
        assertEquals(1_500_000, out.length);
        assertEquals(made.substring(0, 64), sha256(out), "what the guest made arrived intact");
        assertEquals(sha256(out), info.value.getSha256());
        assertEquals(Set.of(), spills.leftSince(spillFilesBefore),
                "the site, the agent and this client removed every attachment spill file and download spool");
    }

    @Test
    @Order(3)
    void theGuestCannotReadTheHostBeyondItsOwnShares() throws Exception {
        Path registry = Path.of(registryFile() + ".mv.db");
        assertTrue(Files.exists(registry), "the agent's registry (every VM's sealed secret) is on the host at " + registry);
        Path key = server.dataDirectory().resolve("agent-secrets.key");
        assertTrue(Files.exists(key), "the key that opens the registry's secrets is on the host at " + key);
        Path decoy = credentials.resolve(DECOY_VM).resolve("install.credential");
        for (String path : List.of(registry.toString(), key.toString(), decoy.toString(), guests.root() + "/host-secret.txt",
                "/etc/shadow", "/etc/gve/gve.properties", "/etc/libvirt/qemu.conf")) {
            CommandResult cat = run(alice, vmId, "cat", path);
            assertTrue(cat.getExitCode() != 0 && cat.getStdout().isEmpty(), () -> "the guest read " + path + ": "
                    + cat.getStdout());
        }
        for (String dir : List.of("/var/lib/libvirt", guests.root().toString(), guests.logs().toString(),
                credentials.toString(), decoy.getParent().toString(), "/home", "/var/lib", "/opt")) {
            CommandResult ls = run(alice, vmId, "ls", "-A", dir);
            assertTrue(ls.getExitCode() != 0 && ls.getStdout().isEmpty(), () -> "the guest lists " + dir + ": "
                    + ls.getStdout());
        }
        String agentVmId = server.gve().agent().orElseThrow().registry().holdings().values().stream()
                .filter(h -> vmName.equals(h.name())).findFirst().orElseThrow().vmId();
        assertEquals("install.credential\n", run(alice, vmId, "ls", "-A", "/gve/credential").getStdout());
        assertEquals(Files.readString(credentials.resolve(agentVmId).resolve("install.credential")),
                run(alice, vmId, "cat", "/gve/credential/install.credential").getStdout(), "its own credential only");
        String mounts = run(alice, vmId, "cat", "/proc/mounts").getStdout();
        List<String> shares = mounts.lines().filter(l -> l.split(" ")[2].equals("9p")).toList();
        assertEquals(List.of("hostusr /usr", "hostetc /etc", "gveapp " + installServiceJar().toRealPath().getParent(),
                "gvecred /gve/credential"), shares.stream().map(l -> l.split(" ")[0] + " " + l.split(" ")[1]).toList(),
                mounts);
        assertTrue(shares.stream().allMatch(l -> l.split(" ")[3].startsWith("ro,")), "all read-only: " + shares);
        assertEquals("0\n", run(alice, vmId, "/bin/sh", "-c", "grep -c libvirt /etc/passwd").getStdout(),
                "the guest's /etc is the minimal one, not the host's");
    }

    @Test
    @Order(4)
    void anotherUserCannotReachTheGuest() {
        assertThrows(NotFoundFault.class, () -> bob.runCommand(vmId, command("true")));
        assertThrows(NotFoundFault.class, () -> bob.copyFileToVirtualMachine(vmId, "/tmp/bob", null,
                new DataHandler(new StreamDataSource(new ByteArrayInputStream(new byte[] {1})))));
        assertThrows(NotFoundFault.class, () -> bob.copyFileFromVirtualMachine(vmId, "/tmp/in.bin", new Holder<>(),
                new Holder<>()));
        assertThrows(NotFoundFault.class, () -> bob.describeVirtualMachine(vmId));
    }

    @Test
    @Order(5)
    void theInstallServiceRefusesAnyCredentialButTheVmsOwn() throws Exception {
        AgentApplication agent = server.gve().agent().orElseThrow();
        Holding holding = agent.registry().holdings().values().stream().filter(h -> vmName.equals(h.name()))
                .findFirst().orElseThrow();
        GuestAccess access = holding.guest();
        assertTrue(access.present(), "the agent recorded the guest's endpoint and credential");
        assertTrue(access.endpoint().startsWith("http://127.0.0.1:"), access.endpoint());
        assertTrue(access.secret().length() >= 22, "at least 128 random bits");
        Path file = credentials.resolve(holding.vmId()).resolve("install.credential");
        String line = Files.readString(file).trim();
        assertTrue(line.startsWith("sha256:") && !line.contains(access.secret()), "the guest holds only a hash");

        URI endpoint = URI.create(access.endpoint());
        for (String[] wrong : new String[][] {{access.user(), access.secret() + "x"}, {"root", access.secret()},
                {access.user(), "guessed-password"}}) {
            Install port = SoapClients.port(new InstallService(), Install.class, endpoint, wrong[0], wrong[1],
                    Duration.ofSeconds(30));
            assertThrows(NotAuthorizedFault.class, () -> port.runCommand(command("true")), "refused: " + wrong[0]);
        }
        Install anonymous = SoapClients.port(new InstallService(), Install.class, endpoint, null, null,
                Duration.ofSeconds(30));
        assertThrows(NotAuthorizedFault.class, () -> anonymous.getGuestInfo());
        Install own = SoapClients.port(new InstallService(), Install.class, endpoint, access.user(), access.secret(),
                Duration.ofSeconds(30));
        assertEquals(vmName, own.getGuestInfo().getHostName(), "the right one is accepted by the same service");
    }

    @Test
    @Order(6)
    void aGuestWithoutInstallServiceIsReachedThroughTheQemuGuestAgent() throws Exception {
        String name = guests.prefix() + "-qga";
        VirtualMachine tiny = request(guests.defineTinyTemplate(), name, 1, 128);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!guests.serialShows(name, TinyGuest.MARKER) && System.nanoTime() < deadline) Thread.sleep(200);
        CommandResult uname = runWhenReady(tiny.getUniqueID(), deadline, "uname", "-s");
        assertEquals(0, uname.getExitCode(), uname.getStderr());
        assertEquals("Linux\n", uname.getStdout());
        byte[] content = "through qemu-ga\n".getBytes();
        FileInfo put = alice.copyFileToVirtualMachine(tiny.getUniqueID(), "/tmp/qga.txt", null,
                new DataHandler(new StreamDataSource(new ByteArrayInputStream(content))));
        assertEquals(sha256(content), put.getSha256());
        assertArrayEquals(content, copyFrom(alice, tiny.getUniqueID(), "/tmp/qga.txt"));
        release(tiny.getUniqueID());
    }

    @Test
    @Order(7)
    void releasingTheVmRemovesItAndItsCredential() throws Exception {
        AgentApplication agent = server.gve().agent().orElseThrow();
        String agentVmId = agent.registry().holdings().values().stream().filter(h -> vmName.equals(h.name()))
                .findFirst().orElseThrow().vmId();
        release(vmId);
        assertTrue(agent.registry().holding(agentVmId).isEmpty());
        assertFalse(Files.exists(credentials.resolve(agentVmId)), "the credential went with the VM");
        assertThrows(Exception.class, () -> run(alice, vmId, "true"));
    }

    private VirtualMachine request(String template, String name, int vcpus, long memoryMiB) throws Exception {
        VirtualMachineProfile profile = new VirtualMachineProfile();
        profile.setHypervisorType(HypervisorType.KVM);
        profile.setTemplate(template);
        profile.setName(name);
        profile.setVCpus(vcpus);
        profile.setMemoryMiB(memoryMiB);
        JobState done = Jobs.await(jobs, requests.requestVirtualMachine(profile, null, 3600L, null).getJobID(), GRANT);
        assertEquals(JobStatus.SUCCEEDED, done.getStatus(), () -> "fault: " + (done.getFault() == null ? null
                : done.getFault().getCode() + " " + done.getFault().getMessage()) + "; serial log: "
                + guests.serialTail(name));
        return requests.getRequestVirtualMachineResult(done.getJobID());
    }

    private void release(String siteVmId) throws Exception {
        JobState done = Jobs.await(jobs, alice.releaseVirtualMachine(siteVmId).getJobID(), Duration.ofSeconds(60));
        assertEquals(JobStatus.SUCCEEDED, done.getStatus(), () -> String.valueOf(done.getFault() == null ? null
                : done.getFault().getMessage()));
    }

    private CommandResult run(VirtualMachineManagement as, String siteVmId, String... argv) throws Exception {
        JobState done = Jobs.await(jobs, as.runCommand(siteVmId, command(argv)).getJobID(), Duration.ofSeconds(60));
        assertEquals(JobStatus.SUCCEEDED, done.getStatus(), () -> String.join(" ", argv) + ": "
                + (done.getFault() == null ? null : done.getFault().getCode() + " " + done.getFault().getMessage()));
        return as.getRunCommandResult(done.getJobID());
    }

    /** The tiny guest's agent starts a moment after its marker: a client retries until it answers. */
    private CommandResult runWhenReady(String siteVmId, long deadline, String... argv) throws Exception {
        while (true) {
            JobState done = Jobs.await(jobs, alice.runCommand(siteVmId, command(argv)).getJobID(), Duration.ofSeconds(60));
            if (done.getStatus() == JobStatus.SUCCEEDED) return alice.getRunCommandResult(done.getJobID());
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the guest agent never answered: " + done.getFault().getCode() + " "
                        + done.getFault().getMessage());
            }
            Thread.sleep(500);
        }
    }

    private static byte[] copyFrom(VirtualMachineManagement as, String siteVmId, String path) throws Exception {
        Holder<FileInfo> info = new Holder<>();
        Holder<DataHandler> data = new Holder<>();
        as.copyFileFromVirtualMachine(siteVmId, path, info, data);
        byte[] bytes;
        try (InputStream in = Attachments.open(data.value)) {
            bytes = in.readAllBytes();
        }
        assertEquals(sha256(bytes), info.value.getSha256());
        assertEquals(bytes.length, info.value.getSize());
        return bytes;
    }

    private static Command command(String... argv) {
        Command c = new Command();
        c.getArgument().addAll(List.of(argv));
        c.setTimeoutSeconds(60);
        return c;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private Path registryFile() {
        return guests.root().resolve("agent").resolve("agent-registry");
    }

    private static Path installServiceJar() {
        String configured = System.getProperty("gve.installServiceJar");
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
                .resolve("../install-service/target/gve-install-service.jar").normalize();
    }
}
