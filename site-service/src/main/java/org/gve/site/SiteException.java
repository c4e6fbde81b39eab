package org.gve.site;

/** A failure of the site's domain layer; only the endpoint layer turns it into a WSDL fault. */
public class SiteException extends RuntimeException {
    private final SiteFault fault;
    private final String code;

    public SiteException(SiteFault fault, String code, String message) {
        super(message);
        this.fault = fault;
        this.code = code;
    }

    public SiteException(SiteFault fault, String code, String message, Throwable cause) {
        super(message, cause);
        this.fault = fault;
        this.code = code;
    }

    public SiteFault fault() {
        return fault;
    }

    /** Stable machine-readable reason, e.g. QUOTA_EXCEEDED or VM_NOT_FOUND. */
    public String code() {
        return code;
    }

    public static SiteException invalid(String code, String message) {
        return new SiteException(SiteFault.INVALID_ARGUMENT, code, message);
    }

    public static SiteException notFound(String what, String id) {
        return new SiteException(SiteFault.NOT_FOUND, what.toUpperCase().replace(' ', '_') + "_NOT_FOUND",
                "no " + what + " '" + id + "' for this user");
    }
}
