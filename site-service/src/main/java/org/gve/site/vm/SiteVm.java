package org.gve.site.vm;

import java.time.Instant;

/**
 * A granted VM as the site answers about it. {@code lostAt} is set when reconciliation found it gone
 * from its agent (state LOST); {@code leaseStopped} when the lease enforcer stopped it.
 */
public record SiteVm(String vmId, String owner, String agentName, String agentVmId, String name, String hypervisor,
                     String state, int vcpus, long memoryMiB, long diskMiB, String template, boolean createdBySite,
                     String hostName, Instant leaseDeadline, Instant granted, Instant released, Instant lostAt,
                     Instant leaseStopped) {
    public boolean leaseExpired(Instant now) {
        return !leaseDeadline.isAfter(now);
    }

    public boolean lost() {
        return lostAt != null;
    }
}
