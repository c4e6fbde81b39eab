package org.gve.site.accounting;

import java.time.Instant;

/** What one user consumed over [from, to). */
public record UsageRecord(String userName, Instant from, Instant to, double vmHours, double vcpuHours,
                          double memoryMiBHours) {
}
