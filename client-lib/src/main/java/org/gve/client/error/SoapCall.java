package org.gve.client.error;

import org.gve.wsdl.site.AgentUnavailableFault;
import org.gve.wsdl.site.InvalidArgumentFault;
import org.gve.wsdl.site.InvalidStateFault;
import org.gve.wsdl.site.JobFailedFault;
import org.gve.wsdl.site.LeaseExpiredFault;
import org.gve.wsdl.site.NotAuthorizedFault;
import org.gve.wsdl.site.NotFoundFault;
import org.gve.wsdl.site.QuotaExceededFault;
import org.gve.wsdl.site.UnsupportedOperationFault;

/** One call to a Site port: it may throw any fault the Site contract declares, and nothing else checked. */
@FunctionalInterface
public interface SoapCall<T> {
    T call() throws InvalidArgumentFault, NotAuthorizedFault, NotFoundFault, InvalidStateFault,
            QuotaExceededFault, LeaseExpiredFault, AgentUnavailableFault, JobFailedFault,
            UnsupportedOperationFault;
}
