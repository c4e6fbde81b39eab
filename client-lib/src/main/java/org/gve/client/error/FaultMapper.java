package org.gve.client.error;

import com.sun.xml.ws.util.exception.JAXWSExceptionBase;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import org.gve.client.model.FaultInfo;
import org.gve.client.translate.WsdlToFault;
import org.gve.wsdl.common.FaultDetail;
import org.gve.wsdl.site.AgentUnavailableFault;
import org.gve.wsdl.site.InvalidArgumentFault;
import org.gve.wsdl.site.InvalidStateFault;
import org.gve.wsdl.site.JobFailedFault;
import org.gve.wsdl.site.LeaseExpiredFault;
import org.gve.wsdl.site.NotAuthorizedFault;
import org.gve.wsdl.site.NotFoundFault;
import org.gve.wsdl.site.QuotaExceededFault;
import org.gve.wsdl.site.UnsupportedOperationFault;

import java.net.ConnectException;
import java.net.HttpRetryException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.io.IOException;
import java.util.OptionalInt;

/**
 * THE place where what the SOAP stack throws becomes a {@link GveException}: declared faults by their
 * generated type, transport failures by exception type and HTTP status (never by message text).
 */
public final class FaultMapper {
    /** Metro's message key for "The server sent HTTP status code {0}: {1}". */
    static final String METRO_HTTP_STATUS_KEY = "http.status.code";
    /** Metro's message key for "HTTP Status-Code 404: Not Found - {0}". */
    static final String METRO_HTTP_NOT_FOUND_KEY = "http.not.found";

    private FaultMapper() {
    }

    /**
     * Runs one call, mapping whatever it throws.
     *
     * @param endpoint the address called, for messages
     * @param user     the user the call authenticated as, for messages
     */
    public static <T> T call(URI endpoint, String user, SoapCall<T> call) {
        try {
            return call.call();
        } catch (InvalidArgumentFault | NotAuthorizedFault | NotFoundFault | InvalidStateFault
                 | QuotaExceededFault | LeaseExpiredFault | AgentUnavailableFault | JobFailedFault
                 | UnsupportedOperationFault fault) {
            throw fromFault(fault);
        } catch (WebServiceException e) {
            throw fromWebService(e, endpoint, user);
        }
    }

    /** A declared fault of the Site contract, by its generated type; the fault stays attached as the cause. */
    public static GveException fromFault(Exception fault) {
        if (fault instanceof InvalidArgumentFault f) {
            FaultInfo i = info(f.getFaultInfo());
            return new InvalidArgumentException(i.code(), i.message(), f);
        }
        if (fault instanceof NotAuthorizedFault f) {
            FaultInfo i = info(f.getFaultInfo());
            return new NotAuthorizedException(i.code(), i.message(), f);
        }
        if (fault instanceof NotFoundFault f) {
            FaultInfo i = info(f.getFaultInfo());
            return new NotFoundException(i.code(), i.message(), f);
        }
        if (fault instanceof InvalidStateFault f) {
            FaultInfo i = info(f.getFaultInfo());
            return new InvalidStateException(i.code(), i.message(), f);
        }
        if (fault instanceof QuotaExceededFault f) {
            FaultInfo i = info(f.getFaultInfo());
            return new QuotaExceededException(i.code(), i.message(), f);
        }
        if (fault instanceof LeaseExpiredFault f) {
            FaultInfo i = info(f.getFaultInfo());
            return new LeaseExpiredException(i.code(), i.message(), f);
        }
        if (fault instanceof AgentUnavailableFault f) {
            FaultInfo i = info(f.getFaultInfo());
            return new AgentUnavailableException(i.code(), i.message(), f);
        }
        if (fault instanceof JobFailedFault f) {
            FaultInfo i = info(f.getFaultInfo());
            return new JobFailedException(i.code(), i.message(), null, f);
        }
        if (fault instanceof UnsupportedOperationFault f) {
            FaultInfo i = info(f.getFaultInfo());
            return new GveUnsupportedException(i.code(), i.message(), f);
        }
        throw new IllegalArgumentException("not a Site contract fault: " + fault.getClass().getName(), fault);
    }

    /** Anything else the JAX-WS runtime throws: undeclared SOAP faults, HTTP errors, I/O failures. */
    public static GveException fromWebService(WebServiceException e, URI endpoint, String user) {
        if (e instanceof SOAPFaultException soap) {
            String reason = soap.getFault() == null ? soap.getMessage() : soap.getFault().getFaultString();
            return new SiteErrorException("SITE_ERROR", "the site failed at " + endpoint + ": " + reason, e);
        }
        OptionalInt status = httpStatus(e);
        if (status.isPresent()) return fromHttpStatus(status.getAsInt(), endpoint, user, e);
        IOException io = ioCause(e);
        if (io instanceof SocketTimeoutException) {
            return new SiteUnreachableException("TIMEOUT", "no answer from " + endpoint + " in time (" + io.getMessage() + ")", e);
        }
        if (io instanceof ConnectException || io instanceof NoRouteToHostException) {
            return new SiteUnreachableException("CONNECTION_FAILED", "cannot connect to " + endpoint + ": " + io.getMessage(), e);
        }
        if (io instanceof UnknownHostException) {
            return new SiteUnreachableException("UNKNOWN_HOST", "unknown host " + endpoint.getHost(), e);
        }
        if (io != null) {
            return new SiteUnreachableException("TRANSPORT_ERROR", "talking to " + endpoint + " failed: " + io, e);
        }
        return new SiteErrorException("PROTOCOL_ERROR", "unexpected answer from " + endpoint + ": " + e.getMessage(), e);
    }

    static GveException fromHttpStatus(int status, URI endpoint, String user, Throwable cause) {
        if (status == 401) {
            return new NotAuthorizedException("AUTHENTICATION_FAILED", "the site rejected the credentials of user '"
                    + user + "' (HTTP 401); check the user name and password", cause);
        }
        if (status == 403) {
            return new NotAuthorizedException("FORBIDDEN", "user '" + user + "' may not call " + endpoint + " (HTTP 403)", cause);
        }
        if (status == 404) {
            return new SiteUnreachableException("HTTP_404", "no GVE endpoint at " + endpoint + " (HTTP 404); check the site URL", cause);
        }
        if (status == 413) {
            return new InvalidArgumentException("TOO_LARGE", "the request is larger than " + endpoint
                    + " accepts (HTTP 413; for file uploads see the site's gve.max-upload-mib)", cause);
        }
        return new SiteUnreachableException("HTTP_" + status, endpoint + " answered HTTP " + status, cause);
    }

    /** The HTTP status a failed call ended with, when the runtime tells it in structured form. */
    static OptionalInt httpStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpRetryException retry) return OptionalInt.of(retry.responseCode());
            if (t instanceof JAXWSExceptionBase metro) {
                if (METRO_HTTP_NOT_FOUND_KEY.equals(metro.getKey())) return OptionalInt.of(404);
                Object[] args = metro.getArguments();
                if (METRO_HTTP_STATUS_KEY.equals(metro.getKey()) && args != null && args.length > 0
                        && args[0] instanceof Number code) {
                    return OptionalInt.of(code.intValue());
                }
            }
            if (t.getCause() == t) break;
        }
        return OptionalInt.empty();
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) return io;
            if (t.getCause() == t) break;
        }
        return null;
    }

    private static FaultInfo info(FaultDetail detail) {
        FaultInfo info = WsdlToFault.apply(detail);
        return info == null ? new FaultInfo(WsdlToFault.UNKNOWN_CODE, "the site sent a fault without detail") : info;
    }
}
