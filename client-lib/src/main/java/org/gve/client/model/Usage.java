package org.gve.client.model;

import java.time.Instant;

/** What one user consumed over [from, to); hours are wall-clock hours a VM was held. */
public record Usage(String user, Instant from, Instant to, double vmHours, double vcpuHours,
                    double memoryMiBHours) {
}
