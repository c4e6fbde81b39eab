package org.gve.client.error;

import com.sun.xml.ws.client.ClientTransportException;
import com.sun.xml.ws.resources.ClientMessages;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFactory;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import org.gve.wsdl.common.FaultDetail;
import org.gve.wsdl.runtime.Faults;
import org.gve.wsdl.site.AgentUnavailableFault;
import org.gve.wsdl.site.InvalidArgumentFault;
import org.gve.wsdl.site.InvalidStateFault;
import org.gve.wsdl.site.JobFailedFault;
import org.gve.wsdl.site.LeaseExpiredFault;
import org.gve.wsdl.site.NotAuthorizedFault;
import org.gve.wsdl.site.NotFoundFault;
import org.gve.wsdl.site.QuotaExceededFault;
import org.gve.wsdl.site.UnsupportedOperationFault;
import org.junit.jupiter.api.Test;

import javax.xml.namespace.QName;
import java.net.ConnectException;
import java.net.HttpRetryException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultMapperTest {
    static final URI ENDPOINT = URI.create("http://site:8080/gve/site/JobStateQuery");

    record Case(BiFunction<String, FaultDetail, Exception> fault, Class<? extends GveException> expected, ErrorKind kind) {
    }

    @Test
    void everyDeclaredFaultMapsByTypeKeepingCodeAndMessage() {
        List<Case> cases = List.of(
                new Case(InvalidArgumentFault::new, InvalidArgumentException.class, ErrorKind.INVALID_ARGUMENT),
                new Case(NotAuthorizedFault::new, NotAuthorizedException.class, ErrorKind.NOT_AUTHORIZED),
                new Case(NotFoundFault::new, NotFoundException.class, ErrorKind.NOT_FOUND),
                new Case(InvalidStateFault::new, InvalidStateException.class, ErrorKind.INVALID_STATE),
                new Case(QuotaExceededFault::new, QuotaExceededException.class, ErrorKind.QUOTA_EXCEEDED),
                new Case(LeaseExpiredFault::new, LeaseExpiredException.class, ErrorKind.LEASE_EXPIRED),
                new Case(AgentUnavailableFault::new, AgentUnavailableException.class, ErrorKind.AGENT_UNAVAILABLE),
                new Case(JobFailedFault::new, JobFailedException.class, ErrorKind.JOB_FAILED),
                new Case(UnsupportedOperationFault::new, GveUnsupportedException.class, ErrorKind.UNSUPPORTED));
        for (Case c : cases) {
            // the SOAP fault string says something else on purpose: only the type and the detail count
            Exception fault = c.fault().apply("misleading text: NOT FOUND", Faults.detail("SOME_CODE", "for people"));
            GveException e = FaultMapper.fromFault(fault);
            assertInstanceOf(c.expected(), e);
            assertEquals(c.kind(), e.kind());
            assertEquals("SOME_CODE", e.code());
            assertEquals("for people", e.getMessage());
            assertSame(fault, e.getCause());
        }
    }

    @Test
    void aFaultWithoutDetailStillMaps() {
        GveException e = FaultMapper.fromFault(new NotFoundFault("x", null));
        assertInstanceOf(NotFoundException.class, e);
        assertEquals("UNKNOWN", e.code());
    }

    @Test
    void callRethrowsMappedFaults() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> FaultMapper.call(ENDPOINT, "alice", () -> {
            throw new NotFoundFault("no", Faults.detail("JOB_NOT_FOUND", "no job j-1"));
        }));
        assertEquals("JOB_NOT_FOUND", e.code());
        assertEquals("ok", FaultMapper.call(ENDPOINT, "alice", () -> "ok"));
        assertThrows(IllegalArgumentException.class, () -> FaultMapper.fromFault(new Exception("not a fault")));
    }

    @Test
    void http401IsNotAuthorizedNamingTheUser() {
        GveException e = map(new ClientTransportException(ClientMessages.localizableHTTP_STATUS_CODE(401, "Unauthorized")));
        assertInstanceOf(NotAuthorizedException.class, e);
        assertEquals("AUTHENTICATION_FAILED", e.code());
        assertTrue(e.getMessage().contains("'alice'"), e.getMessage());
        GveException streaming = map(new WebServiceException(new HttpRetryException("cannot retry", 401)));
        assertEquals("AUTHENTICATION_FAILED", streaming.code());
    }

    @Test
    void otherHttpStatusesAreUnreachableOrForbidden() {
        assertEquals("FORBIDDEN", map(new ClientTransportException(ClientMessages.localizableHTTP_STATUS_CODE(403, "Forbidden"))).code());
        GveException notFound = map(new ClientTransportException(ClientMessages.localizableHTTP_STATUS_CODE(404, "Not Found")));
        assertInstanceOf(SiteUnreachableException.class, notFound);
        assertEquals("HTTP_404", notFound.code());
        assertEquals("HTTP_404", map(new ClientTransportException(ClientMessages.localizableHTTP_NOT_FOUND("x"))).code());
        assertEquals("HTTP_502", map(new ClientTransportException(ClientMessages.localizableHTTP_STATUS_CODE(502, "Bad Gateway"))).code());
        GveException tooLarge = map(new ClientTransportException(ClientMessages.localizableHTTP_STATUS_CODE(413, "Payload Too Large")));
        assertInstanceOf(InvalidArgumentException.class, tooLarge);
        assertEquals("TOO_LARGE", tooLarge.code());
        assertTrue(tooLarge.getMessage().contains("gve.max-upload-mib"), tooLarge.getMessage());
    }

    @Test
    void ioFailuresAreSiteUnreachableByCauseType() {
        assertEquals("TIMEOUT", map(new WebServiceException(new SocketTimeoutException("Read timed out"))).code());
        assertEquals("CONNECTION_FAILED", map(new ClientTransportException(new ConnectException("refused"))).code());
        assertEquals("UNKNOWN_HOST", map(new WebServiceException(new UnknownHostException("site"))).code());
        assertEquals("TRANSPORT_ERROR", map(new WebServiceException(new java.io.EOFException())).code());
        assertInstanceOf(SiteUnreachableException.class, map(new WebServiceException(new SocketTimeoutException())));
    }

    @Test
    void undeclaredSoapFaultsAndGarbageAreSiteErrors() throws SOAPException {
        SOAPFaultException soap = new SOAPFaultException(SOAPFactory.newInstance()
                .createFault("NullPointerException", new QName("http://schemas.xmlsoap.org/soap/envelope/", "Server")));
        GveException e = map(soap);
        assertInstanceOf(SiteErrorException.class, e);
        assertEquals("SITE_ERROR", e.code());
        assertTrue(e.getMessage().contains("NullPointerException"));
        assertEquals("PROTOCOL_ERROR", map(new WebServiceException("unexpected XML tag")).code());
    }

    private static GveException map(WebServiceException e) {
        return FaultMapper.fromWebService(e, ENDPOINT, "alice");
    }
}
