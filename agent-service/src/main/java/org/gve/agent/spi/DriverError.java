package org.gve.agent.spi;

/** Why a driver operation failed; the agent endpoint maps each to a typed WSDL fault. */
public enum DriverError {
    NOT_FOUND,
    ALREADY_EXISTS,
    INVALID_ARGUMENT,
    INVALID_STATE,
    UNSUPPORTED,
    GUEST_UNAVAILABLE,
    TIMEOUT,
    BACKEND_FAILURE
}
