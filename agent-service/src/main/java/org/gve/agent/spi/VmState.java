package org.gve.agent.spi;

/** Power state of a VM as the agent reports it, whatever the hypervisor. */
public enum VmState {
    /** Known to the hypervisor, never started since it was defined. */
    DEFINED,
    RUNNING,
    /** Paused in memory. */
    SUSPENDED,
    /** Memory saved to disk, not running. */
    SAVED,
    STOPPED,
    CRASHED,
    UNKNOWN
}
