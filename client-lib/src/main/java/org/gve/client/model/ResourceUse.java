package org.gve.client.model;

/** Resources held (or reserved by pending jobs). */
public record ResourceUse(int vms, int vcpus, long memoryMiB, long diskMiB) {
}
