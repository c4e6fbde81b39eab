package org.gve.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The temporary files that MTOM transfers go through in this JVM's temporary directory: Metro's
 * attachment spill files ({@code MIME*.tmp}) and GVE's download spools ({@code gve-spool*.bin}).
 * A transfer that ended must leave none behind.
 */
public final class SpillFiles {
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    private SpillFiles() {
    }

    public static Set<Path> now() {
        try (Stream<Path> files = Files.list(TMP)) {
            return files.filter(SpillFiles::isSpill).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + TMP, e);
        }
    }

    /**
     * Spill files that exist now and did not before; waits up to five seconds for them to go, since a
     * server deletes the spool of a download once it has written the last byte, about when the client
     * has read it.
     */
    public static Set<Path> leftSince(Set<Path> before) throws InterruptedException {
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
