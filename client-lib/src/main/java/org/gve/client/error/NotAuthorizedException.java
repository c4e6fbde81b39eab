package org.gve.client.error;

/** Wrong credentials (HTTP 401), or the caller may not do this (NotAuthorizedFault). */
public final class NotAuthorizedException extends GveException {
    private static final long serialVersionUID = 1L;

    public NotAuthorizedException(String code, String message) {
        this(code, message, null);
    }

    public NotAuthorizedException(String code, String message, Throwable cause) {
        super(ErrorKind.NOT_AUTHORIZED, code, message, cause);
    }
}
