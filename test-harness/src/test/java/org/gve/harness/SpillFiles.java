package org.gve.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The temporary files that MTOM transfers go through: Metro's attachment spill files ({@code MIME*.tmp})
 * and GVE's download spools ({@code gve-spool*.bin}), in this JVM's temporary directory and in the
 * spool directories of the servers under test. A transfer that ended must leave none behind.
 */
public final class SpillFiles {
    private final List<Path> dirs;

    /** Watches the JVM's temporary directory and {@code serverSpools}. */
    public SpillFiles(Path... serverSpools) {
        this.dirs = Stream.concat(Stream.of(Path.of(System.getProperty("java.io.tmpdir"))), Stream.of(serverSpools)).toList();
    }

    public Set<Path> now() {
        Set<Path> all = new HashSet<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(SpillFiles::isSpill).forEach(all::add);
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + dir, e);
            }
        }
        return all;
    }

    /**
     * Spill files that exist now and did not before; waits up to five seconds for them to go, since a
     * server deletes the spool of a download once it has written the last byte, about when the client
     * has read it.
     */
    public Set<Path> leftSince(Set<Path> before) throws InterruptedException {
        Set<Path> left = Set.of();
        for (int i = 0; i < 50; i++) {
            left = now().stream().filter(p -> !before.contains(p)).collect(Collectors.toSet());
            if (left.isEmpty()) return left;
            Thread.sleep(100);
        }
        return left;
    }

    private static boolean isSpill(Path p) {
        String name = p.getFileName().toString();
        return (name.startsWith("MIME") && name.endsWith(".tmp")) || (name.startsWith("gve-spool") && name.endsWith(".bin"));
    }
}
