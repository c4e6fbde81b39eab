package org.gve.install.file;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import org.gve.install.InstallFailure;

/**
 * Which paths callers may name: absolute ones only, and when a root directory is configured only
 * those under it, also after symbolic links are resolved. Without a root every absolute path is
 * allowed (RunCommand can touch any file anyway; the root is a guard rail, not a sandbox).
 */
public final class PathPolicy {

    private final Optional<Path> root;
    private final Optional<Path> realRoot;

    private PathPolicy(Optional<Path> root, Optional<Path> realRoot) {
        this.root = root;
        this.realRoot = realRoot;
    }

    public static PathPolicy unrestricted() {
        return new PathPolicy(Optional.empty(), Optional.empty());
    }

    /** @throws IOException when the root does not exist */
    public static PathPolicy confinedTo(Path root) throws IOException {
        Path abs = root.toAbsolutePath().normalize();
        return new PathPolicy(Optional.of(abs), Optional.of(abs.toRealPath()));
    }

    public Optional<Path> root() {
        return root;
    }

    /** The caller's path, absolute and normalized, lexically inside the root if there is one. */
    public Path resolve(String raw) throws InstallFailure {
        if (raw == null || raw.isEmpty()) {
            throw InstallFailure.invalid("PATH_REQUIRED", "a Path is required");
        }
        Path path;
        try {
            path = Path.of(raw);
        } catch (InvalidPathException e) {
            throw InstallFailure.invalid("INVALID_PATH", "not a usable path: " + raw);
        }
        if (!path.isAbsolute()) {
            throw InstallFailure.invalid("PATH_NOT_ABSOLUTE", "Path must be absolute: " + raw);
        }
        Path normal = path.normalize();
        if (root.isPresent() && !normal.startsWith(root.get())) {
            throw InstallFailure.invalid("PATH_OUTSIDE_ROOT", "Path " + raw + " is outside " + root.get());
        }
        return normal;
    }

    /** Checks that an existing path, symbolic links resolved, still lies inside the root. */
    public void checkResolved(Path existing, String raw) throws InstallFailure, IOException {
        if (realRoot.isPresent() && !existing.toRealPath().startsWith(realRoot.get())) {
            throw InstallFailure.invalid("PATH_OUTSIDE_ROOT", "Path " + raw + " leads outside " + root.orElseThrow());
        }
    }
}
