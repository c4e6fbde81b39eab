package org.gve.agent.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.gve.agent.libvirt.LibvirtOptions.DiskMode;
import org.gve.agent.libvirt.LibvirtOptions.ShutdownMode;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.DriverSettings;
import org.gve.agent.spi.HypervisorKind;
import org.junit.jupiter.api.Test;

class LibvirtOptionsTest {

    @Test
    void defaults() {
        LibvirtOptions o = LibvirtOptions.from(settings(Map.of("domain.type", "qemu")));
        assertEquals("qemu", o.domainType());
        assertEquals(DiskMode.OVERLAY, o.diskMode());
        assertEquals(ShutdownMode.AUTO, o.shutdownMode());
        assertTrue(o.diskPermissions().isEmpty());
        assertTrue(o.storagePool().isEmpty());
        assertTrue(o.migrationUri().isEmpty());
        assertFalse(o.migrationPeerToPeer());
        assertFalse(o.migrationUnsafe());
    }

    @Test
    void everyKeyIsRead() {
        LibvirtOptions o = LibvirtOptions.from(settings(Map.of("domain.type", "kvm", "disk.mode", "copy",
                "disk.permissions", "660", "storage.pool", "fast", "shutdown.mode", "agent",
                "migration.uri", "qemu+ssh://a/system", "migration.dataUri", "tcp://a:49152",
                "migration.peer2peer", "true", "migration.unsafe", "true")));
        assertEquals(new LibvirtOptions("kvm", DiskMode.COPY, Optional.of("0660"), Optional.of("fast"),
                ShutdownMode.AGENT, Optional.of("qemu+ssh://a/system"), Optional.of("tcp://a:49152"), true, true), o);
    }

    @Test
    void badValuesAreInvalidArguments() {
        for (Map<String, String> bad : new Map[] {Map.of("disk.mode", "thin"), Map.of("disk.permissions", "rw"),
                Map.of("migration.unsafe", "yes"), Map.of("domain.type", "xen"), Map.of("shutdown.mode", "acpi-ish")}) {
            DriverException e = assertThrows(DriverException.class, () -> LibvirtOptions.from(settings(bad)));
            assertEquals(DriverError.INVALID_ARGUMENT, e.error());
            assertTrue(e.getMessage().contains(bad.keySet().iterator().next()), e.getMessage());
        }
    }

    @Test
    void everyKeyIsDocumented() {
        for (LibvirtOptions.Key key : LibvirtOptions.Key.values()) {
            assertFalse(key.description.isBlank(), key.key);
            assertTrue(key.key.contains("."), key.key);
        }
    }

    private static DriverSettings settings(Map<String, String> options) {
        return new DriverSettings(HypervisorKind.KVM, "test:///default", null, null, Path.of("/tmp"),
                Duration.ofMillis(10), Duration.ofSeconds(1), options);
    }
}
