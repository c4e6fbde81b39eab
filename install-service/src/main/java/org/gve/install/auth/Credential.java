package org.gve.install.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The one credential that may call this service, held only as a salted SHA-256 hash.
 *
 * <p>The credential file holds one line (blank lines and {@code #} comments are ignored), either
 * <ul>
 *   <li>{@code sha256:SALT:HEX} where HEX is the lower-case hex SHA-256 of the UTF-8 bytes of
 *       {@code SALT:USER:PASSWORD} and SALT is at least 8 characters without a colon (preferred:
 *       the guest never stores the secret itself), or</li>
 *   <li>{@code USER:PASSWORD} in clear (accepted, hashed at once in memory; a warning is logged).</li>
 * </ul>
 * The agent generates a random password of at least 128 bits per VM, so a salted fast hash is
 * enough; a slow KDF would only cost CPU on every call inside a small guest.
 */
public final class Credential {

    private static final Logger LOG = Logger.getLogger(Credential.class.getName());
    private static final String HASHED = "sha256:";
    private static final Pattern SALT = Pattern.compile("[^:\\s]{8,}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final String salt;
    private final byte[] expected;

    private Credential(String salt, byte[] expected) {
        this.salt = salt;
        this.expected = expected.clone();
    }

    /** Reads the credential file. @throws IllegalArgumentException when its content is not a credential */
    public static Credential load(Path file) throws IOException {
        warnIfReadableByOthers(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        if (lines.size() != 1) {
            throw new IllegalArgumentException("credential file " + file + " must hold exactly one credential line");
        }
        return parse(lines.get(0));
    }

    /** Parses one credential line (see the class comment). */
    public static Credential parse(String line) {
        if (line.startsWith(HASHED)) {
            String[] parts = line.substring(HASHED.length()).split(":", -1);
            if (parts.length != 2 || !SALT.matcher(parts[0]).matches() || !HEX.matcher(parts[1]).matches()) {
                throw new IllegalArgumentException("hashed credential must read sha256:SALT:HEX (salt of 8+ characters, no colon; 64 hex digits)");
            }
            return new Credential(parts[0], HexFormat.of().parseHex(parts[1].toLowerCase(Locale.ROOT)));
        }
        int colon = line.indexOf(':');
        if (colon <= 0 || colon == line.length() - 1) {
            throw new IllegalArgumentException("credential must read USER:PASSWORD or sha256:SALT:HEX");
        }
        LOG.warning("the credential file holds a clear-text password; store sha256:SALT:HEX instead (see README)");
        String salt = randomSalt();
        return new Credential(salt, digest(salt, line.getBytes(StandardCharsets.UTF_8)));
    }

    /** The line to store in a credential file for {@code user:password}, with a fresh random salt. */
    public static String hashLine(String userColonPassword) {
        return hashLine(randomSalt(), userColonPassword);
    }

    /** The line to store in a credential file for {@code user:password} and the given salt. */
    public static String hashLine(String salt, String userColonPassword) {
        if (!SALT.matcher(salt).matches()) {
            throw new IllegalArgumentException("salt must be 8+ characters without a colon or space");
        }
        return HASHED + salt + ":" + HexFormat.of().formatHex(digest(salt, userColonPassword.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Whether an HTTP {@code Authorization} header carries exactly this credential (Basic scheme).
     * The comparison of the hashes takes the same time whatever the input.
     */
    public boolean acceptsAuthorization(String header) {
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] userColonPassword;
        try {
            userColonPassword = Base64.getDecoder().decode(header.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, digest(salt, userColonPassword));
    }

    private static byte[] digest(String salt, byte[] userColonPassword) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt.getBytes(StandardCharsets.UTF_8));
            md.update((byte) ':');
            return md.digest(userColonPassword);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String randomSalt() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
            return;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (perms.contains(PosixFilePermission.OTHERS_READ) || perms.contains(PosixFilePermission.GROUP_READ)) {
            LOG.warning("credential file " + file + " is readable by group or others; chmod 600 it");
        }
    }
}
