package org.gve.client.translate;

import org.gve.client.model.JobStatus;

/** The domain {@link JobStatus} to the contract's, for the ListJobs filter; null stays null. */
public final class JobStatusToWsdl {
    private JobStatusToWsdl() {
    }

    public static org.gve.wsdl.site.JobStatus apply(JobStatus s) {
        if (s == null) return null;
        return switch (s) {
            case PENDING -> org.gve.wsdl.site.JobStatus.PENDING;
            case RUNNING -> org.gve.wsdl.site.JobStatus.RUNNING;
            case SUCCEEDED -> org.gve.wsdl.site.JobStatus.SUCCEEDED;
            case FAILED -> org.gve.wsdl.site.JobStatus.FAILED;
            case CANCELLED -> org.gve.wsdl.site.JobStatus.CANCELLED;
        };
    }
}
