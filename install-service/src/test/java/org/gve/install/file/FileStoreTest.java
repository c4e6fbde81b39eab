package org.gve.install.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.gve.install.InstallFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest {

    @TempDir
    Path tmp;

    private final FileStore store = new FileStore(PathPolicy.unrestricted());

    @Test
    void putThenDescribeAndReadBack() throws InstallFailure, IOException, NoSuchAlgorithmException {
        byte[] data = "hello guest\n".getBytes(StandardCharsets.UTF_8);
        Path target = tmp.resolve("hello.txt");
        StoredFile put = store.put(target.toString(), null, sha256(data), stream(data));
        assertEquals(target, put.path());
        assertEquals(data.length, put.size());
        assertEquals(sha256(data), put.sha256());
        assertEquals("0644", put.mode(), "default mode of a new file");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));

        StoredFile got = store.describe(target.toString());
        assertEquals(put, got);
        try (InputStream in = store.open(got)) {
            assertArrayEquals(data, in.readAllBytes());
        }
        assertEquals(List.of(target), listDir(), "no temporary file left");
    }

    @Test
    void appliesTheGivenModeAndKeepsAnExistingOneOtherwise() throws InstallFailure, IOException, NoSuchAlgorithmException {
        Path target = tmp.resolve("tool");
        assertEquals("0750", store.put(target.toString(), "0750", null, stream(new byte[] {1})).mode());
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals("0600", store.put(target.toString(), "600", null, stream(new byte[] {2})).mode());
        assertEquals("0600", store.put(target.toString(), null, null, stream(new byte[] {3})).mode(), "replacing keeps the mode");
        assertArrayEquals(new byte[] {3}, Files.readAllBytes(target));
    }

    @Test
    void refusesBadModesBeforeWritingAnything() throws IOException {
        for (String bad : List.of("", "abc", "0999", "4755", "07777", "64", "0o644")) {
            assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "INVALID_MODE",
                    () -> store.put(tmp.resolve("m").toString(), bad, null, stream(new byte[] {1})));
        }
        assertEquals(List.of(), listDir());
    }

    @Test
    void checksumMismatchLeavesNoFileAndTheOldOneUntouched() throws InstallFailure, IOException, NoSuchAlgorithmException {
        byte[] data = "new content".getBytes(StandardCharsets.UTF_8);
        String wrong = sha256("something else".getBytes(StandardCharsets.UTF_8));
        Path fresh = tmp.resolve("fresh");
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "SHA256_MISMATCH", () -> store.put(fresh.toString(), null, wrong, stream(data)));
        assertFalse(Files.exists(fresh));

        Path old = Files.writeString(tmp.resolve("old"), "old content");
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "SHA256_MISMATCH", () -> store.put(old.toString(), "0600", wrong, stream(data)));
        assertEquals("old content", Files.readString(old));
        assertEquals(List.of(old), listDir(), "no partial or temporary file left");
    }

    @Test
    void acceptsUpperCaseChecksumsAndRefusesMalformedOnes() throws InstallFailure, IOException, NoSuchAlgorithmException {
        byte[] data = {42};
        store.put(tmp.resolve("a").toString(), null, sha256(data).toUpperCase(Locale.ROOT), stream(data));
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "INVALID_SHA256", () -> store.put(tmp.resolve("b").toString(), null, "abc", stream(data)));
    }

    @Test
    void failedUploadLeavesNothingBehind() throws IOException {
        Path target = Files.writeString(tmp.resolve("keep"), "keep me");
        InputStream broken = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 100_000) {
                    throw new IOException("connection reset by peer");
                }
                return 'x';
            }
        };
        assertFailure(InstallFailure.Kind.GUEST, "IO_ERROR", () -> store.put(target.toString(), null, null, broken));
        assertEquals("keep me", Files.readString(target));
        assertEquals(List.of(target), listDir());
    }

    @Test
    void refusesRelativeAndEmptyPaths() {
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "PATH_NOT_ABSOLUTE", () -> store.put("relative/file", null, null, stream(new byte[0])));
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "PATH_NOT_ABSOLUTE", () -> store.describe("file"));
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "PATH_REQUIRED", () -> store.describe(""));
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "NOT_A_FILE", () -> store.put("/", null, null, stream(new byte[0])));
    }

    @Test
    void reportsMissingFilesAndDirectories() {
        assertFailure(InstallFailure.Kind.NOT_FOUND, "FILE_NOT_FOUND", () -> store.describe(tmp.resolve("missing").toString()));
        assertFailure(InstallFailure.Kind.NOT_FOUND, "DIRECTORY_NOT_FOUND",
                () -> store.put(tmp.resolve("no/such/dir/file").toString(), null, null, stream(new byte[0])));
    }

    @Test
    void refusesDirectoriesAndSpecialFiles() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "NOT_A_FILE", () -> store.describe(dir.toString()));
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "NOT_A_FILE", () -> store.put(dir.toString(), null, null, stream(new byte[0])));
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "NOT_A_FILE", () -> store.describe("/dev/zero"));
    }

    @Test
    void confinesPathsToTheRootAlsoThroughSymlinks() throws InstallFailure, IOException, NoSuchAlgorithmException {
        Path root = Files.createDirectory(tmp.resolve("root"));
        Path outside = Files.writeString(tmp.resolve("secret"), "outside");
        Files.createSymbolicLink(root.resolve("link"), outside);
        Files.createSymbolicLink(root.resolve("linkdir"), tmp);
        FileStore confined = new FileStore(PathPolicy.confinedTo(root));

        confined.put(root.resolve("inside").toString(), null, null, stream(new byte[] {1}));
        assertEquals(1, confined.describe(root.resolve("inside").toString()).size());
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "PATH_OUTSIDE_ROOT", () -> confined.describe(outside.toString()));
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "PATH_OUTSIDE_ROOT", () -> confined.describe(root + "/../secret"));
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "PATH_OUTSIDE_ROOT", () -> confined.describe(root.resolve("link").toString()));
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "PATH_OUTSIDE_ROOT",
                () -> confined.put(root.resolve("linkdir/new").toString(), null, null, stream(new byte[] {1})));
        assertFalse(Files.exists(tmp.resolve("new")));
    }

    private List<Path> listDir() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.sorted().toList();
        }
    }

    private static void assertFailure(InstallFailure.Kind kind, String code, Executable call) {
        InstallFailure f = assertThrows(InstallFailure.class, call);
        assertEquals(kind, f.kind(), f.getMessage());
        assertEquals(code, f.code(), f.getMessage());
    }

    private static InputStream stream(byte[] data) {
        return new ByteArrayInputStream(data);
    }

    static String sha256(byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
