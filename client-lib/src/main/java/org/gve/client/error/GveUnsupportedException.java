package org.gve.client.error;

/** The hypervisor cannot do this operation (UnsupportedOperationFault). */
public final class GveUnsupportedException extends GveException {
    private static final long serialVersionUID = 1L;

    public GveUnsupportedException(String code, String message) {
        this(code, message, null);
    }

    public GveUnsupportedException(String code, String message, Throwable cause) {
        super(ErrorKind.UNSUPPORTED, code, message, cause);
    }
}
