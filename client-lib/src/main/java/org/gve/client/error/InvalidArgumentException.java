package org.gve.client.error;

/** The request was malformed or not sensible (the site's InvalidArgumentFault). */
public final class InvalidArgumentException extends GveException {
    private static final long serialVersionUID = 1L;

    public InvalidArgumentException(String code, String message) {
        this(code, message, null);
    }

    public InvalidArgumentException(String code, String message, Throwable cause) {
        super(ErrorKind.INVALID_ARGUMENT, code, message, cause);
    }
}
