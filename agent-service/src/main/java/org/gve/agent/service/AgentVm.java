package org.gve.agent.service;

import org.gve.agent.registry.Holding;
import org.gve.agent.spi.VmDescription;

/** A VM as the agent answers about it: what the hypervisor says plus who holds it. */
public record AgentVm(VmDescription vm, Holding holding) {
}
