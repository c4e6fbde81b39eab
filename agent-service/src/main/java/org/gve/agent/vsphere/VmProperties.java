package org.gve.agent.vsphere;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.OptionValue;
import com.vmware.vim25.VirtualDevice;
import com.vmware.vim25.VirtualMachineConnectionState;
import com.vmware.vim25.VirtualMachinePowerState;
import com.vmware.vim25.VirtualMachineSnapshotInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the driver reads of one vSphere VirtualMachine (or template), from the property paths in
 * {@link #PATHS}. {@link #id()} is GVE's VM id: {@code config.instanceUuid} (unique per vCenter, kept
 * across renames, restarts and host migrations), or the BIOS {@code config.uuid} on endpoints
 * without instance UUIDs.
 */
record VmProperties(ManagedObjectReference ref, String name, String instanceUuid, String biosUuid, boolean template,
                    String guestFullName, String guestId, int numCpu, long memoryMB, List<VirtualDevice> devices,
                    String templateId, VirtualMachinePowerState powerState,
                    VirtualMachineConnectionState connectionState, ManagedObjectReference hostRef, String hostName,
                    VirtualMachineSnapshotInfo snapshot, ManagedObjectReference resourcePool) {

    /** extraConfig key under which GVE records the template a VM was created from. */
    static final String TEMPLATE_ID_KEY = "gve.templateId";

    static final List<String> PATHS = List.of("name", "config.instanceUuid", "config.uuid", "config.template",
            "config.guestFullName", "config.guestId", "config.hardware.numCPU", "config.hardware.memoryMB",
            "config.hardware.device", "config.extraConfig", "runtime.powerState", "runtime.connectionState",
            "runtime.host", "snapshot", "resourcePool");

    VmProperties {
        devices = List.copyOf(devices);
    }

    /** GVE's id of this VM: the instance UUID, else the BIOS UUID; null while vSphere has neither. */
    String id() {
        return instanceUuid != null && !instanceUuid.isBlank() ? instanceUuid : blankToNull(biosUuid);
    }

    boolean isPoweredOff() {
        return powerState == VirtualMachinePowerState.poweredOff;
    }

    /** Builds from the properties read at {@link #PATHS}; {@code hostName} is the name of runtime.host. */
    static VmProperties from(ManagedObjectReference ref, Map<String, Object> p, String hostName) {
        VirtualDevice[] devices = get(p, "config.hardware.device", VirtualDevice[].class);
        OptionValue[] extra = get(p, "config.extraConfig", OptionValue[].class);
        String templateId = extra == null ? null : Arrays.stream(extra)
                .filter(o -> TEMPLATE_ID_KEY.equals(o.getKey()) && o.getValue() != null)
                .map(o -> o.getValue().toString()).findFirst().orElse(null);
        Integer cpus = get(p, "config.hardware.numCPU", Integer.class);
        Integer memory = get(p, "config.hardware.memoryMB", Integer.class);
        return new VmProperties(ref, get(p, "name", String.class), get(p, "config.instanceUuid", String.class),
                get(p, "config.uuid", String.class), Boolean.TRUE.equals(get(p, "config.template", Boolean.class)),
                get(p, "config.guestFullName", String.class), get(p, "config.guestId", String.class),
                cpus == null ? 0 : cpus, memory == null ? 0 : memory,
                devices == null ? List.of() : Arrays.asList(devices), blankToNull(templateId),
                get(p, "runtime.powerState", VirtualMachinePowerState.class),
                get(p, "runtime.connectionState", VirtualMachineConnectionState.class),
                get(p, "runtime.host", ManagedObjectReference.class), hostName,
                get(p, "snapshot", VirtualMachineSnapshotInfo.class), get(p, "resourcePool", ManagedObjectReference.class));
    }

    private static <T> T get(Map<String, Object> p, String path, Class<T> type) {
        Object value = p.get(path);
        return type.isInstance(value) ? type.cast(value) : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
