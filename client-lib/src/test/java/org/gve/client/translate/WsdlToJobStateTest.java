package org.gve.client.translate;

import org.gve.client.model.JobState;
import org.gve.client.model.JobStatus;
import org.gve.wsdl.runtime.Faults;
import org.gve.wsdl.runtime.XmlTimes;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WsdlToJobStateTest {
    static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void copiesEveryField() {
        org.gve.wsdl.site.JobState w = new org.gve.wsdl.site.JobState();
        w.setJobID("job-7");
        w.setOperation("REQUEST_VM");
        w.setVirtualMachineID("vm-1");
        w.setStatus(org.gve.wsdl.site.JobStatus.FAILED);
        w.setProgress("cloning");
        w.setFault(Faults.detail("TEMPLATE_NOT_FOUND", "no template"));
        w.setOwner("alice");
        w.setCreated(XmlTimes.toXml(CREATED));
        w.setStarted(XmlTimes.toXml(CREATED.plusSeconds(1)));
        w.setFinished(XmlTimes.toXml(CREATED.plusSeconds(5)));

        JobState d = WsdlToJobState.apply(w);

        assertEquals("job-7", d.jobId());
        assertEquals("REQUEST_VM", d.operation());
        assertEquals("vm-1", d.vmId());
        assertEquals(JobStatus.FAILED, d.status());
        assertEquals("cloning", d.progress());
        assertEquals("TEMPLATE_NOT_FOUND", d.fault().code());
        assertEquals("no template", d.fault().message());
        assertEquals("alice", d.owner());
        assertEquals(CREATED, d.created());
        assertEquals(CREATED.plusSeconds(1), d.started());
        assertEquals(CREATED.plusSeconds(5), d.finished());
    }

    @Test
    void optionalFieldsStayNull() {
        org.gve.wsdl.site.JobState w = new org.gve.wsdl.site.JobState();
        w.setJobID("job-1");
        w.setStatus(org.gve.wsdl.site.JobStatus.PENDING);
        JobState d = WsdlToJobState.apply(w);
        assertNull(d.vmId());
        assertNull(d.fault());
        assertNull(d.started());
        assertEquals(JobStatus.PENDING, d.status());
    }

    @Test
    void everyStatusMapsByName() {
        for (org.gve.wsdl.site.JobStatus s : org.gve.wsdl.site.JobStatus.values()) {
            assertEquals(s.name(), WsdlToJobState.status(s).name());
        }
        assertThrows(IllegalArgumentException.class, () -> WsdlToJobState.status(null));
    }

    @Test
    void statusesMapBackForTheListFilter() {
        for (JobStatus s : JobStatus.values()) assertEquals(s.name(), JobStatusToWsdl.apply(s).name());
        assertNull(JobStatusToWsdl.apply(null));
    }
}
