package org.gve.agent.vsphere;

import org.gve.agent.spi.DiskDescription;
import org.gve.agent.spi.HypervisorKind;
import org.gve.agent.spi.TemplateDescription;

/** A vSphere VM marked as template to GVE's {@link TemplateDescription}; its disks are vmdk files. */
final class VirtualMachineToTemplateDescription {
    private VirtualMachineToTemplateDescription() {
    }

    static TemplateDescription apply(VmProperties vm) {
        long diskMiB = VirtualMachineToVmDescription.disks(vm.devices()).stream()
                .mapToLong(DiskDescription::sizeMiB).sum();
        return new TemplateDescription(vm.id(), vm.name(), HypervisorKind.VMWARE, vm.guestFullName(),
                VirtualMachineToVmDescription.architecture(vm.guestId()), diskMiB, "vmdk");
    }
}
