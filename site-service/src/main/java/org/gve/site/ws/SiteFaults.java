package org.gve.site.ws;

import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFactory;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.ws.soap.SOAPFaultException;
import org.gve.site.SiteException;
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

/**
 * The one place site failures become SiteService.wsdl faults. {@link #typed} gives the typed fault
 * of a failure; each {@code Guard} variant rethrows it when its operations declare that fault. A
 * failure an operation does not declare becomes a plain SOAP Server fault carrying its code and
 * message, never a stack trace.
 */
final class SiteFaults {
    interface Call<T> {
        T run();
    }

    private SiteFaults() {
    }

    static Exception typed(SiteException e) {
        FaultDetail d = Faults.detail(e.code(), e.getMessage());
        String m = e.getMessage();
        return switch (e.fault()) {
            case INVALID_ARGUMENT -> new InvalidArgumentFault(m, d);
            case NOT_AUTHORIZED -> new NotAuthorizedFault(m, d);
            case NOT_FOUND -> new NotFoundFault(m, d);
            case INVALID_STATE -> new InvalidStateFault(m, d);
            case QUOTA_EXCEEDED -> new QuotaExceededFault(m, d);
            case LEASE_EXPIRED -> new LeaseExpiredFault(m, d);
            case AGENT_UNAVAILABLE -> new AgentUnavailableFault(m, d);
            case UNSUPPORTED -> new UnsupportedOperationFault(m, d);
            case JOB_FAILED -> new JobFailedFault(m, d);
        };
    }

    static <X extends Exception> void throwIf(Exception fault, Class<X> type) throws X {
        if (type.isInstance(fault)) throw type.cast(fault);
    }

    static SOAPFaultException undeclared(SiteException e) {
        try {
            SOAPFault fault = SOAPFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL)
                    .createFault(e.code() + ": " + e.getMessage(), SOAPConstants.SOAP_RECEIVER_FAULT);
            return new SOAPFaultException(fault);
        } catch (SOAPException soap) {
            throw new IllegalStateException("cannot build a SOAP fault", soap);
        }
    }
}
