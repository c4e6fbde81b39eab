package org.gve.agent.spi;

/** A driver failure with a reason the agent can act on. Drivers throw nothing else on purpose. */
public class DriverException extends RuntimeException {
    private final DriverError error;

    public DriverException(DriverError error, String message) {
        super(message);
        this.error = error;
    }

    public DriverException(DriverError error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public DriverError error() {
        return error;
    }
}
