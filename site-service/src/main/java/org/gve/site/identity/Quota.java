package org.gve.site.identity;

/** Limits on what one user may hold at once, and the longest lease they may get. */
public record Quota(int maxVms, int maxVcpus, long maxMemoryMiB, long maxDiskMiB, long maxLeaseSeconds) {
    public Quota {
        if (maxVms < 0 || maxVcpus < 0 || maxMemoryMiB < 0 || maxDiskMiB < 0 || maxLeaseSeconds < 0) {
            throw new IllegalArgumentException("quota limits must not be negative");
        }
    }

    /** This quota with the given fields replaced; null keeps the current value. */
    public Quota with(Integer vms, Integer vcpus, Long memoryMiB, Long diskMiB, Long leaseSeconds) {
        return new Quota(vms != null ? vms : maxVms, vcpus != null ? vcpus : maxVcpus,
                memoryMiB != null ? memoryMiB : maxMemoryMiB, diskMiB != null ? diskMiB : maxDiskMiB,
                leaseSeconds != null ? leaseSeconds : maxLeaseSeconds);
    }
}
