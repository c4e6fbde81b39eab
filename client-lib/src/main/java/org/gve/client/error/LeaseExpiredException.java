package org.gve.client.error;

/** The VM's lease has ended; an administrator must extend it (LeaseExpiredFault). */
public final class LeaseExpiredException extends GveException {
    private static final long serialVersionUID = 1L;

    public LeaseExpiredException(String code, String message) {
        this(code, message, null);
    }

    public LeaseExpiredException(String code, String message, Throwable cause) {
        super(ErrorKind.LEASE_EXPIRED, code, message, cause);
    }
}
