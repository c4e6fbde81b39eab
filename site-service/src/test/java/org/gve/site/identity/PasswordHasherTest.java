package org.gve.site.identity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse".toCharArray());
        assertTrue(hasher.verify("correct horse".toCharArray(), hash));
        assertFalse(hasher.verify("correct horsE".toCharArray(), hash));
        assertFalse(hasher.verify("".toCharArray(), hash));
    }

    @Test
    void storesAlgorithmRoundsSaltAndHashNeverThePassword() {
        String hash = hasher.hash("s3cret-pass".toCharArray());
        String[] parts = hash.split("\\$");
        assertEquals(4, parts.length);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals("1000", parts[1]);
        assertFalse(hash.contains("s3cret"));
        assertNotEquals(hash, hasher.hash("s3cret-pass".toCharArray()), "a new salt every time");
    }

    @Test
    void aHashKeepsItsOwnRoundsWhenTheCostRises() {
        String old = new PasswordHasher(500).hash("pw-12345".toCharArray());
        assertTrue(hasher.verify("pw-12345".toCharArray(), old));
    }

    @Test
    void foreignOrBrokenHashesNeverVerify() {
        assertFalse(hasher.verify("x".toCharArray(), "md5$abc"));
        assertFalse(hasher.verify("x".toCharArray(), "pbkdf2-sha1$1000$AAAA$AAAA"));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(0));
    }
}
