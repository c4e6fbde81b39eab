package org.gve.agent.vsphere;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.TaskInfo;
import com.vmware.vim25.TaskInfoState;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;

/**
 * Waits for a vSphere task by reading its {@code info} every {@code poll} (the first read is
 * immediate) until it succeeds, fails (its fault goes through {@link VsphereFaults}) or
 * {@code timeout} passes ({@link DriverError#TIMEOUT}; the task may still finish on the endpoint).
 * Used instead of vijava's {@code waitForTask}, which sleeps about a second between reads.
 */
final class TaskWaiter {
    /** Reads a task's current info. */
    interface TaskInfoSource {
        TaskInfo read(ManagedObjectReference task);
    }

    /** Waits between two reads. */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final TaskInfoSource source;
    private final Duration poll;
    private final Duration timeout;
    private final LongSupplier nanoClock;
    private final Pause pause;

    TaskWaiter(TaskInfoSource source, Duration poll, Duration timeout, LongSupplier nanoClock, Pause pause) {
        if (poll.isNegative() || poll.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("task poll must be positive and timeout not negative");
        }
        this.source = source;
        this.poll = poll;
        this.timeout = timeout;
        this.nanoClock = nanoClock;
        this.pause = pause;
    }

    /** A waiter on the real clock. */
    static TaskWaiter polling(TaskInfoSource source, Duration poll, Duration timeout) {
        return new TaskWaiter(source, poll, timeout, System::nanoTime,
                d -> TimeUnit.NANOSECONDS.sleep(d.toNanos()));
    }

    /** Waits for {@code task}; returns its result (e.g. the new VM of a clone), null for none. */
    Object await(ManagedObjectReference task, String what) {
        long start = nanoClock.getAsLong();
        while (true) {
            TaskInfo info = source.read(task);
            TaskInfoState state = info == null ? null : info.getState();
            if (state == TaskInfoState.success) {
                return info.getResult();
            }
            if (state == TaskInfoState.error) {
                throw VsphereFaults.fromTaskError(what, info.getError());
            }
            long left = timeout.toNanos() - (nanoClock.getAsLong() - start);
            if (left <= 0) {
                throw new DriverException(DriverError.TIMEOUT, what + ": task " + task.getVal() + " still "
                        + (state == null ? "in an unknown state" : state) + " after " + timeout
                        + "; it may still finish on the endpoint");
            }
            try {
                pause.pause(Duration.ofNanos(Math.min(poll.toNanos(), left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DriverException(DriverError.TIMEOUT, what + ": interrupted while waiting for task "
                        + task.getVal() + "; it may still finish on the endpoint", e);
            }
        }
    }
}
