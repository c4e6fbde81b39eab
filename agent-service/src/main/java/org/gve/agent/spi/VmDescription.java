package org.gve.agent.spi;

import java.util.List;

/**
 * What a driver knows of one VM. {@code id} is the hypervisor's stable identifier (libvirt domain
 * UUID, vSphere instance UUID); it survives renames, restarts and migration.
 */
public record VmDescription(
        String id,
        String name,
        HypervisorKind kind,
        VmState state,
        int vcpus,
        long memoryMiB,
        List<DiskDescription> disks,
        List<String> snapshots,
        String templateId,
        String hostName,
        String osName,
        String architecture) {

    public VmDescription {
        disks = List.copyOf(disks);
        snapshots = List.copyOf(snapshots);
    }

    public long diskMiB() {
        return disks.stream().mapToLong(DiskDescription::sizeMiB).sum();
    }

    public VmDescription withState(VmState newState) {
        return new VmDescription(id, name, kind, newState, vcpus, memoryMiB, disks, snapshots, templateId,
                hostName, osName, architecture);
    }
}
