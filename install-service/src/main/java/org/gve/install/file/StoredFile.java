package org.gve.install.file;

import java.nio.file.Path;

/** A regular file in the guest: where it is, its size in bytes, mode (e.g. 0644) and SHA-256 (lower-case hex). */
public record StoredFile(Path path, long size, String mode, String sha256) {
}
