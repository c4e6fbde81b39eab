package org.gve.agent.libvirt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedWaitTest {

    @Test
    void returnsAsSoonAsTheConditionHolds() {
        AtomicInteger polls = new AtomicInteger();
        assertTrue(BoundedWait.until(Duration.ofSeconds(5), Duration.ofMillis(1), () -> polls.incrementAndGet() == 3));
        assertTrue(polls.get() == 3);
    }

    @Test
    void givesUpAtTheDeadline() {
        long start = System.nanoTime();
        assertFalse(BoundedWait.until(Duration.ofMillis(50), Duration.ofMillis(10), () -> false));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 45 && millis < 1000, "took " + millis + " ms");
    }
}
