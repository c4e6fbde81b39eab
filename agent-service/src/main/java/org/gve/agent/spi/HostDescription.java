package org.gve.agent.spi;

import java.util.List;

/** The machine (or cluster) a driver manages, and its capacity. */
public record HostDescription(
        String hostName,
        String hypervisorUri,
        String hypervisorVersion,
        String architecture,
        String cpuModel,
        int cpus,
        int cpuMHz,
        long memoryMiB,
        List<StoragePoolDescription> storagePools) {

    public HostDescription {
        storagePools = List.copyOf(storagePools);
    }
}
