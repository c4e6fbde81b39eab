package org.gve.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The directory where large request attachments spill and downloads wait while a request is handled
 * ({data}/spool). A request that ends deletes its files; an upload cut off midway (a client gone, a
 * request past gve.max-upload-mib) can leave one until Metro's own clean-up runs, and a killed process
 * leaves its files behind: those are removed at start and by {@link #sweep}.
 */
final class Spools {
    private static final Logger LOG = Logger.getLogger(Spools.class.getName());

    private Spools() {
    }

    /** Creates {@code dir}, emptied: what is there belongs to requests of an earlier process. */
    static Path fresh(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> left = Files.walk(dir)) {
                for (Path p : left.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(dir)) Files.deleteIfExists(p);
                }
            }
        }
        Files.createDirectories(dir);
        return dir;
    }

    /**
     * Deletes the files of {@code dir} not written for {@code age} (as of {@code now}); returns how many.
     * A file still being read by a long transfer is safe: on POSIX systems an open file stays readable
     * after it is unlinked.
     */
    static int sweep(Path dir, Duration age, Instant now) {
        FileTime cutoff = FileTime.from(now.minus(age));
        int deleted = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                try {
                    if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).compareTo(cutoff) < 0
                            && Files.deleteIfExists(file)) {
                        deleted++;
                    }
                } catch (IOException e) {
                    LOG.log(Level.FINE, "could not remove " + file, e);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not sweep the spool " + dir + ": " + e.getMessage());
        }
        if (deleted > 0) LOG.info("removed " + deleted + " abandoned transfer file(s) from " + dir);
        return deleted;
    }
}
