package org.gve.site.agents;

/** A file in a guest. */
public record GuestFileView(String path, long size, String mode, String sha256) {
}
