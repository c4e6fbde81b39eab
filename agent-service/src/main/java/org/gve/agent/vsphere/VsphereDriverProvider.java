package org.gve.agent.vsphere;

import org.gve.agent.spi.DriverSettings;
import org.gve.agent.spi.HypervisorDriver;
import org.gve.agent.spi.HypervisorDriverProvider;
import org.gve.agent.spi.HypervisorKind;

/** Opens {@link VsphereDriver}s for {@link HypervisorKind#VMWARE}. */
public final class VsphereDriverProvider implements HypervisorDriverProvider {
    @Override
    public String name() {
        return "vsphere";
    }

    @Override
    public boolean supports(HypervisorKind kind) {
        return kind == HypervisorKind.VMWARE;
    }

    @Override
    public HypervisorDriver open(DriverSettings settings) {
        return VsphereDriver.open(settings);
    }
}
