package org.gve.agent.spi;

/** What {@link HypervisorDriver#snapshot} is asked to do with a named snapshot. */
public enum SnapshotAction {
    CREATE, REVERT, DELETE
}
