package org.gve.client.translate;

import org.gve.client.model.Hypervisor;
import org.gve.glue.HypervisorType;

/** The domain {@link Hypervisor} to GLUE's HypervisorType; null stays null. */
public final class HypervisorToGlue {
    private HypervisorToGlue() {
    }

    public static HypervisorType apply(Hypervisor h) {
        if (h == null) return null;
        return switch (h) {
            case KVM -> HypervisorType.KVM;
            case XEN -> HypervisorType.XEN;
            case VMWARE -> HypervisorType.VMWARE;
        };
    }
}
