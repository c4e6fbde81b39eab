package org.gve.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between polls; injectable so tests never really sleep. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** The real thing: parks the calling thread for the duration. */
    static Sleeper system() {
        return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }
}
