package org.gve.install.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import org.gve.install.InstallFailure;

/**
 * Files in and out of the guest, streamed: nothing is held in memory beyond a small buffer.
 * A put writes a temporary file beside the target, hashing while it writes, checks the expected
 * SHA-256, applies the mode and only then renames it over the target atomically; a failed or
 * mismatched transfer leaves the old file (or no file) untouched and no partial file behind.
 */
public final class FileStore {

    private static final Logger LOG = Logger.getLogger(FileStore.class.getName());
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final int BUFFER = 64 * 1024;
    static final String TEMP_PREFIX = ".gve-put-";

    private final PathPolicy policy;

    public FileStore(PathPolicy policy) {
        this.policy = policy;
    }

    /**
     * Writes {@code content} to {@code rawPath}, replacing any file there.
     *
     * @param mode   octal permission bits; when absent an existing file keeps its mode, a new one gets 0644
     * @param sha256 expected SHA-256 in hex; when given, a mismatch fails and nothing is replaced
     */
    public StoredFile put(String rawPath, String mode, String sha256, InputStream content) throws InstallFailure {
        Path target = policy.resolve(rawPath);
        String expected = expectedSha256(sha256);
        Set<PosixFilePermission> perms = mode == null ? null : FileMode.parse(mode);
        Path dir = target.getParent();
        if (dir == null) {
            throw InstallFailure.invalid("NOT_A_FILE", "Path is a directory: " + rawPath);
        }
        try {
            if (!Files.isDirectory(dir)) {
                throw InstallFailure.notFound("DIRECTORY_NOT_FOUND", "no such directory: " + dir);
            }
            policy.checkResolved(dir, rawPath);
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw InstallFailure.invalid("NOT_A_FILE", "Path is a directory: " + rawPath);
            }
            if (perms == null) {
                perms = Files.isRegularFile(target) ? Files.getPosixFilePermissions(target) : FileMode.DEFAULT;
            }
            return writeAtomically(target, perms, expected, content);
        } catch (IOException e) {
            throw ioFailure(rawPath, e);
        }
    }

    private StoredFile writeAtomically(Path target, Set<PosixFilePermission> perms, String expected,
                                       InputStream content) throws IOException, InstallFailure {
        Path temp = Files.createTempFile(target.getParent(), TEMP_PREFIX, ".part");
        try {
            MessageDigest digest = sha256();
            long size;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                size = copy(content, Channels.newOutputStream(channel), digest);
                channel.force(true);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (expected != null && !expected.equals(actual)) {
                throw InstallFailure.invalid("SHA256_MISMATCH",
                        "content SHA-256 " + actual + " does not match the given Sha256 " + expected + "; nothing was written");
            }
            Files.setPosixFilePermissions(temp, perms);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(target.getParent());
            return new StoredFile(target, size, FileMode.format(perms), actual);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Describes a regular file, reading it once to hash it; its content is then read with {@link #open}. */
    public StoredFile describe(String rawPath) throws InstallFailure {
        Path path = policy.resolve(rawPath);
        try {
            if (!Files.exists(path)) {
                throw InstallFailure.notFound("FILE_NOT_FOUND", "no such file: " + rawPath);
            }
            policy.checkResolved(path, rawPath);
            if (!Files.isRegularFile(path)) {
                throw InstallFailure.invalid("NOT_A_FILE", "not a regular file: " + rawPath);
            }
            MessageDigest digest = sha256();
            long size;
            try (InputStream in = Files.newInputStream(path)) {
                size = copy(in, OutputStream.nullOutputStream(), digest);
            }
            return new StoredFile(path, size, FileMode.format(Files.getPosixFilePermissions(path)),
                    HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw ioFailure(rawPath, e);
        }
    }

    /** Opens a file described by {@link #describe} for streaming its content. */
    public InputStream open(StoredFile file) throws IOException {
        return Files.newInputStream(file.path());
    }

    private static long copy(InputStream in, OutputStream out, MessageDigest digest) throws IOException {
        byte[] buf = new byte[BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            digest.update(buf, 0, n);
            out.write(buf, 0, n);
            total += n;
        }
        return total;
    }

    private static String expectedSha256(String sha256) throws InstallFailure {
        if (sha256 == null || sha256.isEmpty()) {
            return null;
        }
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw InstallFailure.invalid("INVALID_SHA256", "Sha256 must be 64 hexadecimal digits, was '" + sha256 + "'");
        }
        return sha256.toLowerCase(Locale.ROOT);
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the rename itself is already atomic
            LOG.log(Level.FINE, "could not sync directory " + dir, e);
        }
    }

    private static InstallFailure ioFailure(String rawPath, IOException e) {
        if (e instanceof NoSuchFileException) {
            return InstallFailure.notFound("FILE_NOT_FOUND", "no such file or directory: " + rawPath);
        }
        if (e instanceof AccessDeniedException) {
            return InstallFailure.guest("ACCESS_DENIED", "permission denied: " + rawPath, e);
        }
        return InstallFailure.guest("IO_ERROR", "I/O failure on " + rawPath + ": " + e.getMessage(), e);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
