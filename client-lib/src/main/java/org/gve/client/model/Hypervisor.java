package org.gve.client.model;

/** The hypervisor families a site can offer. */
public enum Hypervisor {
    KVM, XEN, VMWARE
}
