package org.gve.site.agents;

/** An agent's answer to GetAgentInfo: capacity and use. */
public record AgentStatusView(String name, String hypervisor, int vcpusTotal, int vcpusUsed, long memoryMiBTotal,
                              long memoryMiBUsed, int vmCount) {
}
