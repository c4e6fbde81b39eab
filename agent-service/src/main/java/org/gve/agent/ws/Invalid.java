package org.gve.agent.ws;

import org.gve.agent.AgentException;
import org.gve.agent.AgentFault;

/** Shorthand for the InvalidArgument failures the endpoint raises itself. */
final class Invalid {
    private Invalid() {
    }

    static AgentException argument(String code, String message) {
        return new AgentException(AgentFault.INVALID_ARGUMENT, code, message);
    }
}
