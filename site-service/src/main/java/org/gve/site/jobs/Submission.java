package org.gve.site.jobs;

/**
 * A job to write: who asks, what, on which VM (null for new VMs), the request payload, an optional
 * client token making retries idempotent, and what it reserves of the owner's quota.
 */
public record Submission(String owner, Operation operation, String vmId, Object request, String clientToken,
                         Reservation reservation) {
}
