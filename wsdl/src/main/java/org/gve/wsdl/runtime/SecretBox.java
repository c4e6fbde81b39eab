package org.gve.wsdl.runtime;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals secrets a service must be able to read back before they are stored (the credentials the site
 * presents to agents, the InstallService credentials the agent presents to guests): AES-256-GCM under
 * a key kept in a file of its own (mode 0600, made on first use), so a copy of the database (a
 * PostgreSQL backup, an H2 file) does not carry usable credentials. Sealed values read
 * {@code gcm1:<base64 of iv and ciphertext>}; anything else is taken as a value stored before sealing
 * existed. Keys rotate: a box may also hold retired keys, which only open; {@link #needsResealing}
 * tells the values to seal again under the current key.
 */
public final class SecretBox {
    private static final String PREFIX = "gcm1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BYTES = 16;
    private final SecretKeySpec key;
    private final String keySource; // named in errors
    private final java.util.List<SecretKeySpec> retired;
    private final SecureRandom random = new SecureRandom();

    private SecretBox(byte[] key, String keySource, java.util.List<SecretKeySpec> retired) {
        this.key = new SecretKeySpec(key, "AES");
        this.keySource = keySource;
        this.retired = java.util.List.copyOf(retired);
    }

    /**
     * The box whose current key is in {@code current} (made when missing) and that also opens what
     * the keys in {@code retired} sealed; those files must exist.
     */
    public static SecretBox fromKeyFiles(Path current, java.util.List<Path> retired) {
        SecretBox box = fromKeyFile(current);
        java.util.List<SecretKeySpec> old = new java.util.ArrayList<>();
        for (Path file : retired) {
            if (!Files.isRegularFile(file)) throw new IllegalStateException("the retired secrets key " + file + " is missing");
            try {
                refuseIfOthersCanRead(file);
                byte[] key = decodeKey(file);
                if (key.length != 32) throw new IllegalStateException("the secrets key in " + file + " is not 32 bytes");
                old.add(new SecretKeySpec(key, "AES"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the retired secrets key " + file, e);
            }
        }
        if (old.isEmpty()) return box;
        return new SecretBox(box.key.getEncoded(), "the key in " + current.toAbsolutePath() + " or the retired keys in "
                + retired + " (was a file changed or lost?)", old);
    }

    /** The box whose key is in {@code file}; a new random key is written there when the file is missing. */
    public static SecretBox fromKeyFile(Path file) {
        try {
            if (!Files.exists(file)) writeNewKey(file);
            refuseIfOthersCanRead(file);
            byte[] key = decodeKey(file);
            if (key.length != 32) throw new IllegalStateException("the secrets key in " + file + " is not 32 bytes");
            return new SecretBox(key, "the key in " + file.toAbsolutePath() + " (was that file changed or lost?)",
                    java.util.List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secrets key " + file, e);
        }
    }

    /**
     * Writes a new random key beside {@code file} (mode 0600 from the start) and moves it into place
     * atomically, so a crash never leaves an empty or half-written key file; when another process made
     * the key meanwhile, its key is kept.
     */
    private static void writeNewKey(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".new",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            if (!Files.exists(file)) Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A key file that other users may read is refused: whoever reads it opens every sealed secret. */
    private static void refuseIfOthersCanRead(Path file) throws IOException {
        try {
            var permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)
                    || permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)) {
                throw new IllegalStateException("the secrets key " + file.toAbsolutePath() + " is readable by other users ("
                        + PosixFilePermissions.toString(permissions) + "): chmod 600 it");
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        }
    }

    private static byte[] decodeKey(Path file) throws IOException {
        try {
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the secrets key in " + file + " is not base64", e);
        }
    }

    /** A box with a key that lives only as long as this process (tests). */
    public static SecretBox ephemeral() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretBox(key, "this process's ephemeral key", java.util.List.of());
    }

    /** Whether {@code stored} is a sealed value (and not one stored in clear before sealing existed). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    public String seal(String secret) {
        if (secret == null) return null;
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(8 * TAG_BYTES, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    /**
     * The clear secret of a sealed value; a value that is not sealed is returned as it is.
     *
     * @throws IllegalStateException naming the key file when this box's key did not seal {@code stored}
     *                               (or the value is damaged)
     */
    public String open(String stored) {
        if (!isSealed(stored)) return stored;
        GeneralSecurityException last = null;
        for (SecretKeySpec candidate : keys()) {
            try {
                return open(stored, candidate);
            } catch (GeneralSecurityException e) {
                last = e;
            } catch (IllegalArgumentException e) {
                last = new GeneralSecurityException("not base64", e);
                break;
            }
        }
        throw new IllegalStateException("a stored secret cannot be opened with " + keySource, last);
    }

    /** Whether {@code stored} should be sealed again: stored in clear, or sealed under a retired key. */
    public boolean needsResealing(String stored) {
        if (stored == null) return false;
        if (!isSealed(stored)) return true;
        try {
            open(stored, key);
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return true;
        }
    }

    private java.util.List<SecretKeySpec> keys() {
        java.util.List<SecretKeySpec> all = new java.util.ArrayList<>(1 + retired.size());
        all.add(key);
        all.addAll(retired);
        return all;
    }

    private static String open(String stored, SecretKeySpec with) throws GeneralSecurityException {
        byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        if (all.length < IV_BYTES + TAG_BYTES) throw new GeneralSecurityException("too short");
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, with, new GCMParameterSpec(8 * TAG_BYTES, all, 0, IV_BYTES));
        return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    }
}
