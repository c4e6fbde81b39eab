package org.gve.client.fakesite;

import jakarta.jws.WebService;
import org.gve.wsdl.runtime.Faults;
import org.gve.wsdl.site.InvalidStateFault;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStateQuery;
import org.gve.wsdl.site.JobStatus;
import org.gve.wsdl.site.NotFoundFault;

import java.util.Comparator;
import java.util.List;

/** Fake JobStateQuery: every GetJobState moves the job one step on. */
@WebService(endpointInterface = "org.gve.wsdl.site.JobStateQuery", serviceName = "SiteService",
        portName = "JobStateQueryPort", targetNamespace = "urn:gve:site:1")
public class FakeJobStateEndpoint extends FakeSiteEndpoints implements JobStateQuery {

    public FakeJobStateEndpoint(FakeSite site) {
        super(site);
    }

    @Override
    public JobState getJobState(String jobId) throws NotFoundFault {
        FakeSite.FakeJob job = own(jobId);
        site.advance(job);
        return job.state;
    }

    @Override
    public List<JobState> listJobs(JobStatus status, Integer maxResults) {
        String user = caller();
        return site.jobs.values().stream().map(j -> j.state)
                .filter(s -> s.getOwner().equals(user) && (status == null || s.getStatus() == status))
                .sorted(Comparator.comparing((JobState s) -> Integer.parseInt(s.getJobID().substring(4))).reversed())
                .limit(maxResults == null ? Long.MAX_VALUE : maxResults).toList();
    }

    @Override
    public JobState cancelJob(String jobId) throws NotFoundFault, InvalidStateFault {
        FakeSite.FakeJob job = own(jobId);
        synchronized (job) {
            if (job.state.getStatus() != JobStatus.PENDING) {
                throw new InvalidStateFault("running", Faults.detail("JOB_NOT_PENDING", jobId + " is " + job.state.getStatus()));
            }
            job.state.setStatus(JobStatus.CANCELLED);
        }
        return job.state;
    }

    private FakeSite.FakeJob own(String jobId) throws NotFoundFault {
        String user = caller();
        FakeSite.FakeJob job = site.jobs.get(jobId);
        if (job == null || !job.state.getOwner().equals(user)) {
            throw new NotFoundFault("no such job", Faults.detail("JOB_NOT_FOUND", "no job " + jobId));
        }
        return job;
    }
}
