package org.gve.agent.vsphere;

import com.vmware.vim25.VirtualDevice;
import com.vmware.vim25.VirtualDeviceFileBackingInfo;
import com.vmware.vim25.VirtualDisk;
import java.util.ArrayList;
import java.util.List;
import org.gve.agent.spi.DiskDescription;
import org.gve.agent.spi.HypervisorKind;
import org.gve.agent.spi.VmDescription;

/**
 * A vSphere VM's properties to GVE's {@link VmDescription}: id from {@link VmProperties#id()},
 * disks from the VirtualDisk devices (label, backing file, "vmdk", capacity), snapshots from the
 * snapshot tree, templateId from GVE's extraConfig mark, architecture from the guest id.
 */
final class VirtualMachineToVmDescription {
    private VirtualMachineToVmDescription() {
    }

    static VmDescription apply(VmProperties vm) {
        return new VmDescription(vm.id(), vm.name(), HypervisorKind.VMWARE,
                PowerStateToVmState.apply(vm.powerState(), vm.connectionState()), vm.numCpu(), vm.memoryMB(),
                disks(vm.devices()), SnapshotTrees.names(vm.snapshot()), vm.templateId(), vm.hostName(),
                vm.guestFullName(), architecture(vm.guestId()));
    }

    static List<DiskDescription> disks(List<VirtualDevice> devices) {
        List<DiskDescription> disks = new ArrayList<>();
        for (VirtualDevice device : devices) {
            if (device instanceof VirtualDisk disk) {
                String label = disk.getDeviceInfo() == null ? "disk-" + disk.getKey() : disk.getDeviceInfo().getLabel();
                String file = disk.getBacking() instanceof VirtualDeviceFileBackingInfo b ? b.getFileName() : null;
                disks.add(new DiskDescription(label, file, "vmdk", disk.getCapacityInKB() / 1024));
            }
        }
        return disks;
    }

    /** VMware guest ids of 64-bit systems end in "64" or "64Guest" (e.g. ubuntu64Guest). */
    static String architecture(String guestId) {
        if (guestId == null || guestId.isBlank()) {
            return null;
        }
        return guestId.contains("64") ? "x86_64" : "i686";
    }
}
