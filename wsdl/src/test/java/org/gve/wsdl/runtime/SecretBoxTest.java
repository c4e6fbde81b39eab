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
        assertFalse(sealed.contains("agent-secret-1"));
        assertNotEquals(sealed, box.seal("agent-secret-1"), "a fresh IV each time");
        assertEquals("agent-secret-1", SecretBox.fromKeyFile(keyFile).open(sealed), "the key survives a restart");
        assertThrows(IllegalStateException.class, () -> SecretBox.fromKeyFile(dir.resolve("other.key")).open(sealed));
    }

    @Test
    void valuesStoredBeforeSealingReadAsTheyAre() {
        assertEquals("plain-old", SecretBox.ephemeral().open("plain-old"));
        assertEquals(null, SecretBox.ephemeral().seal(null));
    }
}
