package org.gve.agent.service;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits, with a deadline, for a condition on something polled at a fixed interval. Deadlines are measured on
 * the monotonic clock ({@link System#nanoTime}): a wall-clock step (NTP, a test's fixed clock) neither cuts a
 * wait short nor makes it endless.
 */
final class StateWaiter {
    private final Duration interval;

    StateWaiter(Duration interval) {
        this.interval = interval;
    }

    /** Returns the first polled value that satisfies {@code done}, or the last one at the deadline. */
    <T> T await(Supplier<T> poll, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = poll.get();
        while (!done.test(value) && deadline - System.nanoTime() > 0) {
            try {
                Thread.sleep(Math.max(1, Math.min(interval.toMillis(), (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
            value = poll.get();
        }
        return value;
    }
}
