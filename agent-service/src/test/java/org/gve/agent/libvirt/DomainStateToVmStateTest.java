package org.gve.agent.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gve.agent.spi.VmState;
import org.junit.jupiter.api.Test;
import org.libvirt.DomainInfo.DomainState;

class DomainStateToVmStateTest {

    @Test
    void runningStates() {
        assertEquals(VmState.RUNNING, DomainStateToVmState.apply(DomainState.VIR_DOMAIN_RUNNING, false, false));
        assertEquals(VmState.RUNNING, DomainStateToVmState.apply(DomainState.VIR_DOMAIN_BLOCKED, false, false));
        assertEquals(VmState.RUNNING, DomainStateToVmState.apply(DomainState.VIR_DOMAIN_SHUTDOWN, false, false),
                "a guest shutting down still runs");
    }

    @Test
    void pausedStates() {
        assertEquals(VmState.SUSPENDED, DomainStateToVmState.apply(DomainState.VIR_DOMAIN_PAUSED, false, false));
        assertEquals(VmState.SUSPENDED, DomainStateToVmState.apply(DomainState.VIR_DOMAIN_PMSUSPENDED, false, false));
    }

    @Test
    void shutOffIsSavedDefinedOrStopped() {
        assertEquals(VmState.SAVED, DomainStateToVmState.apply(DomainState.VIR_DOMAIN_SHUTOFF, true, false));
        assertEquals(VmState.SAVED, DomainStateToVmState.apply(DomainState.VIR_DOMAIN_SHUTOFF, true, true));
        assertEquals(VmState.DEFINED, DomainStateToVmState.apply(DomainState.VIR_DOMAIN_SHUTOFF, false, true));
        assertEquals(VmState.STOPPED, DomainStateToVmState.apply(DomainState.VIR_DOMAIN_SHUTOFF, false, false));
    }

    @Test
    void crashedAndUnknown() {
        assertEquals(VmState.CRASHED, DomainStateToVmState.apply(DomainState.VIR_DOMAIN_CRASHED, false, false));
        assertEquals(VmState.UNKNOWN, DomainStateToVmState.apply(DomainState.VIR_DOMAIN_NOSTATE, false, false));
        assertEquals(VmState.UNKNOWN, DomainStateToVmState.apply(null, false, false));
    }
}
