package org.gve.client.error;

/** The site could not be reached or did not answer in time (a transport failure). */
public final class SiteUnreachableException extends GveException {
    private static final long serialVersionUID = 1L;

    public SiteUnreachableException(String code, String message) {
        this(code, message, null);
    }

    public SiteUnreachableException(String code, String message, Throwable cause) {
        super(ErrorKind.SITE_UNREACHABLE, code, message, cause);
    }
}
