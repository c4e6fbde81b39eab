package org.gve.site.agents;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentTrustTest {
    @Test
    void noStoreMeansTheJvmsDefaultTrust() {
        assertNull(AgentTrust.socketFactory(null, null));
    }

    @Test
    void aStoreThatCannotBeReadIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.p12");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AgentTrust.socketFactory(missing, "x"));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());

        Path store = dir.resolve("agents.p12");
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        try (OutputStream out = Files.newOutputStream(store)) {
            empty.store(out, "right".toCharArray());
        }
        IllegalStateException wrong = assertThrows(IllegalStateException.class, () -> AgentTrust.socketFactory(store, "wrong"));
        assertTrue(wrong.getMessage().contains(store.toString()), wrong.getMessage());
        assertNotNull(AgentTrust.socketFactory(store, "right"));
    }
}
