package org.gve.site.jobs;

/** What a job does. Stored by name. */
public enum Operation {
    REQUEST_VM,
    START,
    SHUTDOWN,
    SUSPEND,
    RESUME,
    REBOOT,
    MIGRATE,
    SNAPSHOT,
    REVERT,
    RELEASE,
    RECLAIM,
    RUN_COMMAND,
    /** Started by the site, not a user: stops a VM whose lease ended. */
    LEASE_EXPIRY
}
