package org.gve.site.jobs;

/**
 * Does the work of one {@link Operation}. Throws {@link org.gve.site.SiteException} to fail the
 * job with that fault; anything else fails it as an internal error.
 */
public interface JobHandler {
    Operation operation();

    JobOutcome run(JobContext context);

    /**
     * Undoes what a job left behind when the site stopped while it ran: called at start-up, before
     * the job is ended FAILED. Handlers whose work needs no undoing keep the default.
     */
    default void recover(JobContext context) {
    }
}
