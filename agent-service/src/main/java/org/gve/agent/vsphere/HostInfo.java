package org.gve.agent.vsphere;

import com.vmware.vim25.HostHardwareSummary;
import com.vmware.vim25.HostSystemConnectionState;
import com.vmware.vim25.ManagedObjectReference;
import java.util.List;
import java.util.Map;

/** What the driver reads of one HostSystem; {@code parent} is its ComputeResource or cluster. */
record HostInfo(ManagedObjectReference ref, String name, HostHardwareSummary hardware,
                HostSystemConnectionState connectionState, boolean inMaintenance, ManagedObjectReference parent) {

    static final List<String> PATHS = List.of("name", "summary.hardware", "runtime.connectionState",
            "runtime.inMaintenanceMode", "parent");

    /** Connected and not in maintenance: its capacity can take VMs. */
    boolean usable() {
        return connectionState == HostSystemConnectionState.connected && !inMaintenance && hardware != null;
    }

    static HostInfo from(ManagedObjectReference ref, Map<String, Object> p) {
        Object hardware = p.get("summary.hardware");
        Object state = p.get("runtime.connectionState");
        Object parent = p.get("parent");
        return new HostInfo(ref, (String) p.get("name"),
                hardware instanceof HostHardwareSummary h ? h : null,
                state instanceof HostSystemConnectionState s ? s : null,
                Boolean.TRUE.equals(p.get("runtime.inMaintenanceMode")),
                parent instanceof ManagedObjectReference r ? r : null);
    }
}
