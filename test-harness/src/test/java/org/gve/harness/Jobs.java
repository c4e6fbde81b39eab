package org.gve.harness;

import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStateQuery;
import org.gve.wsdl.site.JobStatus;

import java.time.Duration;
import java.time.Instant;

/** Polls a job until it finishes, as a client would; fails the test past the deadline. */
public final class Jobs {
    private Jobs() {
    }

    public static JobState await(JobStateQuery jobs, String jobId, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        long pause = 20;
        while (true) {
            JobState state = jobs.getJobState(jobId);
            if (state.getStatus() == JobStatus.SUCCEEDED || state.getStatus() == JobStatus.FAILED
                    || state.getStatus() == JobStatus.CANCELLED) {
                return state;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("job " + jobId + " still " + state.getStatus() + " (" + state.getProgress()
                        + ") after " + timeout);
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 500);
        }
    }
}
