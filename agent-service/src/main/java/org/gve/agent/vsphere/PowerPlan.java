package org.gve.agent.vsphere;

import com.vmware.vim25.VirtualMachinePowerState;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.PowerAction;

/**
 * Which vSphere call a {@link PowerAction} needs from a VM's current power state. Asking for the
 * state a VM is already in needs none (operations are idempotent); a transition GVE does not allow
 * (START of a suspended VM: that is RESUME) is refused here with INVALID_STATE, also where an
 * endpoint (vcsim) would perform it. vSphere has no separate memory save: SUSPEND writes memory to
 * the datastore, so SAVE is UNSUPPORTED and no VM is ever SAVED, hence RESTORE is INVALID_STATE.
 */
enum PowerPlan {
    NONE, POWER_ON, POWER_OFF, SUSPEND, SHUTDOWN_GUEST, REBOOT;

    static PowerPlan of(PowerAction action, VirtualMachinePowerState state, String vmName) {
        if (state == null) {
            throw new DriverException(DriverError.INVALID_STATE, vmName + ": power state unknown (host disconnected?)");
        }
        boolean on = state == VirtualMachinePowerState.poweredOn;
        boolean off = state == VirtualMachinePowerState.poweredOff;
        return switch (action) {
            case START -> on ? NONE : off ? POWER_ON : refuse(action, state, vmName + " (RESUME it)");
            case POWER_OFF -> off ? NONE : POWER_OFF;
            case SHUTDOWN -> on ? SHUTDOWN_GUEST : off ? NONE : refuse(action, state, vmName);
            case SUSPEND -> on ? SUSPEND : off ? refuse(action, state, vmName) : NONE;
            case RESUME -> on ? NONE : off ? refuse(action, state, vmName) : POWER_ON;
            case REBOOT -> on ? REBOOT : refuse(action, state, vmName);
            case SAVE -> throw new DriverException(DriverError.UNSUPPORTED, "SAVE is not offered by vSphere, which"
                    + " has no separate memory save: SUSPEND writes the VM's memory to its datastore and RESUME"
                    + " brings it back");
            case RESTORE -> throw new DriverException(DriverError.INVALID_STATE, "cannot RESTORE " + vmName
                    + ": it is " + state + ", not saved (vSphere VMs are never SAVED; RESUME a suspended VM)");
        };
    }

    private static PowerPlan refuse(PowerAction action, VirtualMachinePowerState state, String vmName) {
        throw new DriverException(DriverError.INVALID_STATE, "cannot " + action + " " + vmName + ": it is " + state);
    }
}
