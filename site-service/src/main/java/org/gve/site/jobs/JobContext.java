package org.gve.site.jobs;

import org.gve.site.persistence.JobEntity;
import org.hibernate.SessionFactory;

/** A running job as its handler sees it: its request, and ways to record progress as it goes. */
public final class JobContext {
    private final SessionFactory sessions;
    private final JobPayloads payloads;
    private final String jobId;
    private final String owner;
    private final String request;
    private final Operation operation;
    private volatile String vmId;
    private volatile String agentName;
    private volatile String agentVmId;
    private volatile boolean agentVmCreated;
    private final Reservation reservation;

    JobContext(SessionFactory sessions, JobPayloads payloads, JobEntity job) {
        this.sessions = sessions;
        this.payloads = payloads;
        this.jobId = job.jobId();
        this.owner = job.owner();
        this.request = job.request();
        this.operation = Operation.valueOf(job.operation());
        this.vmId = job.vmId();
        this.agentName = job.agentName();
        this.agentVmId = job.agentVmId();
        this.agentVmCreated = job.agentVmCreated();
        this.reservation = new Reservation(job.reservedVms(), job.reservedVcpus(), job.reservedMemoryMiB(),
                job.reservedDiskMiB());
    }

    /** What this job reserved of its owner's quota when it was written. */
    public Reservation reservation() {
        return reservation;
    }

    public String jobId() { return jobId; }
    public String owner() { return owner; }
    public Operation operation() { return operation; }
    public String vmId() { return vmId; }
    public String agentName() { return agentName; }
    public String agentVmId() { return agentVmId; }
    public boolean agentVmCreated() { return agentVmCreated; }

    public <T> T request(Class<T> type) {
        return payloads.read(request, type);
    }

    /** Records a progress note clients see in GetJobState. */
    public void progress(String note) {
        sessions.inTransaction(s -> s.find(JobEntity.class, jobId).progress(note));
    }

    /** Records the agent VM the job took or made, committed before the job goes on. */
    public void agentVm(String agent, String vmOnAgent, boolean created) {
        sessions.inTransaction(s -> s.find(JobEntity.class, jobId).agentVm(agent, vmOnAgent, created));
        this.agentName = agent;
        this.agentVmId = vmOnAgent;
        this.agentVmCreated = created;
    }

    /**
     * Commits a fact the job has made true outside the site (a VM that moved) at once, before the job
     * goes on, so a later failure cannot leave the site's records pointing at the past.
     */
    public void recordNow(java.util.function.Consumer<org.hibernate.Session> change) {
        sessions.inTransaction(change);
    }

    public String json(Object result) {
        return payloads.write(result);
    }
}
