package org.gve.client.model;

import java.time.Duration;

/**
 * What a guest command did. Output is bounded by the site (the first MiB each); the truncated flags
 * say when it was cut. {@code timedOut} means the process was killed at its timeout.
 */
public record CommandResult(int exitCode, String stdout, String stderr, boolean stdoutTruncated,
                            boolean stderrTruncated, boolean timedOut, Duration duration) {
}
