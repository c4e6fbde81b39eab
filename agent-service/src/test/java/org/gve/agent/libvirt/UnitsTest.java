package org.gve.agent.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gve.agent.spi.DriverException;
import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void libvirtUnitsToMebibytes() {
        assertEquals(128, Units.toMiB(131072, "KiB"));
        assertEquals(128, Units.toMiB(131072, "k"));
        assertEquals(128, Units.toMiB(128, "MiB"));
        assertEquals(2048, Units.toMiB(2, "G"));
        assertEquals(16, Units.toMiB(16_777_216, "bytes"));
        assertEquals(95, Units.toMiB(100, "MB"), "decimal megabytes");
        assertEquals(1024L * 1024, Units.toMiB(1, "TiB"));
        assertEquals(64L << 20, Units.mibToBytes(64));
        assertThrows(DriverException.class, () -> Units.toMiB(1, "parsecs"));
    }
}
