package org.gve.client.error;

import java.util.Objects;

/**
 * Root of every error the GVE client raises. Each carries the fault's stable {@link #code()} (from the
 * site's FaultDetail, e.g. {@code VM_NOT_FOUND}, or a client code such as {@code SITE_UNREACHABLE}) and a
 * message for people. Unchecked: callers catch the kinds they can handle.
 */
public abstract class GveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final String code;

    protected GveException(ErrorKind kind, String code, String message, Throwable cause) {
        super(message == null || message.isBlank() ? code : message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorKind kind() {
        return kind;
    }

    /** The stable machine-readable reason. */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + code + "]: " + getMessage();
    }
}
