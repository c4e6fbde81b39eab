package org.gve.client;

import org.gve.client.error.AwaitTimeoutException;
import org.gve.client.error.ChecksumMismatchException;
import org.gve.client.error.InvalidArgumentException;
import org.gve.client.error.InvalidStateException;
import org.gve.client.error.JobFailedException;
import org.gve.client.error.NotAuthorizedException;
import org.gve.client.error.NotFoundException;
import org.gve.client.error.QuotaExceededException;
import org.gve.client.error.SiteErrorException;
import org.gve.client.error.SiteUnreachableException;
import org.gve.client.fakesite.FakeSite;
import org.gve.client.model.CommandResult;
import org.gve.client.model.GuestCommand;
import org.gve.client.model.GuestFile;
import org.gve.client.model.Hypervisor;
import org.gve.client.model.JobState;
import org.gve.client.model.JobStatus;
import org.gve.client.model.Vm;
import org.gve.client.model.VmProfile;
import org.gve.client.model.VmState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real SOAP client path (Metro, HTTP Basic, MTOM, fault mapping) against {@link FakeSite}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GveClientFakeSiteIT {
    static final Duration WAIT = Duration.ofSeconds(30);
    FakeSite site;
    GveClient alice;

    @BeforeAll
    void startSite() throws IOException {
        site = FakeSite.start();
        alice = client(site.base(), FakeSite.ALICE, FakeSite.PASSWORD, Duration.ofSeconds(20));
    }

    @AfterAll
    void stopSite() {
        alice.close();
        site.close();
    }

    /** A client whose polls do not really sleep. */
    static GveClient client(URI base, String user, String password, Duration callTimeout) {
        GveClientConfig config = new GveClientConfig(base, user, password.toCharArray(), callTimeout,
                Duration.ofMillis(10), Duration.ofMillis(40));
        return new GveClient(config, Clock.systemUTC(), d -> { });
    }

    Vm newVm() {
        return alice.awaitVm(alice.requestVm(VmProfile.of(1, 256), null, null).jobId(), WAIT);
    }

    @Test
    void everyCallCarriesHttpBasicCredentials() {
        alice.listVms();
        String expected = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, site.authorizationHeaders().get(site.authorizationHeaders().size() - 1));
    }

    @Test
    void wrongPasswordIsNotAuthorizedWithAClearMessage() {
        try (GveClient wrong = client(site.base(), FakeSite.ALICE, "nope", Duration.ofSeconds(10))) {
            NotAuthorizedException e = assertThrows(NotAuthorizedException.class, wrong::listVms);
            assertEquals("AUTHENTICATION_FAILED", e.code());
            assertTrue(e.getMessage().contains("'alice'") && e.getMessage().contains("401"), e.getMessage());
        }
    }

    @Test
    void requestAwaitAndDescribe() {
        JobState job = alice.requestVm(VmProfile.builder().name("worker").vcpus(2).memoryMiB(1024L)
                .hypervisor(Hypervisor.XEN).build(), Duration.ofHours(1), null);
        assertEquals(JobStatus.PENDING, job.status());
        assertEquals("REQUEST_VM", job.operation());
        Vm vm = alice.awaitVm(job.jobId(), WAIT);
        assertEquals("worker", vm.name());
        assertEquals(Hypervisor.XEN, vm.hypervisor());
        assertEquals(2, vm.vcpus());
        assertEquals(1024, vm.memoryMiB());
        assertEquals(VmState.RUNNING, vm.state());
        assertEquals("alice", vm.owner());
        assertEquals("install-service", vm.guestEndpoints().get(0).protocol());
        assertEquals(vm, alice.describeVm(vm.id()));
        assertTrue(alice.listVms().stream().anyMatch(v -> v.id().equals(vm.id())));
        JobState done = alice.jobState(job.jobId());
        assertEquals(JobStatus.SUCCEEDED, done.status());
        assertEquals(vm.id(), done.vmId());
        assertTrue(done.finished() != null && done.created() != null);
    }

    @Test
    void aRepeatedClientTokenReturnsTheSameJob() {
        JobState first = alice.requestVm(VmProfile.of(1, 128), null, "token-1");
        JobState again = alice.requestVm(VmProfile.of(1, 128), null, "token-1");
        assertEquals(first.jobId(), again.jobId());
    }

    @Test
    void aFailedJobCarriesItsFaultCode() {
        JobState job = alice.requestVm(VmProfile.builder().name("no-template").build(), null, null);
        JobFailedException e = assertThrows(JobFailedException.class, () -> alice.awaitVm(job.jobId(), WAIT));
        assertEquals("TEMPLATE_NOT_FOUND", e.code());
        assertEquals(JobStatus.FAILED, e.job().orElseThrow().status());
        JobFailedException direct = assertThrows(JobFailedException.class, () -> alice.requestResult(job.jobId()));
        assertEquals("TEMPLATE_NOT_FOUND", direct.code());
    }

    @Test
    void declaredFaultsMapToTheirExceptions() {
        assertEquals("QUOTA_EXCEEDED", assertThrows(QuotaExceededException.class,
                () -> alice.requestVm(VmProfile.of(64, 128), null, null)).code());
        assertEquals("INVALID_PROFILE", assertThrows(InvalidArgumentException.class,
                () -> alice.requestVm(VmProfile.of(0, 128), null, null)).code());
        assertEquals("VM_NOT_FOUND", assertThrows(NotFoundException.class, () -> alice.describeVm("vm-nope")).code());
        assertEquals("NOT_ADMINISTRATOR", assertThrows(NotAuthorizedException.class,
                () -> alice.admin().listAgents()).code());
        String stopped = site.addVm(FakeSite.ALICE, "STOPPED");
        assertEquals("INVALID_VM_STATE", assertThrows(InvalidStateException.class, () -> alice.suspend(stopped)).code());
    }

    @Test
    void anUndeclaredFaultIsASiteError() {
        SiteErrorException e = assertThrows(SiteErrorException.class, () -> alice.describeVm("vm-boom"));
        assertEquals("SITE_ERROR", e.code());
    }

    @Test
    void transportFailuresAreSiteUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (GveClient nobody = client(URI.create("http://127.0.0.1:" + closedPort + "/gve"), "alice", "x", Duration.ofSeconds(5))) {
            assertEquals("CONNECTION_FAILED", assertThrows(SiteUnreachableException.class, nobody::listVms).code());
        }
        try (GveClient wrongPath = client(site.base().resolve("/elsewhere"), FakeSite.ALICE, FakeSite.PASSWORD, Duration.ofSeconds(5))) {
            assertEquals("HTTP_404", assertThrows(SiteUnreachableException.class, wrongPath::listVms).code());
        }
        // a socket that takes the connection but never answers
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             GveClient impatient = client(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/gve"),
                     FakeSite.ALICE, FakeSite.PASSWORD, Duration.ofMillis(300))) {
            assertEquals("TIMEOUT", assertThrows(SiteUnreachableException.class, impatient::listVms).code());
        }
    }

    @Test
    void mtomRoundTripKeepsEveryByte(@TempDir Path dir) throws IOException {
        String vm = newVm().id();
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(content);
        Path local = Files.write(dir.resolve("input.bin"), content);
        GuestFile up = alice.copyFileTo(vm, local, "/tmp/input.bin", "0600");
        assertEquals(content.length, up.size());
        assertEquals("0600", up.mode());
        assertArrayEquals(content, site.file(vm, "/tmp/input.bin"));
        String headers = site.lastUploadHeaders();
        assertTrue(headers.contains("multipart/related") && headers.contains("application/xop+xml"), headers);
        assertTrue(headers.contains("transfer-encoding=chunked"), "streamed, not buffered: " + headers);
        Path back = dir.resolve("out/back.bin");
        GuestFile down = alice.copyFileFrom(vm, "/tmp/input.bin", back);
        assertArrayEquals(content, Files.readAllBytes(back));
        assertEquals(up.sha256(), down.sha256());
        assertEquals(FileTransfers.sha256(local), down.sha256());
        try (var listing = Files.list(back.getParent())) {
            assertEquals(1, listing.count(), "no temporary file left behind");
        }
    }

    @Test
    void checksumMismatchesAreRefusedAndLeaveNoFile(@TempDir Path dir) throws IOException {
        String vm = newVm().id();
        Path local = Files.writeString(dir.resolve("a.txt"), "hello");
        assertEquals("CHECKSUM_MISMATCH", assertThrows(ChecksumMismatchException.class,
                () -> alice.copyFileTo(vm, local, "/tmp/a.badsum", null)).code());
        Path target = dir.resolve("b.txt");
        assertThrows(ChecksumMismatchException.class, () -> alice.copyFileFrom(vm, "/tmp/a.badsum", target));
        assertFalse(Files.exists(target));
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "only a.txt: the partial download is gone");
        }
        assertEquals("FILE_NOT_FOUND", assertThrows(NotFoundException.class,
                () -> alice.copyFileFrom(vm, "/nowhere", target)).code());
    }

    @Test
    void commandsReturnOutputAndExitCodes() {
        String vm = newVm().id();
        CommandResult echo = alice.run(vm, GuestCommand.of("echo", "hello", "grid"), WAIT);
        assertEquals("hello grid\n", echo.stdout());
        assertEquals(0, echo.exitCode());
        assertEquals(3, alice.run(vm, GuestCommand.of("exit", "3"), WAIT).exitCode());
        assertTrue(alice.run(vm, GuestCommand.of("hang").withTimeout(Duration.ofSeconds(1)), WAIT).timedOut());
    }

    @Test
    void managementJobsChangeTheVm() {
        String vm = newVm().id();
        assertEquals(VmState.SUSPENDED, alice.awaitManaged(alice.suspend(vm).jobId(), WAIT).orElseThrow().state());
        assertEquals(VmState.RUNNING, alice.awaitManaged(alice.resume(vm).jobId(), WAIT).orElseThrow().state());
        alice.awaitSuccess(alice.snapshot(vm, "clean").jobId(), WAIT);
        assertEquals("clean", alice.describeVm(vm).snapshots().get(0));
        alice.awaitSuccess(alice.revert(vm, "clean").jobId(), WAIT);
        assertEquals("SNAPSHOT_NOT_FOUND", assertThrows(JobFailedException.class,
                () -> alice.awaitSuccess(alice.revert(vm, "dirty").jobId(), WAIT)).code());
        Vm moved = alice.awaitManaged(alice.migrate(vm, "agent-2", null).jobId(), WAIT).orElseThrow();
        assertEquals("agent-2", moved.agent());
        assertEquals(VmState.STOPPED, alice.awaitManaged(alice.shutdown(vm, true).jobId(), WAIT).orElseThrow().state());
        assertEquals(VmState.RUNNING, alice.awaitManaged(alice.start(vm).jobId(), WAIT).orElseThrow().state());
        assertTrue(alice.awaitManaged(alice.release(vm).jobId(), WAIT).isEmpty());
        assertFalse(site.hasVm(vm));
    }

    @Test
    void jobsCanBeListedAndPendingOnesCancelled() {
        JobState job = alice.requestVm(VmProfile.of(1, 64), null, null);
        assertTrue(alice.listJobs(JobStatus.PENDING, null).stream().anyMatch(j -> j.jobId().equals(job.jobId())));
        assertEquals(JobStatus.CANCELLED, alice.cancelJob(job.jobId()).status());
        assertEquals("JOB_NOT_PENDING", assertThrows(InvalidStateException.class, () -> alice.cancelJob(job.jobId())).code());
        assertEquals(JobFailedException.CANCELLED, assertThrows(JobFailedException.class,
                () -> alice.awaitSuccess(job.jobId(), WAIT)).code());
        assertEquals(1, alice.listJobs(null, 1).size());
    }

    @Test
    void awaitGivesUpAtItsDeadline() {
        JobState job = alice.requestVm(VmProfile.of(1, 64), null, null);
        AwaitTimeoutException e = assertThrows(AwaitTimeoutException.class, () -> alice.await(job.jobId(), Duration.ZERO));
        assertEquals(JobStatus.RUNNING, e.lastSeen().orElseThrow().status());
    }

    @Test
    void usageIsReported() {
        var usage = alice.usage(null, null, null);
        assertEquals("alice", usage.get(0).user());
        assertEquals(1.5, usage.get(0).vmHours());
    }
}
