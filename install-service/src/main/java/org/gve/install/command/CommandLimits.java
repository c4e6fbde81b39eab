package org.gve.install.command;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds applied to every command.
 *
 * @param maxOutputBytes bytes kept of stdout and of stderr each; the rest is read and discarded
 * @param defaultTimeout used when the caller gives no timeout
 * @param maxTimeout     the longest timeout a caller may ask for
 * @param drainGrace     how long to keep reading output after the process ended, for pipes held
 *                       open by a background child it left running
 */
public record CommandLimits(int maxOutputBytes, Duration defaultTimeout, Duration maxTimeout, Duration drainGrace) {

    public static final int DEFAULT_MAX_OUTPUT_BYTES = 1 << 20;

    public CommandLimits {
        Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        Objects.requireNonNull(maxTimeout, "maxTimeout");
        Objects.requireNonNull(drainGrace, "drainGrace");
        if (maxOutputBytes < 0) {
            throw new IllegalArgumentException("maxOutputBytes must not be negative: " + maxOutputBytes);
        }
        if (defaultTimeout.isNegative() || defaultTimeout.isZero() || defaultTimeout.compareTo(maxTimeout) > 0) {
            throw new IllegalArgumentException("defaultTimeout must be positive and at most maxTimeout");
        }
    }

    /** 1 MiB of output each, 60 s default timeout, 1 h longest, 2 s drain grace. */
    public static CommandLimits defaults() {
        return new CommandLimits(DEFAULT_MAX_OUTPUT_BYTES, Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofSeconds(2));
    }
}
