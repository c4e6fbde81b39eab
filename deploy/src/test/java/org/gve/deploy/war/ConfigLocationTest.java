package org.gve.deploy.war;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLocationTest {
    private static final Supplier<String> UNSET = () -> null;

    @Test
    void theMostSpecificSettingWins() {
        ConfigLocation all = ConfigLocation.of(() -> "/ctx.properties", () -> "/jndi.properties", () -> "/sys.properties",
                () -> "/env.properties");
        assertEquals(new ConfigLocation.Found(Path.of("/ctx.properties"), "context parameter gve.config"), all.require());
        assertEquals(Path.of("/jndi.properties"),
                ConfigLocation.of(() -> " ", () -> "/jndi.properties", () -> "/sys.properties", UNSET).require().file());
        assertEquals(Path.of("/sys.properties"), ConfigLocation.of(UNSET, UNSET, () -> "/sys.properties", () -> "/env").require().file());
        assertEquals("environment variable GVE_CONFIG", ConfigLocation.of(UNSET, UNSET, UNSET, () -> "/env").require().source());
    }

    @Test
    void withNoSettingTheMessageNamesEveryPlaceLookedAt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ConfigLocation.of(UNSET, UNSET, () -> "", UNSET).require());
        for (String place : new String[]{"context parameter gve.config", "JNDI java:comp/env/gve.config",
                "system property gve.config", "environment variable GVE_CONFIG"}) {
            assertTrue(e.getMessage().contains(place), e.getMessage());
        }
    }
}
