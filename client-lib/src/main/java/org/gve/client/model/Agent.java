package org.gve.client.model;

import java.net.URI;
import java.time.Instant;

/** A registered Agent Service with its health and (when known, else null) capacity. */
public record Agent(String name, URI endpoint, Hypervisor hypervisor, AgentHealth health, String healthDetail,
                    Instant lastSeen, Integer vcpusTotal, Integer vcpusFree, Long memoryMiBTotal,
                    Long memoryMiBFree, Integer vmCount) {
}
