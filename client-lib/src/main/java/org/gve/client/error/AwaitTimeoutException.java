package org.gve.client.error;

import org.gve.client.model.JobState;

import java.util.Optional;

/**
 * A client-side wait for a job ended before the job did: its deadline passed ({@link #TIMEOUT}) or the
 * waiting thread was interrupted ({@link #INTERRUPTED}). The job itself goes on at the site.
 */
public final class AwaitTimeoutException extends GveException {
    private static final long serialVersionUID = 1L;

    public static final String TIMEOUT = "WAIT_TIMEOUT";
    public static final String INTERRUPTED = "WAIT_INTERRUPTED";

    private final transient JobState lastSeen;

    public AwaitTimeoutException(String code, String message, JobState lastSeen) {
        super(ErrorKind.WAIT_TIMEOUT, code, message, null);
        this.lastSeen = lastSeen;
    }

    /** The job as last polled, if it was polled at all. */
    public Optional<JobState> lastSeen() {
        return Optional.ofNullable(lastSeen);
    }
}
