package org.gve.agent.service;

import org.gve.agent.AgentException;
import org.gve.agent.AgentFault;
import org.gve.agent.spi.DriverException;

/** Turns a driver's failure into the agent's: the one mapping from DriverError to AgentFault. */
final class DriverFailures {
    private DriverFailures() {
    }

    static AgentException translate(DriverException e) {
        return switch (e.error()) {
            case NOT_FOUND -> new AgentException(AgentFault.NOT_FOUND, "VM_NOT_FOUND", e.getMessage(), e);
            case ALREADY_EXISTS -> new AgentException(AgentFault.INVALID_ARGUMENT, "ALREADY_EXISTS", e.getMessage(), e);
            case INVALID_ARGUMENT -> new AgentException(AgentFault.INVALID_ARGUMENT, "INVALID_ARGUMENT", e.getMessage(), e);
            case INVALID_STATE -> new AgentException(AgentFault.INVALID_STATE, "INVALID_VM_STATE", e.getMessage(), e);
            case UNSUPPORTED -> new AgentException(AgentFault.UNSUPPORTED, "UNSUPPORTED", e.getMessage(), e);
            case GUEST_UNAVAILABLE -> new AgentException(AgentFault.GUEST, "GUEST_UNAVAILABLE", e.getMessage(), e);
            case TIMEOUT -> new AgentException(AgentFault.HYPERVISOR, "HYPERVISOR_TIMEOUT", e.getMessage(), e);
            case BACKEND_FAILURE -> new AgentException(AgentFault.HYPERVISOR, "HYPERVISOR_FAILURE", e.getMessage(), e);
        };
    }
}
