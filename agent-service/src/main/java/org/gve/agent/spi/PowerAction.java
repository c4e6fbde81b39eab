package org.gve.agent.spi;

/** What {@link HypervisorDriver#power} is asked to do. */
public enum PowerAction {
    START,
    /** Ask the guest to shut down (ACPI); returns once the request is delivered. */
    SHUTDOWN,
    /** Power off at once. */
    POWER_OFF,
    SUSPEND,
    RESUME,
    REBOOT,
    /** Save memory to disk and stop. */
    SAVE,
    /** Start again from saved memory. */
    RESTORE
}
