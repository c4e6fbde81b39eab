package org.gve.site.jobs;

/** PENDING -> RUNNING -> SUCCEEDED | FAILED | CANCELLED. Stored by name. */
public enum JobStatus {
    PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
