package org.gve.agent.libvirt;

import static org.gve.agent.spi.VmState.DEFINED;
import static org.gve.agent.spi.VmState.RUNNING;
import static org.gve.agent.spi.VmState.SAVED;
import static org.gve.agent.spi.VmState.STOPPED;
import static org.gve.agent.spi.VmState.SUSPENDED;
import static org.gve.agent.spi.VmState.UNKNOWN;

import java.util.Set;
import org.gve.agent.spi.PowerAction;
import org.gve.agent.spi.VmState;

/**
 * Which power actions make sense in which state, decided here rather than left to each hypervisor (libvirt's
 * test driver and QEMU answer "suspend a stopped domain" with different error codes). An action already
 * fulfilled is a no-op, so retries are harmless; an impossible one is INVALID_STATE; in an UNKNOWN state the
 * hypervisor decides.
 */
final class PowerTransitions {

    enum Decision { PROCEED, ALREADY_DONE, INVALID }

    private static final Set<VmState> STOPPED_STATES = Set.of(DEFINED, STOPPED, VmState.CRASHED);

    private PowerTransitions() {
    }

    static Decision decide(PowerAction action, VmState state) {
        if (state == UNKNOWN) return Decision.PROCEED;
        return switch (action) {
            case START -> state == RUNNING ? Decision.ALREADY_DONE : state == SUSPENDED ? Decision.INVALID : Decision.PROCEED;
            case SHUTDOWN -> state == RUNNING ? Decision.PROCEED : state == SUSPENDED ? Decision.INVALID : Decision.ALREADY_DONE;
            case POWER_OFF -> state == RUNNING || state == SUSPENDED ? Decision.PROCEED : Decision.ALREADY_DONE;
            case SUSPEND -> state == RUNNING ? Decision.PROCEED : state == SUSPENDED ? Decision.ALREADY_DONE : Decision.INVALID;
            case RESUME -> state == SUSPENDED ? Decision.PROCEED : state == RUNNING ? Decision.ALREADY_DONE : Decision.INVALID;
            case REBOOT -> state == RUNNING ? Decision.PROCEED : Decision.INVALID;
            case SAVE -> state == RUNNING || state == SUSPENDED ? Decision.PROCEED
                    : state == SAVED ? Decision.ALREADY_DONE : Decision.INVALID;
            case RESTORE -> state == SAVED ? Decision.PROCEED : state == RUNNING ? Decision.ALREADY_DONE : Decision.INVALID;
        };
    }

    /** Why {@code action} cannot be done in {@code state}, for people. */
    static String whyNot(PowerAction action, VmState state) {
        return switch (action) {
            case START, SHUTDOWN -> "is suspended; RESUME it first";
            case RESTORE -> STOPPED_STATES.contains(state) ? "has no saved memory to restore" : "is suspended; RESUME it";
            default -> "cannot " + action + " from " + state;
        };
    }
}
