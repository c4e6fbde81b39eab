package org.gve.client;

import java.util.Locale;

/** What {@link RunJobInVm} does with the VM once the job is done (also when it failed). */
public enum AfterMode {
    /** Leave the VM as it is, still held. */
    KEEP,
    /** Pause it in memory, still held. */
    SUSPEND,
    /** Shut it down (ACPI), still held. */
    SHUTDOWN,
    /** Give it back to the site. */
    RELEASE;

    /** Parses {@code keep|suspend|shutdown|release}, case-insensitively. */
    public static AfterMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("after-mode must be keep, suspend, shutdown or release, not '" + text + "'", e);
        }
    }
}
