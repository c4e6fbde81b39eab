package org.gve.client.error;

import org.gve.client.model.JobState;

import java.util.Optional;

/**
 * A job ended FAILED (or CANCELLED); {@link #code()} is the job's own fault code, e.g.
 * {@code TEMPLATE_NOT_FOUND}. The final job state is attached when the client observed it.
 */
public final class JobFailedException extends GveException {
    private static final long serialVersionUID = 1L;

    /** The code used when a job was cancelled rather than failed. */
    public static final String CANCELLED = "JOB_CANCELLED";

    private final transient JobState job;

    public JobFailedException(String code, String message) {
        this(code, message, null, null);
    }

    public JobFailedException(String code, String message, JobState job) {
        this(code, message, job, null);
    }

    public JobFailedException(String code, String message, JobState job, Throwable cause) {
        super(ErrorKind.JOB_FAILED, code, message, cause);
        this.job = job;
    }

    /** The failed job as last seen, when known. */
    public Optional<JobState> job() {
        return Optional.ofNullable(job);
    }
}
