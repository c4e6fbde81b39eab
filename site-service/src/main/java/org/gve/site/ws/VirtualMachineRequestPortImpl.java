package org.gve.site.ws;

import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineProfile;
import org.gve.site.vm.ProfileValidator;
import org.gve.site.vm.VmRequestService;
import org.gve.wsdl.site.AgentUnavailableFault;
import org.gve.wsdl.site.InvalidArgumentFault;
import org.gve.wsdl.site.InvalidStateFault;
import org.gve.wsdl.site.JobFailedFault;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.LeaseExpiredFault;
import org.gve.wsdl.site.NotAuthorizedFault;
import org.gve.wsdl.site.NotFoundFault;
import org.gve.wsdl.site.QuotaExceededFault;
import org.gve.wsdl.site.VirtualMachineRequest;

/** VirtualMachineRequest port: validate, submit the job, answer with its state at once. */
@WebService(serviceName = "SiteService", portName = "VirtualMachineRequestPort", targetNamespace = "urn:gve:site:1",
        endpointInterface = "org.gve.wsdl.site.VirtualMachineRequest", wsdlLocation = "org/gve/wsdl/SiteService.wsdl")
public class VirtualMachineRequestPortImpl implements VirtualMachineRequest {
    private final VmRequestService requests;
    private final ProfileValidator validator;
    @Resource
    private WebServiceContext context;

    public VirtualMachineRequestPortImpl(VmRequestService requests, ProfileValidator validator) {
        this.requests = requests;
        this.validator = validator;
    }

    @Override
    public JobState requestVirtualMachine(VirtualMachineProfile profile, String virtualMachineID, Long leaseSeconds,
                                          String clientToken) throws AgentUnavailableFault, InvalidArgumentFault,
            LeaseExpiredFault, NotAuthorizedFault, NotFoundFault, QuotaExceededFault {
        return Guards.request(() -> SiteTranslations.jobState(requests.request(Callers.of(context),
                SiteTranslations.profile(profile, validator), virtualMachineID, leaseSeconds, clientToken)));
    }

    @Override
    public VirtualMachine getRequestVirtualMachineResult(String jobID) throws InvalidArgumentFault,
            InvalidStateFault, JobFailedFault, NotAuthorizedFault, NotFoundFault {
        return Guards.result(() -> SiteTranslations.virtualMachine(requests.result(Callers.of(context), jobID)));
    }
}
