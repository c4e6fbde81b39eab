package org.gve.client.error;

/** A local file could not be read or written. */
public final class LocalFileException extends GveException {
    private static final long serialVersionUID = 1L;

    public LocalFileException(String code, String message) {
        this(code, message, null);
    }

    public LocalFileException(String code, String message, Throwable cause) {
        super(ErrorKind.LOCAL_IO, code, message, cause);
    }
}
