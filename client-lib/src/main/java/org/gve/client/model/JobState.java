package org.gve.client.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one asynchronous site job.
 *
 * @param vmId     the VM the job acts on, or null (not yet known for a new VM request)
 * @param progress a note for people, or null
 * @param fault    set when the job FAILED, else null
 * @param started  null while PENDING
 * @param finished null until the job is final
 */
public record JobState(String jobId, String operation, String vmId, JobStatus status, String progress,
                       FaultInfo fault, String owner, Instant created, Instant started, Instant finished) {
    public JobState {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(status, "status");
    }

    public boolean isFinal() {
        return status.isFinal();
    }

    public Optional<FaultInfo> faultInfo() {
        return Optional.ofNullable(fault);
    }
}
