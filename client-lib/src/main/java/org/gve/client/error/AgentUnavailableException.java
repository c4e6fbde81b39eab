package org.gve.client.error;

/** The agent holding the VM, or every suitable agent, is down (AgentUnavailableFault). */
public final class AgentUnavailableException extends GveException {
    private static final long serialVersionUID = 1L;

    public AgentUnavailableException(String code, String message) {
        this(code, message, null);
    }

    public AgentUnavailableException(String code, String message, Throwable cause) {
        super(ErrorKind.AGENT_UNAVAILABLE, code, message, cause);
    }
}
