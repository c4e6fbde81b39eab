package org.gve.client;

import org.gve.client.error.AwaitTimeoutException;
import org.gve.client.error.SiteUnreachableException;
import org.gve.client.model.JobState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Polls a job until it is final, with exponential backoff (doubling from the initial interval up to the
 * maximum) and a hard deadline. Never sleeps past the deadline; makes one last poll at it. Up to
 * {@link #TRANSPORT_RETRIES} transport failures in a row are tolerated while waiting.
 */
public final class JobPoller {
    static final int TRANSPORT_RETRIES = 3;
    private static final Logger LOG = Logger.getLogger(JobPoller.class.getName());

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration initial;
    private final Duration max;

    public JobPoller(Clock clock, Sleeper sleeper, Duration initial, Duration max) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.initial = Objects.requireNonNull(initial, "initial");
        this.max = Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The wait after {@code previous}: twice as long, at most the maximum. */
    public Duration next(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }

    public Duration initial() {
        return initial;
    }

    /**
     * @param jobId   the job to follow
     * @param timeout how long to wait at most; zero polls once
     * @param fetch   fetches the job's current state (e.g. GetJobState)
     * @return the final state (SUCCEEDED, FAILED or CANCELLED)
     * @throws AwaitTimeoutException when the deadline passes or the thread is interrupted first
     */
    public JobState await(String jobId, Duration timeout, Function<String, JobState> fetch) {
        if (timeout.isNegative()) throw new IllegalArgumentException("negative timeout " + timeout);
        Instant deadline = clock.instant().plus(timeout);
        Duration delay = initial;
        JobState last = null;
        int failures = 0;
        while (true) {
            try {
                last = fetch.apply(jobId);
                failures = 0;
                if (last.isFinal()) return last;
            } catch (SiteUnreachableException e) {
                if (++failures > TRANSPORT_RETRIES) throw e;
                LOG.log(Level.FINE, "polling job {0} failed ({1}); retrying", new Object[] {jobId, e.getMessage()});
            }
            Duration remaining = Duration.between(clock.instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                throw new AwaitTimeoutException(AwaitTimeoutException.TIMEOUT, "job " + jobId + " not finished after "
                        + timeout.toSeconds() + " s" + (last == null ? "" : " (last seen " + last.status() + ")"), last);
            }
            pause(remaining.compareTo(delay) < 0 ? remaining : delay, jobId, last);
            delay = next(delay);
        }
    }

    private void pause(Duration d, String jobId, JobState last) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwaitTimeoutException(AwaitTimeoutException.INTERRUPTED,
                    "interrupted while waiting for job " + jobId, last);
        }
    }
}
