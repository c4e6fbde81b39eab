package org.gve.client.error;

/** A transferred file's SHA-256 differs between what was sent and what arrived. */
public final class ChecksumMismatchException extends GveException {
    private static final long serialVersionUID = 1L;

    public ChecksumMismatchException(String code, String message) {
        this(code, message, null);
    }

    public ChecksumMismatchException(String code, String message, Throwable cause) {
        super(ErrorKind.CHECKSUM_MISMATCH, code, message, cause);
    }
}
