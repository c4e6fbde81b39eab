package org.gve.agent.spi;

/** A pool of disk images (libvirt storage pool, vSphere datastore). */
public record StoragePoolDescription(String name, String type, String path, long capacityMiB, long availableMiB) {
}
