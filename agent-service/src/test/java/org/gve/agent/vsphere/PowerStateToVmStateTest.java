package org.gve.agent.vsphere;

import static com.vmware.vim25.VirtualMachineConnectionState.connected;
import static com.vmware.vim25.VirtualMachineConnectionState.disconnected;
import static com.vmware.vim25.VirtualMachineConnectionState.inaccessible;
import static com.vmware.vim25.VirtualMachineConnectionState.orphaned;
import static com.vmware.vim25.VirtualMachinePowerState.poweredOff;
import static com.vmware.vim25.VirtualMachinePowerState.poweredOn;
import static com.vmware.vim25.VirtualMachinePowerState.suspended;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gve.agent.spi.VmState;
import org.junit.jupiter.api.Test;

class PowerStateToVmStateTest {
    @Test
    void mapsEachPowerState() {
        assertEquals(VmState.RUNNING, PowerStateToVmState.apply(poweredOn, connected));
        assertEquals(VmState.STOPPED, PowerStateToVmState.apply(poweredOff, connected));
        assertEquals(VmState.SUSPENDED, PowerStateToVmState.apply(suspended, connected));
        assertEquals(VmState.RUNNING, PowerStateToVmState.apply(poweredOn, null), "connection state not read");
    }

    @Test
    void unknownWhenTheStateIsNotCurrent() {
        assertEquals(VmState.UNKNOWN, PowerStateToVmState.apply(poweredOn, disconnected));
        assertEquals(VmState.UNKNOWN, PowerStateToVmState.apply(poweredOff, orphaned));
        assertEquals(VmState.UNKNOWN, PowerStateToVmState.apply(poweredOff, inaccessible));
        assertEquals(VmState.UNKNOWN, PowerStateToVmState.apply(null, connected), "an enum value vijava lacks");
    }
}
