package org.gve.agent.spi;

/** A file in a guest: its path, size, permission bits (octal text) and SHA-256 (hex). */
public record GuestFile(String path, long size, String mode, String sha256) {
}
