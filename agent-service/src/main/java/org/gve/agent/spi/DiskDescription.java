package org.gve.agent.spi;

/** One virtual disk of a VM. sizeMiB is 0 when the hypervisor does not say. */
public record DiskDescription(String device, String source, String format, long sizeMiB) {
}
