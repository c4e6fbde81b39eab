package org.gve.client.error;

/** Granting the request would pass the caller's quota (QuotaExceededFault). */
public final class QuotaExceededException extends GveException {
    private static final long serialVersionUID = 1L;

    public QuotaExceededException(String code, String message) {
        this(code, message, null);
    }

    public QuotaExceededException(String code, String message, Throwable cause) {
        super(ErrorKind.QUOTA_EXCEEDED, code, message, cause);
    }
}
