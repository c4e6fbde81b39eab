package org.gve.agent.vsphere;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.DriverSettings;
import org.gve.agent.spi.HypervisorKind;
import org.junit.jupiter.api.Test;

class VsphereConfigTest {
    @Test
    void resolvesOptionsAndDefaults() {
        VsphereConfig c = VsphereConfig.from(settings("https://vc.example:8989/sdk", "admin", Map.of(
                "datacenter", "DC1", "truststore", "/etc/gve/vc.p12", "truststore.password", "s3cret",
                "host", " esx-2 ", "readTimeout", "PT2M")));
        assertEquals("DC1", c.datacenter());
        assertEquals(Path.of("/etc/gve/vc.p12"), c.trustStore());
        assertEquals("PKCS12", c.trustStoreType());
        assertEquals("esx-2", c.host());
        assertEquals("", c.resourcePool());
        assertEquals(Duration.ofSeconds(10), c.connectTimeout());
        assertEquals(Duration.ofMinutes(2), c.readTimeout());
        assertEquals(Duration.ofMillis(50), c.taskPoll());
        assertFalse(c.toString().contains("s3cret"), "no secrets in logs");
        assertNull(VsphereConfig.from(settings("https://vc/sdk", "u", Map.of())).trustStore(), "JVM default trust");
    }

    @Test
    void refusesWhatCannotWork() {
        for (String url : new String[] {"http://vc/sdk", "vc:443", "", "https:///sdk"}) {
            assertEquals(DriverError.INVALID_ARGUMENT, assertThrows(DriverException.class,
                    () -> VsphereConfig.from(settings(url, "u", Map.of()))).error(), url);
        }
        assertEquals(DriverError.INVALID_ARGUMENT, assertThrows(DriverException.class,
                () -> VsphereConfig.from(settings("https://vc/sdk", " ", Map.of()))).error());
        assertEquals(DriverError.INVALID_ARGUMENT, assertThrows(DriverException.class,
                () -> VsphereConfig.from(settings("https://vc/sdk", "u", Map.of("connectTimeout", "10s")))).error());
    }

    @Test
    void everyOptionIsDocumented() {
        for (VsphereOption o : VsphereOption.values()) {
            assertFalse(o.key().isBlank() || o.description().isBlank(), o.name());
        }
    }

    private static DriverSettings settings(String url, String user, Map<String, String> options) {
        return new DriverSettings(HypervisorKind.VMWARE, url, user, "pw", null, Duration.ofMillis(50),
                Duration.ofMinutes(5), options);
    }
}
