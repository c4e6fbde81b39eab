package org.gve.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The directory where large request attachments spill while a request is handled. */
final class Spools {
    private Spools() {
    }

    /**
     * Creates {@code dir}, emptied: a file left there belongs to a request of an earlier process that
     * was killed mid-transfer (a running process deletes its files when each request ends).
     */
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
}
