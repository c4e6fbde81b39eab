package org.gve.install.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialTest {

    /** {@code printf 'salt1234:agent:pw' | sha256sum}: the form a shell script can provision too. */
    private static final String SHELL_MADE = "sha256:salt1234:4d700e6c3bb6bf8c56af88e2904720991d80c9f7ac3e4dae5d0972323a12ea39";

    @TempDir
    Path tmp;

    @Test
    void hashedLineAcceptsExactlyItsCredential() {
        Credential c = Credential.parse(SHELL_MADE);
        assertTrue(c.acceptsAuthorization(basic("agent:pw")));
        assertTrue(c.acceptsAuthorization("basic " + Base64.getEncoder().encodeToString("agent:pw".getBytes(StandardCharsets.UTF_8))));
        assertFalse(c.acceptsAuthorization(basic("agent:pw2")));
        assertFalse(c.acceptsAuthorization(basic("agent:p")));
        assertFalse(c.acceptsAuthorization(basic("other:pw")));
        assertFalse(c.acceptsAuthorization(basic("")));
    }

    @Test
    void refusesMissingOrMalformedHeaders() {
        Credential c = Credential.parse(SHELL_MADE);
        assertFalse(c.acceptsAuthorization(null));
        assertFalse(c.acceptsAuthorization(""));
        assertFalse(c.acceptsAuthorization("Basic"));
        assertFalse(c.acceptsAuthorization("Bearer " + Base64.getEncoder().encodeToString("agent:pw".getBytes(StandardCharsets.UTF_8))));
        assertFalse(c.acceptsAuthorization("Basic !!not-base64!!"));
    }

    @Test
    void hashLineMatchesTheShellForm() {
        assertEquals(SHELL_MADE, Credential.hashLine("salt1234", "agent:pw"));
        String fresh = Credential.hashLine("agent:pw");
        assertNotEquals(fresh, Credential.hashLine("agent:pw"), "a fresh salt each time");
        assertTrue(Credential.parse(fresh).acceptsAuthorization(basic("agent:pw")));
    }

    @Test
    void clearTextLineIsAcceptedAndHeldHashed() {
        Credential c = Credential.parse("agent:pa:ss word");
        assertTrue(c.acceptsAuthorization(basic("agent:pa:ss word")));
        assertFalse(c.acceptsAuthorization(basic("agent:pa")));
    }

    @Test
    void refusesMalformedLines() {
        for (String bad : new String[] {"nocolon", ":pw", "agent:", "sha256:short:" + "a".repeat(64),
                "sha256:salt1234:abc", "sha256:salt1234:" + "g".repeat(64), "sha256:salt1234"}) {
            assertThrows(IllegalArgumentException.class, () -> Credential.parse(bad), bad);
        }
    }

    @Test
    void loadsOneLineIgnoringCommentsAndBlankLines() throws IOException {
        Path file = Files.writeString(tmp.resolve("cred"), "# provisioned by the agent\n\n" + SHELL_MADE + "\n");
        assertTrue(Credential.load(file).acceptsAuthorization(basic("agent:pw")));
        Path two = Files.writeString(tmp.resolve("two"), SHELL_MADE + "\nagent:pw\n");
        assertThrows(IllegalArgumentException.class, () -> Credential.load(two));
        Path none = Files.writeString(tmp.resolve("none"), "# nothing\n");
        assertThrows(IllegalArgumentException.class, () -> Credential.load(none));
    }

    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }
}
