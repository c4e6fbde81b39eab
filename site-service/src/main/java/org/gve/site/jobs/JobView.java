package org.gve.site.jobs;

import java.time.Instant;

/** A job as the site answers about it. {@code result} is the operation's JSON result once SUCCEEDED. */
public record JobView(String jobId, Operation operation, String vmId, JobStatus status, String progress,
                      String faultCode, String faultMessage, String owner, Instant created, Instant started,
                      Instant finished, String result) {
}
