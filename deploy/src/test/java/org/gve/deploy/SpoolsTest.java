package org.gve.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

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

    @Test
    void aSweepRemovesOnlyFilesNotWrittenForTheGivenAge() throws Exception {
        Path spool = Spools.fresh(data.resolve("spool"));
        Instant now = Instant.parse("2030-01-01T12:00:00Z");
        Path abandoned = spool.resolve("MIME1.tmp");
        Path active = spool.resolve("MIME2.tmp");
        Files.writeString(abandoned, "cut off");
        Files.writeString(active, "arriving");
        Files.setLastModifiedTime(abandoned, FileTime.from(now.minus(Duration.ofHours(7))));
        Files.setLastModifiedTime(active, FileTime.from(now.minus(Duration.ofMinutes(5))));

        assertEquals(1, Spools.sweep(spool, Duration.ofHours(6), now));
        assertTrue(Files.notExists(abandoned));
        assertTrue(Files.exists(active));
    }
}
