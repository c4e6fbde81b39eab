package org.gve.client.error;

/** The target is not in a state that allows the operation (InvalidStateFault). */
public final class InvalidStateException extends GveException {
    private static final long serialVersionUID = 1L;

    public InvalidStateException(String code, String message) {
        this(code, message, null);
    }

    public InvalidStateException(String code, String message, Throwable cause) {
        super(ErrorKind.INVALID_STATE, code, message, cause);
    }
}
