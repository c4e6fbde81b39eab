package org.gve.agent;

/** Why an agent operation failed, one per typed fault of AgentService.wsdl. */
public enum AgentFault {
    INVALID_ARGUMENT,
    NOT_AUTHORIZED,
    NOT_FOUND,
    INVALID_STATE,
    UNSUPPORTED,
    HYPERVISOR,
    GUEST
}
