package org.gve.client.model;

import org.gve.client.AfterMode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelTest {

    @Test
    void onlySucceededFailedAndCancelledAreFinal() {
        assertFalse(JobStatus.PENDING.isFinal());
        assertFalse(JobStatus.RUNNING.isFinal());
        assertTrue(JobStatus.SUCCEEDED.isFinal() && JobStatus.FAILED.isFinal() && JobStatus.CANCELLED.isFinal());
    }

    @Test
    void guestCommandsNeedAProgramAndCopyTheirInput() {
        assertThrows(IllegalArgumentException.class, () -> GuestCommand.of(List.of()));
        List<String> argv = new ArrayList<>(List.of("echo", "hi"));
        GuestCommand c = GuestCommand.of(argv);
        argv.add("more");
        assertEquals(List.of("echo", "hi"), c.argv());
        assertEquals(Map.of(), c.environment());
        assertEquals(Duration.ofSeconds(5), c.withTimeout(Duration.ofSeconds(5)).timeout());
    }

    @Test
    void profileBuilderLeavesUnsetFieldsNull() {
        VmProfile p = VmProfile.of(2, 1024);
        assertEquals(2, p.vcpus());
        assertEquals(1024L, p.memoryMiB());
        assertEquals(null, p.hypervisor());
    }

    @Test
    void afterModesParseCaseInsensitively() {
        assertEquals(AfterMode.RELEASE, AfterMode.parse("release"));
        assertEquals(AfterMode.SHUTDOWN, AfterMode.parse(" Shutdown "));
        assertThrows(IllegalArgumentException.class, () -> AfterMode.parse("destroy"));
    }
}
