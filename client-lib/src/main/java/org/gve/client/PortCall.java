package org.gve.client;

import org.gve.wsdl.site.AgentUnavailableFault;
import org.gve.wsdl.site.InvalidArgumentFault;
import org.gve.wsdl.site.InvalidStateFault;
import org.gve.wsdl.site.JobFailedFault;
import org.gve.wsdl.site.LeaseExpiredFault;
import org.gve.wsdl.site.NotAuthorizedFault;
import org.gve.wsdl.site.NotFoundFault;
import org.gve.wsdl.site.QuotaExceededFault;
import org.gve.wsdl.site.UnsupportedOperationFault;

/** One operation on a Site port {@code P}; it may throw any fault the Site contract declares. */
@FunctionalInterface
interface PortCall<P, T> {
    T call(P port) throws InvalidArgumentFault, NotAuthorizedFault, NotFoundFault, InvalidStateFault,
            QuotaExceededFault, LeaseExpiredFault, AgentUnavailableFault, JobFailedFault,
            UnsupportedOperationFault;
}
