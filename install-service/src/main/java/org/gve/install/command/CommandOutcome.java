package org.gve.install.command;

import java.time.Duration;

/**
 * What a finished command left: its exit code (128 + signal when killed, as a shell reports it),
 * the first bytes of stdout and stderr decoded as UTF-8 with flags saying whether more was
 * discarded, whether it was killed past its timeout, and how long it ran.
 */
public record CommandOutcome(int exitCode, String stdout, String stderr, boolean stdoutTruncated,
                             boolean stderrTruncated, boolean timedOut, Duration duration) {
}
