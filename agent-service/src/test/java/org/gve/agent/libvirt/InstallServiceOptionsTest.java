package org.gve.agent.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.DriverSettings;
import org.gve.agent.spi.HypervisorKind;
import org.junit.jupiter.api.Test;

class InstallServiceOptionsTest {
    private static DriverSettings settings(Map<String, String> options) {
        return new DriverSettings(HypervisorKind.KVM, "test:///default", null, null, Path.of("/var/lib/gve/images"),
                Duration.ofMillis(10), Duration.ofSeconds(1), options);
    }

    @Test
    void defaults() {
        assertEquals(new InstallServiceOptions(Path.of("/var/lib/gve/images/install-credentials"), 18700, 18999,
                "127.0.0.1"), InstallServiceOptions.from(settings(Map.of())));
    }

    @Test
    void everyOptionIsRead() {
        assertEquals(new InstallServiceOptions(Path.of("/srv/creds"), 20000, 20009, "10.0.0.5"),
                InstallServiceOptions.from(settings(Map.of("installService.credentialDir", "/srv/creds",
                        "installService.hostPorts", "20000-20009", "installService.forwardAddress", "10.0.0.5"))));
    }

    @Test
    void badPortRangesAreRefused() {
        for (String bad : new String[] {"18700", "a-b", "20000-19999", "0-10", "1-70000", "1-2-3", "-"}) {
            DriverException e = assertThrows(DriverException.class,
                    () -> InstallServiceOptions.from(settings(Map.of("installService.hostPorts", bad))), bad);
            assertEquals(DriverError.INVALID_ARGUMENT, e.error());
        }
    }

    @Test
    void aForwardAddressMustBeAnAddress() {
        assertThrows(DriverException.class,
                () -> InstallServiceOptions.from(settings(Map.of("installService.forwardAddress", "a b"))));
    }

    @Test
    void theKeysAreKnownToTheDriver() {
        for (InstallServiceOptions.Key key : InstallServiceOptions.Key.values()) {
            assertEquals(true, InstallServiceOptions.Key.known(key.key));
        }
        assertEquals(false, InstallServiceOptions.Key.known("installService.other"));
    }
}
