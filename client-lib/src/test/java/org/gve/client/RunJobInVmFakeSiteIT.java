package org.gve.client;

import org.gve.client.error.AwaitTimeoutException;
import org.gve.client.error.InvalidStateException;
import org.gve.client.fakesite.FakeSite;
import org.gve.client.model.GuestCommand;
import org.gve.client.model.JobState;
import org.gve.client.model.JobStatus;
import org.gve.client.model.VmProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run-job workflow through the Java API against {@link FakeSite}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunJobInVmFakeSiteIT {
    FakeSite site;
    GveClient alice;

    @BeforeAll
    void start() throws IOException {
        site = FakeSite.start();
        alice = GveClientFakeSiteIT.client(site.base(), FakeSite.ALICE, FakeSite.PASSWORD, Duration.ofSeconds(20));
    }

    @AfterAll
    void stop() {
        alice.close();
        site.close();
    }

    @Test
    void stagesRunsStagesOutAndAppliesTheAfterMode(@TempDir Path dir) throws IOException {
        Path in = Files.writeString(dir.resolve("in"), "payload");
        List<String> steps = new ArrayList<>();
        RunJobSpec spec = new RunJobSpec(VmProfile.of(1, 256), null, Duration.ofHours(1), "rj-1",
                List.of(new RunJobSpec.StageIn(in, "/job/in", "0644")), GuestCommand.of("cp", "/job/in", "/job/out"),
                List.of(new RunJobSpec.StageOut("/job/out", dir.resolve("out"))), AfterMode.SHUTDOWN, Duration.ofMinutes(5));
        RunJobResult r = new RunJobInVm(alice, Clock.systemUTC(), steps::add).run(spec);
        assertEquals(0, r.result().exitCode());
        assertEquals("payload", Files.readString(dir.resolve("out")));
        assertEquals(1, r.stagedIn().size());
        assertEquals(r.stagedIn().get(0).sha256(), r.stagedOut().get(0).sha256());
        assertEquals("STOPPED", site.vmState(r.vm().id()));
        assertTrue(steps.get(0).startsWith("requested a VM"), steps.toString());
        assertTrue(steps.get(steps.size() - 1).startsWith("shutdown "), steps.toString());
    }

    @Test
    void aWaitThatTimesOutCancelsTheVmRequest() {
        RunJobSpec spec = new RunJobSpec(VmProfile.of(1, 256), null, null, null, List.of(), GuestCommand.of("true"),
                List.of(), AfterMode.RELEASE, Duration.ZERO);
        AwaitTimeoutException e = assertThrows(AwaitTimeoutException.class, () -> new RunJobInVm(alice).run(spec));
        JobState job = e.lastSeen().orElseThrow();
        // the fake moves a job on at every poll, so it is RUNNING by now: the cancel is tried, refused, and
        // kept as a suppressed exception instead of hiding the timeout
        assertEquals(JobStatus.RUNNING, job.status());
        assertInstanceOf(InvalidStateException.class, e.getSuppressed()[0]);
    }
}
