package org.gve.agent.vsphere;

import static com.vmware.vim25.VirtualMachinePowerState.poweredOff;
import static com.vmware.vim25.VirtualMachinePowerState.poweredOn;
import static com.vmware.vim25.VirtualMachinePowerState.suspended;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.vmware.vim25.VirtualMachinePowerState;
import java.util.List;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.PowerAction;
import org.junit.jupiter.api.Test;

class PowerPlanTest {
    @Test
    void eachActionFromEachState() {
        // action, from poweredOn, from poweredOff, from suspended (null: INVALID_STATE)
        List<Object[]> table = List.of(
                new Object[] {PowerAction.START, PowerPlan.NONE, PowerPlan.POWER_ON, null},
                new Object[] {PowerAction.POWER_OFF, PowerPlan.POWER_OFF, PowerPlan.NONE, PowerPlan.POWER_OFF},
                new Object[] {PowerAction.SHUTDOWN, PowerPlan.SHUTDOWN_GUEST, PowerPlan.NONE, null},
                new Object[] {PowerAction.SUSPEND, PowerPlan.SUSPEND, null, PowerPlan.NONE},
                new Object[] {PowerAction.RESUME, PowerPlan.NONE, null, PowerPlan.POWER_ON},
                new Object[] {PowerAction.REBOOT, PowerPlan.REBOOT, null, null},
                new Object[] {PowerAction.RESTORE, null, null, null});
        VirtualMachinePowerState[] states = {poweredOn, poweredOff, suspended};
        for (Object[] row : table) {
            PowerAction action = (PowerAction) row[0];
            for (int i = 0; i < states.length; i++) {
                VirtualMachinePowerState state = states[i];
                if (row[i + 1] == null) {
                    DriverException e = assertThrows(DriverException.class, () -> PowerPlan.of(action, state, "vm"),
                            action + " from " + state);
                    assertEquals(DriverError.INVALID_STATE, e.error(), action + " from " + state);
                } else {
                    assertEquals(row[i + 1], PowerPlan.of(action, state, "vm"), action + " from " + state);
                }
            }
        }
    }

    @Test
    void saveIsUnsupportedFromAnyState() {
        for (VirtualMachinePowerState state : VirtualMachinePowerState.values()) {
            assertEquals(DriverError.UNSUPPORTED, assertThrows(DriverException.class,
                    () -> PowerPlan.of(PowerAction.SAVE, state, "vm")).error());
        }
    }

    @Test
    void anUnknownPowerStateIsInvalidState() {
        assertEquals(DriverError.INVALID_STATE, assertThrows(DriverException.class,
                () -> PowerPlan.of(PowerAction.START, null, "vm")).error());
    }
}
