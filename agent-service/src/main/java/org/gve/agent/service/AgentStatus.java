package org.gve.agent.service;

import org.gve.agent.spi.HostDescription;
import org.gve.agent.spi.HypervisorKind;

/** The agent's answer to "who are you and how full are you". */
public record AgentStatus(String agentName, HypervisorKind kind, HostDescription host, int vcpusUsed,
                          long memoryMiBUsed, int vmCount) {
}
