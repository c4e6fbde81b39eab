package org.gve.client.model;

import java.time.Duration;

/** Limits on what a user may hold at once; a null field means "the site default". */
public record Quota(Integer maxVms, Integer maxVcpus, Long maxMemoryMiB, Long maxDiskMiB, Duration maxLease) {

    /** No limits given: every field keeps the site default. */
    public static Quota siteDefaults() {
        return new Quota(null, null, null, null, null);
    }
}
