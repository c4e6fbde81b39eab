package org.gve.wsdl.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretBoxTest {
    @Test
    void sealedSecretsOpenWithTheSameKeyFileOnly(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("site-secrets.key");
        SecretBox box = SecretBox.fromKeyFile(keyFile);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        String sealed = box.seal("agent-secret-1");
        assertTrue(sealed.startsWith("gcm1:"));
        assertTrue(SecretBox.isSealed(sealed));
        assertFalse(sealed.contains("agent-secret-1"));
        assertNotEquals(sealed, box.seal("agent-secret-1"), "a fresh IV each time");
        assertEquals("agent-secret-1", SecretBox.fromKeyFile(keyFile).open(sealed), "the key survives a restart");
        Path other = dir.resolve("other.key");
        IllegalStateException wrong = assertThrows(IllegalStateException.class,
                () -> SecretBox.fromKeyFile(other).open(sealed));
        assertTrue(wrong.getMessage().contains(other.toString()), "names the key file: " + wrong.getMessage());
    }

    @Test
    void valuesStoredBeforeSealingReadAsTheyAre() {
        assertEquals("plain-old", SecretBox.ephemeral().open("plain-old"));
        assertFalse(SecretBox.isSealed("plain-old"));
        assertFalse(SecretBox.isSealed(null));
        assertEquals(null, SecretBox.ephemeral().seal(null));
        assertEquals(null, SecretBox.ephemeral().open(null));
    }

    @Test
    void damagedSealedValuesFailLikeAWrongKey() {
        SecretBox box = SecretBox.ephemeral();
        String sealed = box.seal("agent-secret-1");
        String flipped = sealed.substring(0, sealed.length() - 3) + (sealed.charAt(sealed.length() - 3) == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 2);
        for (String damaged : new String[] {flipped, "gcm1:not base64!", "gcm1:AAAA"}) {
            assertThrows(IllegalStateException.class, () -> box.open(damaged), damaged);
        }
    }

    @Test
    void aKeyFileThatIsNotAKeyIsRefusedByName(@TempDir Path dir) throws Exception {
        Path notBase64 = Files.writeString(dir.resolve("garbled.key"), "this is not a key\n");
        Path shortKey = Files.writeString(dir.resolve("short.key"), "AAAA\n");
        for (Path file : new Path[] {notBase64, shortKey}) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> SecretBox.fromKeyFile(file));
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        }
    }

    @Test
    void aNewKeyFileIsMadeReadableByItsOwnerOnlyAndAKeyOthersCanReadIsRefused(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("keys").resolve("agent-secrets.key");
        SecretBox.fromKeyFile(keyFile);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        try (var files = Files.list(keyFile.getParent())) {
            assertEquals(java.util.List.of(keyFile), files.toList(), "no temporary file is left beside it");
        }
        Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SecretBox.fromKeyFile(keyFile));
        assertTrue(e.getMessage().contains("readable by other users") && e.getMessage().contains("chmod 600"), e.getMessage());
    }

    @Test
    void keysRotate(@TempDir Path dir) throws Exception {
        Path oldKey = dir.resolve("old.key");
        Path newKey = dir.resolve("new.key");
        SecretBox before = SecretBox.fromKeyFile(oldKey);
        String sealedBefore = before.seal("agent-secret");
        assertFalse(before.needsResealing(sealedBefore));
        assertTrue(before.needsResealing("stored in clear"));

        SecretBox rotated = SecretBox.fromKeyFiles(newKey, java.util.List.of(oldKey));
        assertEquals("agent-secret", rotated.open(sealedBefore), "a retired key still opens");
        assertTrue(rotated.needsResealing(sealedBefore), "but what it sealed is sealed again under the new key");
        String sealedAfter = rotated.seal("agent-secret");
        assertFalse(rotated.needsResealing(sealedAfter));
        assertEquals("agent-secret", SecretBox.fromKeyFile(newKey).open(sealedAfter), "the new key alone opens it");
        IllegalStateException gone = assertThrows(IllegalStateException.class, () -> SecretBox.fromKeyFile(newKey).open(sealedBefore));
        assertTrue(gone.getMessage().contains(newKey.toString()), gone.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> SecretBox.fromKeyFiles(newKey, java.util.List.of(dir.resolve("nowhere.key"))));
        assertTrue(missing.getMessage().contains("nowhere.key"), missing.getMessage());
    }
}
