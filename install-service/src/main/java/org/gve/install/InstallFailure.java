package org.gve.install;

import java.util.Objects;

/**
 * A domain failure of the InstallService. {@link Kind} says which WSDL fault it becomes (only the
 * endpoint layer turns it into one); {@code code} is the stable machine-readable reason carried in
 * the fault's {@code FaultDetail/Code}; the message is for people and never holds a stack trace.
 */
public final class InstallFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** Which fault of the contract this failure maps to. */
    public enum Kind {
        /** The caller sent something unusable: empty argv, bad mode, relative path... */
        INVALID_ARGUMENT,
        /** A file or program named by the caller does not exist. */
        NOT_FOUND,
        /** The guest failed: I/O error, process could not start. */
        GUEST
    }

    private final Kind kind;
    private final String code;

    public InstallFailure(Kind kind, String code, String message) {
        this(kind, code, message, null);
    }

    public InstallFailure(Kind kind, String code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
    }

    public static InstallFailure invalid(String code, String message) {
        return new InstallFailure(Kind.INVALID_ARGUMENT, code, message);
    }

    public static InstallFailure notFound(String code, String message) {
        return new InstallFailure(Kind.NOT_FOUND, code, message);
    }

    public static InstallFailure guest(String code, String message, Throwable cause) {
        return new InstallFailure(Kind.GUEST, code, message, cause);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
