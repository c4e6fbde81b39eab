package org.gve.agent.vsphere;

import com.vmware.vim25.DatastoreSummary;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.gve.agent.spi.HostDescription;
import org.gve.agent.spi.StoragePoolDescription;

/**
 * A vSphere Datacenter (its hosts, standalone or in clusters, and its datastores) to one GVE
 * {@link HostDescription}: CPUs and memory summed over usable hosts (connected, not in
 * maintenance), cpuMHz the slowest of them, accessible datastores as storage pools.
 */
final class HostsToHostDescription {
    private static final long MIB = 1024L * 1024L;

    private HostsToHostDescription() {
    }

    static HostDescription apply(String datacenter, String sdkUrl, String version, List<HostInfo> hosts,
                                 List<DatastoreSummary> datastores) {
        List<HostInfo> usable = hosts.stream().filter(HostInfo::usable).toList();
        int cpus = usable.stream().mapToInt(h -> h.hardware().getNumCpuThreads()).sum();
        int mhz = usable.stream().mapToInt(h -> h.hardware().getCpuMhz()).min().orElse(0);
        long memory = usable.stream().mapToLong(h -> h.hardware().getMemorySize()).sum() / MIB;
        String cpuModel = usable.stream().map(h -> h.hardware().getCpuModel()).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining("; "));
        List<StoragePoolDescription> pools = datastores.stream().filter(DatastoreSummary::isAccessible)
                .map(HostsToHostDescription::pool).toList();
        return new HostDescription(datacenter, sdkUrl, version, "x86_64", cpuModel.isEmpty() ? null : cpuModel,
                cpus, mhz, memory, pools);
    }

    static StoragePoolDescription pool(DatastoreSummary ds) {
        return new StoragePoolDescription(ds.getName(), ds.getType(), ds.getUrl(), ds.getCapacity() / MIB,
                ds.getFreeSpace() / MIB);
    }
}
