package org.gve.client;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GveClientConfigTest {
    static final URI SITE = URI.create("http://localhost:8080/gve");

    @Test
    void endpointsLiveUnderSite() {
        GveClientConfig c = GveClientConfig.of(SITE, "alice", "pw".toCharArray());
        assertEquals(URI.create("http://localhost:8080/gve/site/JobStateQuery"), c.endpoint("JobStateQuery"));
        GveClientConfig slash = GveClientConfig.of(URI.create("https://h/gve/"), "alice", "pw".toCharArray());
        assertEquals(URI.create("https://h/gve/site/SiteAdministration"), slash.endpoint("SiteAdministration"));
    }

    @Test
    void thePasswordIsCopiedInAndOutAndCanBeWiped() {
        char[] given = "secret".toCharArray();
        GveClientConfig c = GveClientConfig.of(SITE, "alice", given);
        given[0] = 'X';
        assertArrayEquals("secret".toCharArray(), c.password());
        assertNotSame(c.password(), c.password());
        assertFalse(c.toString().contains("secret"));
        c.wipe();
        assertArrayEquals(new char[6], c.password());
    }

    @Test
    void defaultsAndEquality() {
        GveClientConfig a = GveClientConfig.of(SITE, "alice", "pw".toCharArray());
        assertEquals(GveClientConfig.DEFAULT_CALL_TIMEOUT, a.callTimeout());
        assertEquals(a, GveClientConfig.of(SITE, "alice", "pw".toCharArray()));
        assertEquals(a.hashCode(), GveClientConfig.of(SITE, "alice", "pw".toCharArray()).hashCode());
    }

    @Test
    void rejectsNonsense() {
        char[] pw = "pw".toCharArray();
        Duration s = Duration.ofSeconds(1);
        assertThrows(IllegalArgumentException.class, () -> GveClientConfig.of(URI.create("ftp://h/gve"), "a", pw));
        assertThrows(IllegalArgumentException.class, () -> GveClientConfig.of(URI.create("/gve"), "a", pw));
        assertThrows(IllegalArgumentException.class, () -> GveClientConfig.of(SITE, " ", pw));
        assertThrows(NullPointerException.class, () -> GveClientConfig.of(SITE, "a", null));
        assertThrows(IllegalArgumentException.class, () -> new GveClientConfig(SITE, "a", pw, Duration.ZERO, s, s));
        assertThrows(IllegalArgumentException.class, () -> new GveClientConfig(SITE, "a", pw, s, s.multipliedBy(2), s));
    }
}
