package org.gve.agent.vsphere.soap;

/** The endpoint answered something that is not a SOAP envelope we can read (HTML error page, empty body...). */
public final class SoapProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SoapProtocolException(String message) {
        super(message);
    }

    public SoapProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
