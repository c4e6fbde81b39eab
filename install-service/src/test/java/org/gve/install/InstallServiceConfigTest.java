package org.gve.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class InstallServiceConfigTest {

    @Test
    void appliesDefaults() throws InstallServiceConfig.UsageException {
        InstallServiceConfig c = InstallServiceConfig.parse(List.of("--credential-file", "/etc/gve/cred"));
        assertEquals(new InstallServiceConfig("0.0.0.0", 8700, Path.of("/etc/gve/cred"), Optional.empty(),
                1 << 20, Duration.ofSeconds(60), Duration.ofSeconds(3600), 16), c);
    }

    @Test
    void readsEveryOptionInBothSpellings() throws InstallServiceConfig.UsageException {
        InstallServiceConfig c = InstallServiceConfig.parse(List.of("--port=9000", "--bind", "127.0.0.1",
                "--credential-file=/c", "--root", "/srv/gve", "--max-output", "4096", "--default-timeout", "5",
                "--max-timeout=10", "--threads", "2"));
        assertEquals(new InstallServiceConfig("127.0.0.1", 9000, Path.of("/c"), Optional.of(Path.of("/srv/gve")),
                4096, Duration.ofSeconds(5), Duration.ofSeconds(10), 2), c);
    }

    @Test
    void refusesWhatItCannotRunWith() {
        assertUsage("is required", List.of("--port", "1"));
        assertUsage("unknown option --prot", List.of("--credential-file", "/c", "--prot", "1"));
        assertUsage("needs a value", List.of("--credential-file"));
        assertUsage("whole number", List.of("--credential-file", "/c", "--port", "eighty"));
        assertUsage("at most 65535", List.of("--credential-file", "/c", "--port", "70000"));
        assertUsage("at least 1", List.of("--credential-file", "/c", "--threads", "0"));
        assertUsage("must not exceed", List.of("--credential-file", "/c", "--default-timeout", "100", "--max-timeout", "10"));
    }

    @Test
    void usageListsEveryOption() {
        String usage = InstallServiceConfig.usage();
        for (InstallServiceConfig.Key k : InstallServiceConfig.Key.values()) {
            assertTrue(usage.contains(k.flag), k.flag);
        }
    }

    private static void assertUsage(String expected, List<String> args) {
        InstallServiceConfig.UsageException e = assertThrows(InstallServiceConfig.UsageException.class, () -> InstallServiceConfig.parse(args));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
