package org.gve.client;

import org.gve.client.error.AwaitTimeoutException;
import org.gve.client.error.SiteUnreachableException;
import org.gve.client.model.JobState;
import org.gve.client.model.JobStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backoff and deadline logic with a fake clock that only moves when the fake sleeper "sleeps". */
class JobPollerTest {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** A clock the sleeper advances; records every sleep. */
    static final class FakeTime extends Clock implements Sleeper {
        Instant now = START;
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public void sleep(Duration d) {
            sleeps.add(d);
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    static JobState state(JobStatus status) {
        return new JobState("job-1", "START", "vm-1", status, null, null, "alice", START, null, null);
    }

    /** Answers the given statuses in turn, then repeats the last. */
    static Function<String, JobState> script(JobStatus... statuses) {
        Deque<JobStatus> queue = new ArrayDeque<>(List.of(statuses));
        return id -> state(queue.size() > 1 ? queue.poll() : queue.peek());
    }

    final FakeTime time = new FakeTime();
    final JobPoller poller = new JobPoller(time, time, Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void backsOffExponentiallyUpToTheMaximum() {
        JobState done = poller.await("job-1", Duration.ofMinutes(1), script(JobStatus.PENDING, JobStatus.RUNNING,
                JobStatus.RUNNING, JobStatus.RUNNING, JobStatus.RUNNING, JobStatus.RUNNING, JobStatus.SUCCEEDED));
        assertEquals(JobStatus.SUCCEEDED, done.status());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(800), Duration.ofSeconds(1), Duration.ofSeconds(1)), time.sleeps);
    }

    @Test
    void aFinalStateReturnsWithoutSleeping() {
        assertEquals(JobStatus.FAILED, poller.await("job-1", Duration.ofMinutes(1), script(JobStatus.FAILED)).status());
        assertEquals(JobStatus.CANCELLED, poller.await("job-1", Duration.ZERO, script(JobStatus.CANCELLED)).status());
        assertTrue(time.sleeps.isEmpty());
    }

    @Test
    void neverSleepsPastTheDeadlineAndPollsOnceMoreAtIt() {
        int[] polls = {0};
        AwaitTimeoutException e = assertThrows(AwaitTimeoutException.class, () -> poller.await("job-1",
                Duration.ofMillis(1000), id -> {
                    polls[0]++;
                    return state(JobStatus.RUNNING);
                }));
        // 100 + 200 + 400 = 700, then only the 300 left: the deadline exactly
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(300)),
                time.sleeps);
        assertEquals(5, polls[0]);
        assertEquals(START.plusSeconds(1), time.now);
        assertEquals(AwaitTimeoutException.TIMEOUT, e.code());
        assertEquals(JobStatus.RUNNING, e.lastSeen().orElseThrow().status());
    }

    @Test
    void theLastPollAtTheDeadlineCanStillSucceed() {
        JobState done = poller.await("job-1", Duration.ofMillis(300),
                script(JobStatus.RUNNING, JobStatus.RUNNING, JobStatus.SUCCEEDED));
        assertEquals(JobStatus.SUCCEEDED, done.status());
        assertEquals(START.plusMillis(300), time.now);
    }

    @Test
    void aZeroTimeoutPollsExactlyOnce() {
        assertThrows(AwaitTimeoutException.class, () -> poller.await("job-1", Duration.ZERO, script(JobStatus.PENDING)));
        assertTrue(time.sleeps.isEmpty());
    }

    @Test
    void toleratesAFewTransportFailuresInARow() {
        int[] calls = {0};
        JobState done = poller.await("job-1", Duration.ofMinutes(1), id -> {
            if (++calls[0] <= JobPoller.TRANSPORT_RETRIES) throw new SiteUnreachableException("TIMEOUT", "slow");
            return state(JobStatus.SUCCEEDED);
        });
        assertEquals(JobStatus.SUCCEEDED, done.status());
        SiteUnreachableException e = assertThrows(SiteUnreachableException.class, () -> poller.await("job-1",
                Duration.ofMinutes(1), id -> {
                    throw new SiteUnreachableException("CONNECTION_FAILED", "down");
                }));
        assertEquals("CONNECTION_FAILED", e.code());
    }

    @Test
    void anInterruptEndsTheWaitAndKeepsTheFlag() {
        JobPoller interrupted = new JobPoller(time, d -> {
            throw new InterruptedException();
        }, Duration.ofMillis(100), Duration.ofSeconds(1));
        try {
            AwaitTimeoutException e = assertThrows(AwaitTimeoutException.class,
                    () -> interrupted.await("job-1", Duration.ofMinutes(1), script(JobStatus.RUNNING)));
            assertEquals(AwaitTimeoutException.INTERRUPTED, e.code());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new JobPoller(time, time, Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new JobPoller(time, time, Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> poller.await("j", Duration.ofSeconds(-1), script(JobStatus.PENDING)));
        assertEquals(Duration.ofSeconds(1), poller.next(Duration.ofMillis(800)));
    }
}
