package org.gve.client.error;

/** No such VM, job, agent or user visible to the caller (NotFoundFault). */
public final class NotFoundException extends GveException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String code, String message) {
        this(code, message, null);
    }

    public NotFoundException(String code, String message, Throwable cause) {
        super(ErrorKind.NOT_FOUND, code, message, cause);
    }
}
