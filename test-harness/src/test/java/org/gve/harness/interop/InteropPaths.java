package org.gve.harness.interop;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Where the interop suites find their files and put their work: all under the test-harness module. */
final class InteropPaths {
    private InteropPaths() {
    }

    /** The test-harness module directory (Surefire's basedir, else the working directory). */
    static Path module() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    static Path target() {
        return module().resolve("target");
    }

    /** A directory of test resources, as a path on disk (the tests run from target/test-classes). */
    static Path resource(String name) {
        URL url = InteropPaths.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("test resource " + name + " is missing from the class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test resource " + name + " is not a file: " + url, e);
        }
    }

    /** An empty directory at {@code dir}, whatever was there before. */
    static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /** Copies the tree {@code from} into {@code to}. */
    static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
