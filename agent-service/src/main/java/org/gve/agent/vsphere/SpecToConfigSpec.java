package org.gve.agent.vsphere;

import com.vmware.vim25.OptionValue;
import com.vmware.vim25.VirtualDeviceConfigSpec;
import com.vmware.vim25.VirtualDeviceConfigSpecOperation;
import com.vmware.vim25.VirtualDisk;
import com.vmware.vim25.VirtualMachineConfigSpec;
import java.util.UUID;
import org.gve.agent.spi.VmSpec;

/** GVE sizes to vSphere VirtualMachineConfigSpecs. */
final class SpecToConfigSpec {
    private SpecToConfigSpec() {
    }

    /**
     * The config of a VM cloned for {@code spec}: its vCPUs, memory, a mark of the template it came
     * from, and a fresh instance UUID (its GVE id; vcsim would derive it from the VM's path, so a
     * re-created VM of the same name would get its predecessor's id).
     */
    static VirtualMachineConfigSpec forCreate(VmSpec spec, UUID instanceUuid) {
        VirtualMachineConfigSpec config = resize(spec.vcpus(), spec.memoryMiB());
        config.setExtraConfig(new OptionValue[] {templateMark(spec.templateId())});
        config.setInstanceUuid(instanceUuid.toString());
        return config;
    }

    /** The config of a copy of a VM: the source's template mark and a fresh instance UUID. */
    static VirtualMachineConfigSpec forClone(String templateId, UUID instanceUuid) {
        VirtualMachineConfigSpec config = new VirtualMachineConfigSpec();
        config.setExtraConfig(new OptionValue[] {templateMark(templateId)});
        config.setInstanceUuid(instanceUuid.toString());
        return config;
    }

    /** Changes only what is not null. */
    static VirtualMachineConfigSpec resize(Integer vcpus, Long memoryMiB) {
        VirtualMachineConfigSpec config = new VirtualMachineConfigSpec();
        if (vcpus != null) {
            config.setNumCPUs(vcpus);
        }
        if (memoryMiB != null) {
            config.setMemoryMB(memoryMiB);
        }
        return config;
    }

    /** Grows {@code disk} (as read from the VM, so its key, controller and backing stay) to {@code sizeMiB}. */
    static VirtualDeviceConfigSpec growDisk(VirtualDisk disk, long sizeMiB) {
        disk.setCapacityInKB(sizeMiB * 1024);
        VirtualDeviceConfigSpec change = new VirtualDeviceConfigSpec();
        change.setOperation(VirtualDeviceConfigSpecOperation.edit);
        change.setDevice(disk);
        return change;
    }

    /** extraConfig entry recording the template a VM was created from (null id: none). */
    static OptionValue templateMark(String templateId) {
        OptionValue mark = new OptionValue();
        mark.setKey(VmProperties.TEMPLATE_ID_KEY);
        mark.setValue(templateId == null ? "" : templateId);
        return mark;
    }
}
