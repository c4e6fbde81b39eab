package org.gve.site.agents;

import org.gve.site.testing.SiteFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The credentials the site presents to agents are stored sealed, and the key that seals them rotates. */
class AgentCredentialSealingIT {
    @TempDir
    Path keys;
    private SiteFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) fixture.close();
    }

    @Test
    void credentialsAreStoredSealedAndSealedAgainUnderANewKeyAtStart() throws Exception {
        Path first = keys.resolve("site-secrets-1.key");
        Path second = keys.resolve("site-secrets-2.key");
        fixture = new SiteFixture();
        fixture.keys(first, List.of()).restart().start();
        fixture.agent("a1", "KVM", 8, 16384);
        String sealedFirst = storedSecret("a1");
        assertTrue(sealedFirst.startsWith("gcm1:") && !sealedFirst.contains("secret"), sealedFirst);

        fixture.keys(second, List.of(first)).restart();
        fixture.start();
        String sealedSecond = storedSecret("a1");
        assertNotEquals(sealedFirst, sealedSecond, "sealed again under the new key at start");
        assertEquals("secret", fixture.gatewaySecrets.get("a1"), "and still opened for the agent");

        fixture.keys(second, List.of()).restart();
        fixture.gatewaySecrets.clear();
        fixture.start();
        assertEquals("secret", fixture.gatewaySecrets.get("a1"), "the new key alone opens it: the old one can go");
        assertTrue(fixture.site().agents().agent("a1").isUp());
    }

    @Test
    void withoutTheKeyThatSealedItAnAgentIsDownSayingWhichKeyUntilRegisteredAgain() throws Exception {
        Path first = keys.resolve("site-secrets-1.key");
        fixture = new SiteFixture();
        fixture.keys(first, List.of()).restart().start();
        fixture.agent("a1", "KVM", 8, 16384);
        Path other = keys.resolve("other.key");
        fixture.keys(other, List.of()).restart();
        fixture.gatewaySecrets.clear();
        fixture.start();  // the site starts all the same

        AgentView a1 = fixture.site().agents().agent("a1");
        assertFalse(a1.isUp());
        assertTrue(a1.healthDetail().contains("cannot be opened") && a1.healthDetail().contains(other.toString()),
                a1.healthDetail());
        assertFalse(fixture.gatewaySecrets.containsValue("secret"), "nothing was sent in its place");
        assertEquals(List.of(), fixture.site().agents().resealSecrets(), "it cannot be sealed again either");

        fixture.site().agents().register("a1", "http://fake/a1", "KVM", "site", "secret");
        assertTrue(fixture.site().agents().agent("a1").isUp(), "registering it again repairs it");
    }

    private String storedSecret(String agent) throws Exception {
        try (var c = fixture.jdbc(); var q = c.prepareStatement("select secret from site_agent where name = ?")) {
            q.setString(1, agent);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }
}
