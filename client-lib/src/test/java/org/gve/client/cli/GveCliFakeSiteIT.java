package org.gve.client.cli;

import org.gve.client.GveClient;
import org.gve.client.fakesite.FakeSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gve command line end to end against {@link FakeSite}: output, exit codes and error lines. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GveCliFakeSiteIT {
    FakeSite site;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    void startSite() throws IOException {
        site = FakeSite.start();
    }

    @AfterAll
    void stopSite() {
        site.close();
    }

    @BeforeEach
    void reset() {
        out.reset();
        err.reset();
    }

    /** Runs gve as {@code user} (password from the environment); polls do not really sleep. */
    int gve(String user, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("GVE_SITE", site.base().toString());
        env.put("GVE_USER", user);
        env.put("GVE_PASSWORD", FakeSite.PASSWORD);
        GveCli cli = new GveCli(new CliEnvironment(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, Clock.systemUTC(), () -> null,
                config -> new GveClient(config, Clock.systemUTC(), d -> { })));
        return cli.run(args);
    }

    int alice(String... args) {
        return gve(FakeSite.ALICE, args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    String newVm() {
        assertEquals(0, alice("request", "--vcpus", "1", "--memory", "256", "--wait"), err());
        Matcher m = Pattern.compile("(?m)^id: (\\S+)$").matcher(out());
        assertTrue(m.find(), out());
        String id = m.group(1);
        reset();
        return id;
    }

    @Test
    void requestWaitDescribeAndList() {
        assertEquals(0, alice("request", "--vcpus", "2", "--memory", "1024", "--hypervisor", "kvm", "--name", "w1",
                "--lease", "600", "--wait"), err());
        assertTrue(out().contains("name: w1") && out().contains("vcpus: 2") && out().contains("memory: 1024 MiB"), out());
        reset();
        assertEquals(0, alice("vms"));
        assertTrue(out().startsWith("ID ") && out().contains(" w1 "), out());
    }

    @Test
    void requestPrintsTheJobIdAndWaitFollowsIt() {
        assertEquals(0, alice("request", "--vcpus", "1"));
        String job = out().trim();
        assertTrue(job.startsWith("job-"), job);
        reset();
        assertEquals(0, alice("wait", job));
        assertTrue(out().contains("status: SUCCEEDED"), out());
        reset();
        assertEquals(0, alice("job", job));
        assertTrue(out().contains("operation: REQUEST_VM"));
        reset();
        assertEquals(0, alice("jobs", "--max", "5"));
        assertTrue(out().startsWith("JOB ") && out().contains(job), out());
    }

    @Test
    void aFailedJobExitsElevenWithItsCode() {
        assertEquals(ExitCodes.JOB_FAILED, alice("request", "--name", "no-template", "--wait"));
        assertTrue(err().startsWith("gve: TEMPLATE_NOT_FOUND: "), err());
        reset();
        assertEquals(0, alice("request", "--name", "no-template"));
        String job = out().trim();
        reset();
        assertEquals(ExitCodes.JOB_FAILED, alice("wait", job));
        assertTrue(out().contains("fault: TEMPLATE_NOT_FOUND"), out());
    }

    @Test
    void faultsBecomeOneLineAndTheirExitCode() throws IOException {
        assertEquals(ExitCodes.NOT_FOUND, alice("vm", "vm-nope"));
        assertEquals("gve: VM_NOT_FOUND: no VM vm-nope" + System.lineSeparator(), err());
        reset();
        assertEquals(ExitCodes.QUOTA_EXCEEDED, alice("request", "--vcpus", "99"));
        assertTrue(err().startsWith("gve: QUOTA_EXCEEDED: "), err());
        reset();
        assertEquals(ExitCodes.NOT_AUTHORIZED, alice("agents"));
        assertTrue(err().startsWith("gve: NOT_ADMINISTRATOR: "), err());
        reset();
        assertEquals(ExitCodes.SITE_ERROR, alice("vm", "vm-boom"));
        assertTrue(err().startsWith("gve: SITE_ERROR: ") && err().lines().count() == 1, err());
        reset();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertEquals(ExitCodes.SITE_UNREACHABLE, alice("--site", "http://127.0.0.1:" + closed + "/gve", "vms"));
        assertTrue(err().startsWith("gve: CONNECTION_FAILED: cannot connect to http://127.0.0.1:"), err());
    }

    @Test
    void wrongCredentialsExitFourWithAClearMessage(@TempDir Path dir) throws IOException {
        Path wrong = Files.writeString(dir.resolve("pw"), "wrong\n");
        assertEquals(ExitCodes.NOT_AUTHORIZED, alice("--password-file", wrong.toString(), "vms"));
        assertEquals("gve: AUTHENTICATION_FAILED: the site rejected the credentials of user 'alice' (HTTP 401);"
                + " check the user name and password" + System.lineSeparator(), err());
        assertEquals("", out());
        Path file = Files.writeString(dir.resolve("f"), "x".repeat(200_000));
        reset();
        assertEquals(ExitCodes.NOT_AUTHORIZED, alice("--password-file", wrong.toString(), "put", "vm-1", file.toString(), "/f"));
        assertTrue(err().startsWith("gve: AUTHENTICATION_FAILED: "), "a streamed upload too: " + err());
    }

    @Test
    void runPrintsOutputAndExitsWithTheGuestCode() {
        String vm = newVm();
        assertEquals(0, alice("run", vm, "--", "echo", "hello", "--not-an-option"));
        assertEquals("hello --not-an-option\n", out());
        assertEquals(7, alice("run", vm, "--", "exit", "7"));
        assertEquals(127, alice("run", vm, "--", "nosuch"));
        assertTrue(err().contains("nosuch: command not found"), err());
        reset();
        assertEquals(ExitCodes.GUEST_TIMED_OUT, alice("run", vm, "--timeout", "1", "--", "hang"));
        assertTrue(err().contains("GUEST_TIMEOUT"), err());
    }

    @Test
    void putAndGetRoundTrip(@TempDir Path dir) throws IOException {
        String vm = newVm();
        Path local = Files.writeString(dir.resolve("in.txt"), "grid data\n");
        assertEquals(0, alice("put", vm, local.toString(), "/tmp/in.txt", "--mode", "0600"), err());
        assertTrue(out().startsWith("wrote " + vm + ":/tmp/in.txt from " + local + " (10 bytes, sha256 "), out());
        Path back = dir.resolve("back.txt");
        assertEquals(0, alice("get", vm, "/tmp/in.txt", back.toString()), err());
        assertEquals("grid data\n", Files.readString(back));
        reset();
        assertEquals(ExitCodes.CHECKSUM_MISMATCH, alice("put", vm, local.toString(), "/tmp/x.badsum"));
        assertEquals(ExitCodes.LOCAL_IO, alice("put", vm, dir.resolve("missing").toString(), "/tmp/y"));
    }

    @Test
    void powerCommandsSubmitOrWait() {
        String vm = newVm();
        assertEquals(0, alice("suspend", vm, "--wait"));
        assertTrue(out().contains(" SUCCEEDED") && out().contains(vm + " SUSPENDED"), out());
        reset();
        assertEquals(ExitCodes.INVALID_STATE, alice("suspend", vm));
        assertTrue(err().startsWith("gve: INVALID_VM_STATE: "), err());
        assertEquals(0, alice("resume", vm, "--wait"));
        assertEquals(0, alice("snapshot", vm, "s1", "--wait"));
        assertEquals(0, alice("migrate", vm, "--agent", "kvm-2", "--wait"));
        reset();
        assertEquals(0, alice("reboot", vm));
        assertTrue(out().trim().startsWith("job-"), out());
        assertEquals(0, alice("release", vm, "--wait"));
        assertFalse(site.hasVm(vm));
    }

    @Test
    void runJobStagesInRunsStagesOutAndReleases(@TempDir Path dir) throws IOException {
        Path input = Files.writeString(dir.resolve("input.dat"), "42\n");
        Path result = dir.resolve("results/output.dat");
        int code = alice("--verbose", "run-job", "--vcpus", "1", "--memory", "256", "--in", input + ":/work/input.dat",
                "--out", "/work/output.dat:" + result, "--", "cp", "/work/input.dat", "/work/output.dat");
        assertEquals(0, code, err());
        assertEquals("42\n", Files.readString(result));
        Matcher m = Pattern.compile("acquired VM (\\S+)").matcher(err());
        assertTrue(m.find(), err());
        assertFalse(site.hasVm(m.group(1)), "released by default");
        assertTrue(err().contains("gve: release " + m.group(1)), err());
    }

    @Test
    void runJobOnAnExistingVmKeepsItAndReturnsTheProgramsCode() {
        String vm = site.addVm(FakeSite.ALICE, "STOPPED");
        assertEquals(5, alice("run-job", "--vm", vm, "--", "exit", "5"));
        assertTrue(site.hasVm(vm), "kept by default");
        assertEquals("RUNNING", site.vmState(vm), "started before the run");
        assertEquals(0, alice("run-job", "--vm", vm, "--after", "suspend", "--", "echo", "done"));
        assertEquals("SUSPENDED", site.vmState(vm));
    }

    @Test
    void aFailingRunJobStillReleasesItsVm() {
        assertEquals(ExitCodes.NOT_FOUND, alice("--verbose", "run-job", "--vcpus", "1", "--out", "/nowhere:x.out",
                "--after", "release", "--", "echo"));
        assertTrue(err().contains("gve: FILE_NOT_FOUND: no file /nowhere"), err());
        Matcher m = Pattern.compile("acquired VM (\\S+)").matcher(err());
        assertTrue(m.find(), err());
        assertFalse(site.hasVm(m.group(1)));
    }

    @Test
    void administration(@TempDir Path dir) throws IOException {
        String admin = FakeSite.ADMIN;
        assertEquals(0, gve(admin, "register-agent", "kvm-1", "http://127.0.0.1:9/agent", "KVM"), err());
        assertTrue(out().contains("agent: kvm-1") && out().contains("health: UP"), out());
        assertEquals(ExitCodes.AGENT_UNAVAILABLE, gve(admin, "register-agent", "x", "http://unreachable:9/agent", "XEN"));
        reset();
        assertEquals(0, gve(admin, "agents"));
        assertTrue(out().contains("kvm-1") && out().contains("12/16"), out());
        Path pw = Files.writeString(dir.resolve("carol.pw"), "carol-pw\n");
        assertEquals(0, gve(admin, "register-user", "carol", "--role", "USER", "--password-file", pw.toString(), "--vms", "2"));
        assertEquals(0, gve("carol", "--password-file", pw.toString(), "vms"), err());
        reset();
        assertEquals(0, gve(admin, "quota", "carol", "--vcpus", "4", "--max-lease", "7200"));
        assertTrue(out().contains("vcpus 4") && out().contains("max lease 7200s"), out());
        reset();
        assertEquals(0, gve(admin, "users"));
        assertTrue(out().contains("carol") && out().contains("ADMINISTRATOR"), out());
        String vm = site.addVm(FakeSite.ALICE, "RUNNING");
        reset();
        assertEquals(0, gve(admin, "extend-lease", vm, "2031-02-03T04:05:06Z"));
        assertTrue(out().contains("lease: 2031-02-03T04:05:06Z"), out());
        reset();
        assertEquals(0, gve(admin, "all-vms", "--owner", "alice"));
        assertTrue(out().contains(vm), out());
        assertEquals(0, gve(admin, "reclaim", vm, "--wait"));
        assertFalse(site.hasVm(vm));
        reset();
        assertEquals(0, gve(admin, "capacity"));
        assertTrue(out().contains("vcpus: 12 free of 16"), out());
        reset();
        assertEquals(0, alice("usage"));
        assertTrue(out().contains("alice") && out().contains("1.50"), out());
        assertEquals(0, gve(admin, "unregister-user", "carol"));
        assertEquals(0, gve(admin, "register-agent", "gone-1", "http://gone.example:8080/gve/agent", "KVM"));
        assertEquals(0, gve(admin, "unregister-agent", "kvm-1"));
        assertEquals(0, gve(admin, "unregister-agent", "gone-1", "--abandon"));
        assertEquals(java.util.List.of("gone-1"), site.abandoned, "only --abandon sends Abandon=true");
        assertEquals(ExitCodes.NOT_FOUND, gve(admin, "unregister-agent", "kvm-1"));
    }
}
