package org.gve.agent;

/** A failure of the agent's domain layer; the endpoint turns it into the matching WSDL fault. */
public class AgentException extends RuntimeException {
    private final AgentFault fault;
    private final String code;

    public AgentException(AgentFault fault, String code, String message) {
        super(message);
        this.fault = fault;
        this.code = code;
    }

    public AgentException(AgentFault fault, String code, String message, Throwable cause) {
        super(message, cause);
        this.fault = fault;
        this.code = code;
    }

    public AgentFault fault() {
        return fault;
    }

    /** Stable machine-readable reason, e.g. VM_NOT_FOUND. */
    public String code() {
        return code;
    }
}
