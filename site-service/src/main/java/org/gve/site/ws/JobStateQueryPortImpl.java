package org.gve.site.ws;

import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import org.gve.site.jobs.JobService;
import org.gve.wsdl.site.InvalidArgumentFault;
import org.gve.wsdl.site.InvalidStateFault;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStateQuery;
import org.gve.wsdl.site.JobStatus;
import org.gve.wsdl.site.NotAuthorizedFault;
import org.gve.wsdl.site.NotFoundFault;

import java.util.List;

/** JobStateQuery port. */
@WebService(serviceName = "SiteService", portName = "JobStateQueryPort", targetNamespace = "urn:gve:site:1",
        endpointInterface = "org.gve.wsdl.site.JobStateQuery", wsdlLocation = "org/gve/wsdl/SiteService.wsdl")
public class JobStateQueryPortImpl implements JobStateQuery {
    private final JobService jobs;
    @Resource
    private WebServiceContext context;

    public JobStateQueryPortImpl(JobService jobs) {
        this.jobs = jobs;
    }

    @Override
    public JobState getJobState(String jobID) throws InvalidArgumentFault, NotAuthorizedFault, NotFoundFault {
        return Guards.read(() -> SiteTranslations.jobState(jobs.job(Callers.of(context), jobID)));
    }

    @Override
    public List<JobState> listJobs(JobStatus status, Integer maxResults) throws InvalidArgumentFault, NotAuthorizedFault {
        return Guards.query(() -> jobs.jobs(Callers.of(context),
                status == null ? null : org.gve.site.jobs.JobStatus.valueOf(status.name()),
                maxResults == null ? 100 : maxResults).stream().map(SiteTranslations::jobState).toList());
    }

    @Override
    public JobState cancelJob(String jobID) throws InvalidArgumentFault, InvalidStateFault, NotAuthorizedFault,
            NotFoundFault {
        return Guards.admin(() -> SiteTranslations.jobState(jobs.cancel(Callers.of(context), jobID)));
    }
}
