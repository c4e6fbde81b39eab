package org.gve.site.agents;

import java.time.Instant;

/** A registered agent with its last known health and capacity. */
public record AgentView(String name, String endpointUrl, String hypervisor, String health, String healthDetail,
                        Instant lastSeen, int vcpusTotal, int vcpusUsed, long memoryMiBTotal, long memoryMiBUsed,
                        int vmCount) {
    public boolean isUp() {
        return "UP".equals(health);
    }

    public long memoryMiBFree() {
        return Math.max(0, memoryMiBTotal - memoryMiBUsed);
    }

    public int vcpusFree() {
        return Math.max(0, vcpusTotal - vcpusUsed);
    }
}
