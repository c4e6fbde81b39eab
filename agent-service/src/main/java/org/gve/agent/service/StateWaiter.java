package org.gve.agent.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits, with a deadline, for a condition on something polled at a fixed interval. */
final class StateWaiter {
    private final Clock clock;
    private final Duration interval;

    StateWaiter(Clock clock, Duration interval) {
        this.clock = clock;
        this.interval = interval;
    }

    /** Returns the first polled value that satisfies {@code done}, or the last one at the deadline. */
    <T> T await(Supplier<T> poll, Predicate<T> done, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        T value = poll.get();
        while (!done.test(value) && clock.instant().isBefore(deadline)) {
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
            value = poll.get();
        }
        return value;
    }
}
