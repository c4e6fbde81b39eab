package org.gve.agent.spi;

/** The hypervisor families GVE drives. Stored and sent by name. */
public enum HypervisorKind {
    KVM, XEN, VMWARE
}
