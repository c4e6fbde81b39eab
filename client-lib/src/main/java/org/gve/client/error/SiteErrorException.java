package org.gve.client.error;

/** The site answered with a fault its contract does not declare: an internal error of the site. */
public final class SiteErrorException extends GveException {
    private static final long serialVersionUID = 1L;

    public SiteErrorException(String code, String message) {
        this(code, message, null);
    }

    public SiteErrorException(String code, String message, Throwable cause) {
        super(ErrorKind.SITE_ERROR, code, message, cause);
    }
}
