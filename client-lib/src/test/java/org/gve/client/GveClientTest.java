package org.gve.client;

import org.gve.client.error.JobFailedException;
import org.gve.client.model.FaultInfo;
import org.gve.client.model.JobState;
import org.gve.client.model.JobStatus;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What GveClient decides without the network. */
class GveClientTest {
    static JobState job(JobStatus status, FaultInfo fault) {
        return new JobState("job-9", "START", "vm-1", status, null, fault, "alice", Instant.EPOCH, null, null);
    }

    @Test
    void requireSucceededPassesSuccessThrough() {
        JobState ok = job(JobStatus.SUCCEEDED, null);
        assertSame(ok, GveClient.requireSucceeded(ok));
    }

    @Test
    void aFailedJobThrowsItsOwnFaultCode() {
        JobState failed = job(JobStatus.FAILED, new FaultInfo("AGENT_UNAVAILABLE", "agent kvm-1 is down"));
        JobFailedException e = assertThrows(JobFailedException.class, () -> GveClient.requireSucceeded(failed));
        assertEquals("AGENT_UNAVAILABLE", e.code());
        assertTrue(e.getMessage().contains("agent kvm-1 is down"));
        assertSame(failed, e.job().orElseThrow());
        assertEquals("JOB_FAILED", assertThrows(JobFailedException.class,
                () -> GveClient.requireSucceeded(job(JobStatus.FAILED, null))).code());
    }

    @Test
    void aCancelledJobIsAFailureToo() {
        assertEquals(JobFailedException.CANCELLED, assertThrows(JobFailedException.class,
                () -> GveClient.requireSucceeded(job(JobStatus.CANCELLED, null))).code());
        assertThrows(IllegalStateException.class, () -> GveClient.requireSucceeded(job(JobStatus.RUNNING, null)));
    }

    @Test
    void makingAClientTouchesNoNetwork() {
        try (GveClient client = new GveClient(GveClientConfig.of(URI.create("http://192.0.2.1/gve"), "a", "b".toCharArray()))) {
            assertEquals("a", client.config().user());
        }
    }
}
