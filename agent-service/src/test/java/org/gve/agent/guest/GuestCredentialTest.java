package org.gve.agent.guest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuestCredentialTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void generatedSecretsCarryAtLeast128BitsAndDiffer() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            GuestCredential c = GuestCredential.generate(random);
            assertEquals(GuestCredential.AGENT_USER, c.user());
            assertTrue(c.secret().matches("[A-Za-z0-9_-]{43}"), c.secret());  // 32 bytes, base64url
            secrets.add(c.secret());
        }
        assertEquals(100, secrets.size());
    }

    @Test
    void hashedLineIsTheInstallServiceFormat() throws Exception {
        GuestCredential c = new GuestCredential("gve-agent", "0123456789abcdefghijklmnop");
        String line = c.hashedLine("salt-1234");
        byte[] expected = MessageDigest.getInstance("SHA-256")
                .digest("salt-1234:gve-agent:0123456789abcdefghijklmnop".getBytes(StandardCharsets.UTF_8));
        assertEquals("sha256:salt-1234:" + HexFormat.of().formatHex(expected), line);
        assertFalse(line.contains(c.secret()));
    }

    @Test
    void randomSaltsMakeDifferentLinesForOneSecret() {
        GuestCredential c = GuestCredential.generate(random);
        String a = c.hashedLine(random);
        String b = c.hashedLine(random);
        assertNotEquals(a, b);
        assertTrue(a.matches("sha256:[0-9a-f]{24}:[0-9a-f]{64}"), a);
    }

    @Test
    void refusesWeakOrMalformedCredentials() {
        assertThrows(IllegalArgumentException.class, () -> new GuestCredential("a:b", "0123456789abcdefghijklmnop"));
        assertThrows(IllegalArgumentException.class, () -> new GuestCredential("", "0123456789abcdefghijklmnop"));
        assertThrows(IllegalArgumentException.class, () -> new GuestCredential("u", "short"));
        GuestCredential c = GuestCredential.generate(random);
        assertThrows(IllegalArgumentException.class, () -> c.hashedLine("short"));
        assertThrows(IllegalArgumentException.class, () -> c.hashedLine("with:colon1"));
        assertThrows(IllegalArgumentException.class, () -> c.hashedLine("with blank1"));
    }

    @Test
    void toStringHidesTheSecret() {
        GuestCredential c = GuestCredential.generate(random);
        assertFalse(c.toString().contains(c.secret()));
    }
}
