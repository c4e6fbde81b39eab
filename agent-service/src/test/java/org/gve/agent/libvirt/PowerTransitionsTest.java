package org.gve.agent.libvirt;

import static org.gve.agent.libvirt.PowerTransitions.Decision.INVALID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.gve.agent.libvirt.PowerTransitions.Decision;
import org.gve.agent.spi.PowerAction;
import org.gve.agent.spi.VmState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PowerTransitionsTest {

    @ParameterizedTest(name = "{0} when {1} -> {2}")
    @CsvSource({
            "START, DEFINED, PROCEED", "START, STOPPED, PROCEED", "START, SAVED, PROCEED",
            "START, RUNNING, ALREADY_DONE", "START, SUSPENDED, INVALID",
            "SHUTDOWN, RUNNING, PROCEED", "SHUTDOWN, STOPPED, ALREADY_DONE", "SHUTDOWN, SUSPENDED, INVALID",
            "POWER_OFF, RUNNING, PROCEED", "POWER_OFF, SUSPENDED, PROCEED", "POWER_OFF, STOPPED, ALREADY_DONE",
            "SUSPEND, RUNNING, PROCEED", "SUSPEND, SUSPENDED, ALREADY_DONE", "SUSPEND, STOPPED, INVALID",
            "RESUME, SUSPENDED, PROCEED", "RESUME, RUNNING, ALREADY_DONE", "RESUME, DEFINED, INVALID",
            "REBOOT, RUNNING, PROCEED", "REBOOT, STOPPED, INVALID", "REBOOT, SUSPENDED, INVALID",
            "SAVE, RUNNING, PROCEED", "SAVE, SUSPENDED, PROCEED", "SAVE, SAVED, ALREADY_DONE", "SAVE, STOPPED, INVALID",
            "RESTORE, SAVED, PROCEED", "RESTORE, RUNNING, ALREADY_DONE", "RESTORE, STOPPED, INVALID",
            "SUSPEND, UNKNOWN, PROCEED", "START, CRASHED, PROCEED"
    })
    void decides(PowerAction action, VmState state, Decision expected) {
        assertEquals(expected, PowerTransitions.decide(action, state));
    }

    @ParameterizedTest
    @CsvSource({"START, SUSPENDED", "RESTORE, STOPPED", "SUSPEND, STOPPED"})
    void explainsRefusals(PowerAction action, VmState state) {
        assertEquals(INVALID, PowerTransitions.decide(action, state));
        assertFalse(PowerTransitions.whyNot(action, state).isBlank());
    }
}
