package org.gve.agent.libvirt;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The one polling loop: checks a condition every {@code poll} until it holds or the deadline passes. */
final class BoundedWait {
    private BoundedWait() {
    }

    /** True when {@code done} held before {@code timeout}; false at the deadline or when interrupted. */
    static boolean until(Duration timeout, Duration poll, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pollMillis = Math.max(1, poll.toMillis());
        while (true) {
            if (done.getAsBoolean()) return true;
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) return false;
            try {
                Thread.sleep(Math.min(pollMillis, remainingMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
