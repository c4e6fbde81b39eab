package org.gve.agent.guest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The credential the agent provisions for one VM's InstallService: a user name and a random secret
 * of 256 bits. The guest only ever gets {@link #hashedLine}, the InstallService's
 * {@code sha256:SALT:HEX} credential-file line; the clear secret stays with the agent.
 */
public record GuestCredential(String user, String secret) {
    /** The user name the agent presents to every InstallService. */
    public static final String AGENT_USER = "gve-agent";
    private static final int SECRET_BYTES = 32;
    private static final int SALT_BYTES = 12;

    public GuestCredential {
        if (user == null || user.isEmpty() || user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a guest credential needs a user name without ':'");
        }
        if (secret == null || secret.length() < 22) {
            throw new IllegalArgumentException("a guest credential needs a secret of at least 128 bits");
        }
    }

    /** A fresh credential for one VM. */
    public static GuestCredential generate(SecureRandom random) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return new GuestCredential(AGENT_USER, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The line for the InstallService's credential file, salted with {@code random}. */
    public String hashedLine(SecureRandom random) {
        byte[] saltBytes = new byte[SALT_BYTES];
        random.nextBytes(saltBytes);
        return hashedLine(HexFormat.of().formatHex(saltBytes));
    }

    /** {@code sha256:SALT:HEX}, HEX being the SHA-256 of {@code SALT:USER:SECRET} in UTF-8 (see install-service/README.md). */
    public String hashedLine(String salt) {
        if (salt.length() < 8 || salt.contains(":") || salt.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("salt must be 8+ characters without ':' or blanks");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((salt + ":" + user + ":" + secret).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + salt + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Never shows the secret (records print every component otherwise). */
    @Override
    public String toString() {
        return "GuestCredential[user=" + user + ", secret=(hidden)]";
    }
}
