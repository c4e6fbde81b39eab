package org.gve.client.model;

/** A virtual disk of a VM; {@code sizeMiB} is null when the site does not say. */
public record VmDisk(String device, String source, String format, Long sizeMiB) {
}
