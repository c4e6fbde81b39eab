package org.gve.client.model;

/** Lifecycle of a site job: {@code PENDING -> RUNNING -> SUCCEEDED | FAILED | CANCELLED}. */
public enum JobStatus {
    PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    /** True once the job can no longer change. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
