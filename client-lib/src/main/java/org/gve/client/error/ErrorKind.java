package org.gve.client.error;

/** The kinds of {@link GveException}; one per exception class, so callers may switch on it. */
public enum ErrorKind {
    /** The site answered with a fault the contract does not declare (an internal error of the site). */
    SITE_ERROR,
    INVALID_ARGUMENT,
    NOT_AUTHORIZED,
    NOT_FOUND,
    INVALID_STATE,
    QUOTA_EXCEEDED,
    LEASE_EXPIRED,
    AGENT_UNAVAILABLE,
    UNSUPPORTED,
    JOB_FAILED,
    /** Transport failure: cannot connect, no answer in time, not a GVE site at that address. */
    SITE_UNREACHABLE,
    /** A client-side wait ended before the job did. */
    WAIT_TIMEOUT,
    /** A transferred file's SHA-256 differs between the two ends. */
    CHECKSUM_MISMATCH,
    /** A local file could not be read or written. */
    LOCAL_IO
}
