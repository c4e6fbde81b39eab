package org.gve.agent.spi;

/** Outcome of a {@link GuestCommand}; output is bounded and the flags say when it was cut. */
public record GuestCommandResult(int exitCode, String stdout, String stderr, boolean stdoutTruncated,
                                 boolean stderrTruncated, boolean timedOut, long durationMillis) {
}
