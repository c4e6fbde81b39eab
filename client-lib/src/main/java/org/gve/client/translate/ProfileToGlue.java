package org.gve.client.translate;

import org.gve.client.model.VmProfile;
import org.gve.glue.VirtualMachineProfile;

/** The domain {@link VmProfile} to GLUE's VirtualMachineProfile; unset fields stay absent. */
public final class ProfileToGlue {
    private ProfileToGlue() {
    }

    public static VirtualMachineProfile apply(VmProfile p) {
        VirtualMachineProfile g = new VirtualMachineProfile();
        g.setName(p.name());
        g.setHypervisorType(HypervisorToGlue.apply(p.hypervisor()));
        g.setVCpus(p.vcpus());
        g.setMemoryMiB(p.memoryMiB());
        g.setDiskMiB(p.diskMiB());
        g.setArchitecture(p.architecture());
        g.setOperatingSystemName(p.operatingSystemName());
        g.setTemplate(p.template());
        return g;
    }
}
