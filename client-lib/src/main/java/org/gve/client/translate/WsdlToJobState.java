package org.gve.client.translate;

import org.gve.client.model.JobState;
import org.gve.client.model.JobStatus;
import org.gve.wsdl.runtime.XmlTimes;

/** The contract's JobState to the domain {@link JobState}. */
public final class WsdlToJobState {
    private WsdlToJobState() {
    }

    public static JobState apply(org.gve.wsdl.site.JobState s) {
        return new JobState(s.getJobID(), s.getOperation(), s.getVirtualMachineID(), status(s.getStatus()),
                s.getProgress(), WsdlToFault.apply(s.getFault()), s.getOwner(),
                XmlTimes.toInstant(s.getCreated()), XmlTimes.toInstant(s.getStarted()),
                XmlTimes.toInstant(s.getFinished()));
    }

    public static JobStatus status(org.gve.wsdl.site.JobStatus s) {
        if (s == null) throw new IllegalArgumentException("job state without a Status");
        return switch (s) {
            case PENDING -> JobStatus.PENDING;
            case RUNNING -> JobStatus.RUNNING;
            case SUCCEEDED -> JobStatus.SUCCEEDED;
            case FAILED -> JobStatus.FAILED;
            case CANCELLED -> JobStatus.CANCELLED;
        };
    }
}
