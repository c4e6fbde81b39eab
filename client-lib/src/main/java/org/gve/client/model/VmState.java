package org.gve.client.model;

/** Power state of a virtual machine as the site reports it. */
public enum VmState {
    DEFINED, RUNNING, SUSPENDED, SAVED, STOPPED, CRASHED, UNKNOWN,
    /** The site lost the VM: its agent no longer has it; only release applies. */
    LOST
}
