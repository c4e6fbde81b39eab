package org.gve.agent.libvirt;

import org.gve.agent.spi.VmState;
import org.libvirt.DomainInfo.DomainState;

/**
 * libvirt's domain state to GVE's. A shut-off domain is SAVED when it has a managed-save image, DEFINED
 * when GVE created it and it never ran, otherwise STOPPED. A domain shutting down still runs.
 */
final class DomainStateToVmState {
    private DomainStateToVmState() {
    }

    static VmState apply(DomainState state, boolean hasManagedSave, boolean neverStarted) {
        if (state == null) return VmState.UNKNOWN;
        return switch (state) {
            case VIR_DOMAIN_RUNNING, VIR_DOMAIN_BLOCKED, VIR_DOMAIN_SHUTDOWN -> VmState.RUNNING;
            case VIR_DOMAIN_PAUSED, VIR_DOMAIN_PMSUSPENDED -> VmState.SUSPENDED;
            case VIR_DOMAIN_SHUTOFF -> hasManagedSave ? VmState.SAVED : neverStarted ? VmState.DEFINED : VmState.STOPPED;
            case VIR_DOMAIN_CRASHED -> VmState.CRASHED;
            case VIR_DOMAIN_NOSTATE -> VmState.UNKNOWN;
        };
    }
}
