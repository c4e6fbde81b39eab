package org.gve.site.agents;

/** Result of a guest command. */
public record GuestCommandOutcome(int exitCode, String stdout, String stderr, boolean stdoutTruncated,
                                  boolean stderrTruncated, boolean timedOut, long durationMillis) {
}
