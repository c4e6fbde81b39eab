package org.gve.client.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A virtual machine as the site describes it.
 *
 * @param leaseDeadline when the lease ends, or null when the site gives none
 * @param agent         the agent holding the VM
 * @param hostName      the physical host it runs on
 */
public record Vm(String id, String name, VmState state, Hypervisor hypervisor, int vcpus, long memoryMiB,
                 String owner, String agent, String hostName, Instant leaseDeadline, String template,
                 List<GuestEndpoint> guestEndpoints, List<String> snapshots, List<VmDisk> disks) {
    public Vm {
        Objects.requireNonNull(id, "id");
        guestEndpoints = List.copyOf(guestEndpoints);
        snapshots = List.copyOf(snapshots);
        disks = List.copyOf(disks);
    }
}
