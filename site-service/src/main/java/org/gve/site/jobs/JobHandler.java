package org.gve.site.jobs;

/**
 * Does the work of one {@link Operation}. Throws {@link org.gve.site.SiteException} to fail the
 * job with that fault; anything else fails it as an internal error.
 */
public interface JobHandler {
    Operation operation();

    JobOutcome run(JobContext context);

    /**
     * Whether a job the site stopped in the middle of may simply run again from the start: its work
     * is idempotent on the agent (starting a running VM returns at once, releasing a VM the agent no
     * longer holds for this site counts as done). Resumable jobs go back to PENDING at start-up;
     * the others are {@link #recover recovered} and end FAILED.
     */
    default boolean resumable() {
        return false;
    }

    /**
     * Undoes what a job left behind when the site stopped while it ran: called at start-up, before
     * the job is ended FAILED (never for resumable handlers). Handlers whose work needs no undoing
     * keep the default.
     */
    default void recover(JobContext context) {
    }
}
