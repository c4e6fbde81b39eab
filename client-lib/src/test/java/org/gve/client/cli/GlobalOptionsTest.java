package org.gve.client.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlobalOptionsTest {

    @Test
    void globalsComeBeforeTheCommand() {
        GlobalOptions g = GlobalOptions.parse(List.of("--site", "http://h/gve", "--user=bob", "--password-file", "pw",
                "--call-timeout", "9", "-v", "run", "vm-1", "--user", "x"));
        assertEquals("http://h/gve", g.site());
        assertEquals("bob", g.user());
        assertEquals("pw", g.passwordFile());
        assertEquals(Duration.ofSeconds(9), g.callTimeout());
        assertTrue(g.verbose());
        assertFalse(g.help());
        assertEquals("run", g.command());
        assertEquals(List.of("vm-1", "--user", "x"), g.arguments());
    }

    @Test
    void noCommandAndHelp() {
        GlobalOptions g = GlobalOptions.parse(List.of("--help"));
        assertTrue(g.help());
        assertNull(g.command());
        assertEquals(List.of(), g.arguments());
    }

    @Test
    void mistakesAreUsageErrors() {
        assertThrows(UsageException.class, () -> GlobalOptions.parse(List.of("--wait", "vms")));
        assertThrows(UsageException.class, () -> GlobalOptions.parse(List.of("--site")));
        assertThrows(UsageException.class, () -> GlobalOptions.parse(List.of("--verbose=yes", "vms")));
        assertThrows(UsageException.class, () -> GlobalOptions.parse(List.of("--call-timeout", "0", "vms")));
    }
}
