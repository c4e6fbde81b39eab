package org.gve.client.cli;

import org.gve.client.error.ErrorKind;

/**
 * The exit codes of {@code gve}, one per kind of failure. {@code run} and {@code run-job} exit with the
 * guest program's own exit code when it ran ({@link #GUEST_TIMED_OUT} when the site killed it).
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int SITE_ERROR = 1;
    public static final int USAGE = 2;
    public static final int INVALID_ARGUMENT = 3;
    public static final int NOT_AUTHORIZED = 4;
    public static final int NOT_FOUND = 5;
    public static final int INVALID_STATE = 6;
    public static final int QUOTA_EXCEEDED = 7;
    public static final int LEASE_EXPIRED = 8;
    public static final int AGENT_UNAVAILABLE = 9;
    public static final int UNSUPPORTED = 10;
    public static final int JOB_FAILED = 11;
    public static final int SITE_UNREACHABLE = 12;
    public static final int WAIT_TIMEOUT = 13;
    public static final int CHECKSUM_MISMATCH = 14;
    public static final int LOCAL_IO = 15;
    /** The guest program was killed at its timeout (as GNU timeout(1) does). */
    public static final int GUEST_TIMED_OUT = 124;

    private ExitCodes() {
    }

    public static int of(ErrorKind kind) {
        return switch (kind) {
            case SITE_ERROR -> SITE_ERROR;
            case INVALID_ARGUMENT -> INVALID_ARGUMENT;
            case NOT_AUTHORIZED -> NOT_AUTHORIZED;
            case NOT_FOUND -> NOT_FOUND;
            case INVALID_STATE -> INVALID_STATE;
            case QUOTA_EXCEEDED -> QUOTA_EXCEEDED;
            case LEASE_EXPIRED -> LEASE_EXPIRED;
            case AGENT_UNAVAILABLE -> AGENT_UNAVAILABLE;
            case UNSUPPORTED -> UNSUPPORTED;
            case JOB_FAILED -> JOB_FAILED;
            case SITE_UNREACHABLE -> SITE_UNREACHABLE;
            case WAIT_TIMEOUT -> WAIT_TIMEOUT;
            case CHECKSUM_MISMATCH -> CHECKSUM_MISMATCH;
            case LOCAL_IO -> LOCAL_IO;
        };
    }

    /** A guest exit code as a process exit code (0-255). */
    public static int guest(int exitCode) {
        return exitCode >= 0 && exitCode <= 255 ? exitCode : 255;
    }
}
