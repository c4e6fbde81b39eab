package org.gve.agent.libvirt;

import java.util.Locale;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;

/** libvirt's size units (domain memory, volume capacity) to mebibytes. */
final class Units {
    private static final long KIB = 1024L;
    private static final long MIB = KIB * KIB;

    private Units() {
    }

    /** {@code value} in {@code unit} as whole MiB, rounded down. Units as libvirt documents them. */
    static long toMiB(long value, String unit) {
        return toBytes(value, unit) / MIB;
    }

    static long toBytes(long value, String unit) {
        return Math.multiplyExact(value, switch (unit.toLowerCase(Locale.ROOT)) {
            case "b", "bytes" -> 1L;
            case "kb" -> 1000L;
            case "k", "kib" -> KIB;
            case "mb" -> 1000L * 1000L;
            case "m", "mib" -> MIB;
            case "gb" -> 1000L * 1000L * 1000L;
            case "g", "gib" -> MIB * KIB;
            case "tb" -> 1000L * 1000L * 1000L * 1000L;
            case "t", "tib" -> MIB * MIB;
            default -> throw new DriverException(DriverError.BACKEND_FAILURE, "unknown libvirt size unit '" + unit + "'");
        });
    }

    static long mibToBytes(long mib) {
        return Math.multiplyExact(mib, MIB);
    }

    static long bytesToMiB(long bytes) {
        return bytes / MIB;
    }
}
