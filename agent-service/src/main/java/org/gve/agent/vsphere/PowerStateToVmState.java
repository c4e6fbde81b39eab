package org.gve.agent.vsphere;

import com.vmware.vim25.VirtualMachineConnectionState;
import com.vmware.vim25.VirtualMachinePowerState;
import org.gve.agent.spi.VmState;

/**
 * vSphere power state to GVE's {@link VmState}. vSphere has no "defined, never started" state and
 * no in-memory pause: poweredOff is STOPPED, and suspended (memory written to the datastore) is
 * SUSPENDED, the state {@code PowerAction.SUSPEND} leads to. A VM whose host connection is not
 * {@code connected} is UNKNOWN: its power state is not current.
 */
final class PowerStateToVmState {
    private PowerStateToVmState() {
    }

    static VmState apply(VirtualMachinePowerState power, VirtualMachineConnectionState connection) {
        if (connection != null && connection != VirtualMachineConnectionState.connected) {
            return VmState.UNKNOWN;
        }
        if (power == null) {
            return VmState.UNKNOWN;
        }
        return switch (power) {
            case poweredOn -> VmState.RUNNING;
            case poweredOff -> VmState.STOPPED;
            case suspended -> VmState.SUSPENDED;
        };
    }
}
