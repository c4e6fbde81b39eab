package org.gve.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpoolsTest {
    @TempDir
    Path data;

    @Test
    void aFreshSpoolIsCreatedEmptyAndWhatAKilledProcessLeftIsRemoved() throws Exception {
        Path spool = data.resolve("spool");
        assertEquals(spool, Spools.fresh(spool));
        assertTrue(Files.isDirectory(spool));
        Files.writeString(spool.resolve("MIME123.tmp"), "half an upload");
        Files.createDirectories(spool.resolve("nested"));
        Files.writeString(spool.resolve("nested/x"), "x");
        Files.writeString(data.resolve("site.mv.db"), "not ours to touch");

        Spools.fresh(spool);

        try (var left = Files.list(spool)) {
            assertEquals(0, left.count());
        }
        assertTrue(Files.exists(data.resolve("site.mv.db")), "only the spool directory is emptied");
    }
}
