package org.gve.site.jobs;

import jakarta.persistence.LockModeType;
import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.identity.Caller;
import org.gve.site.persistence.JobEntity;
import org.gve.site.persistence.JobSequence;
import org.gve.site.persistence.UserEntity;
import org.gve.site.quota.QuotaLedger;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Writes jobs and answers about them. The job row (with its quota reservation) commits before any
 * work starts; then the dispatcher is woken.
 */
public final class JobService {
    private final SessionFactory sessions;
    private final JobPayloads payloads;
    private final JobSequence sequence;
    private final Clock clock;
    private final Runnable wakeDispatcher;

    public JobService(SessionFactory sessions, JobPayloads payloads, JobSequence sequence, Clock clock,
                      Runnable wakeDispatcher) {
        this.sessions = sessions;
        this.payloads = payloads;
        this.sequence = sequence;
        this.clock = clock;
        this.wakeDispatcher = wakeDispatcher;
    }

    /**
     * Writes a job and its quota reservation in one transaction, with the owner's row locked: the
     * quota check and the client-token lookup of one user's concurrent submissions run one after
     * another, so the quota cannot be passed and one token never makes two jobs.
     */
    public JobView submit(Submission submission) {
        String request = payloads.write(submission.request());
        JobView job = sessions.fromTransaction(s -> {
            UserEntity user = QuotaLedger.lockUser(s, submission.owner());
            if (submission.clientToken() != null) {
                JobEntity earlier = byToken(s, submission.owner(), submission.clientToken());
                if (earlier != null) return view(earlier);
            }
            QuotaLedger.reserve(s, user, submission.reservation());
            JobEntity entity = new JobEntity("job-" + UUID.randomUUID(), sequence.next(s), submission.owner(),
                    submission.operation().name(), submission.vmId(), request, submission.clientToken(), clock.instant());
            Reservation r = submission.reservation();
            entity.reserve(r.vms(), r.vcpus(), r.memoryMiB(), r.diskMiB());
            s.persist(entity);
            return view(entity);
        });
        wakeDispatcher.run();
        return job;
    }

    /** One job of the caller (administrators may read any); NOT_FOUND otherwise, so ids leak nothing. */
    public JobView job(Caller caller, String jobId) {
        return sessions.fromSession(s -> view(visible(s, caller, jobId)));
    }

    public List<JobView> jobs(Caller caller, JobStatus status, int max) {
        if (max < 1 || max > 1000) throw SiteException.invalid("INVALID_MAX_RESULTS", "MaxResults must be 1..1000");
        String hql = "from JobEntity j where j.owner = :owner" + (status != null ? " and j.status = :status" : "")
                + " order by j.seq desc";
        return sessions.fromSession(s -> {
            var query = s.createSelectionQuery(hql, JobEntity.class).setParameter("owner", caller.userName());
            if (status != null) query.setParameter("status", status.name());
            return query.setMaxResults(max).getResultList().stream().map(JobService::view).toList();
        });
    }

    /** Cancels a PENDING job and returns its reservation; a job already running cannot be cancelled. */
    public JobView cancel(Caller caller, String jobId) {
        return sessions.fromTransaction(s -> {
            JobEntity job = visible(s, caller, jobId);
            s.lock(job, LockModeType.PESSIMISTIC_WRITE);
            s.refresh(job);
            if (!JobStatus.PENDING.name().equals(job.status())) {
                throw new SiteException(SiteFault.INVALID_STATE, "JOB_NOT_PENDING",
                        "job " + jobId + " is " + job.status() + "; only PENDING jobs can be cancelled");
            }
            job.fail(JobStatus.CANCELLED.name(), "CANCELLED", "cancelled by " + caller.userName(), clock.instant());
            return view(job);
        });
    }

    /**
     * Deletes jobs that finished (SUCCEEDED, FAILED, CANCELLED) more than {@code retention} ago: their
     * state and results are no longer answered (NOT_FOUND) and their client tokens may be used again.
     * Unfinished jobs are never touched. {@code Duration.ZERO} keeps every job.
     *
     * @return how many jobs were deleted
     */
    public int purgeFinished(java.time.Duration retention) {
        if (retention.isZero() || retention.isNegative()) return 0;
        java.time.Instant cutoff = clock.instant().minus(retention);
        return sessions.fromTransaction(s -> s.createMutationQuery("delete from JobEntity j where j.status in"
                        + " ('SUCCEEDED', 'FAILED', 'CANCELLED') and j.finished < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate());
    }

    private static JobEntity visible(Session s, Caller caller, String jobId) {
        if (jobId == null || jobId.isBlank()) throw SiteException.invalid("MISSING_JOB_ID", "JobID is required");
        JobEntity job = s.find(JobEntity.class, jobId);
        if (job == null || !(job.owner().equals(caller.userName()) || caller.isAdministrator())) {
            throw SiteException.notFound("job", jobId);
        }
        return job;
    }

    private static JobEntity byToken(Session s, String owner, String token) {
        return s.createSelectionQuery("from JobEntity j where j.owner = :owner and j.clientToken = :token", JobEntity.class)
                .setParameter("owner", owner).setParameter("token", token)
                .uniqueResult();
    }

    static JobView view(JobEntity j) {
        return new JobView(j.jobId(), Operation.valueOf(j.operation()), j.vmId(), JobStatus.valueOf(j.status()),
                j.progress(), j.faultCode(), j.faultMessage(), j.owner(), j.created(), j.started(), j.finished(),
                j.result());
    }

    /** A finished job's result, or why there is none. */
    public String result(Caller caller, String jobId, Operation... expected) {
        JobView job = job(caller, jobId);
        if (!List.of(expected).contains(job.operation())) {
            throw SiteException.invalid("WRONG_JOB_KIND",
                    "job " + jobId + " is a " + job.operation() + " job; this operation reads " + List.of(expected) + " results");
        }
        switch (job.status()) {
            case PENDING, RUNNING -> throw new SiteException(SiteFault.INVALID_STATE, "JOB_NOT_FINISHED",
                    "job " + jobId + " is " + job.status() + "; poll GetJobState until it finishes");
            case FAILED, CANCELLED -> throw new SiteException(SiteFault.JOB_FAILED,
                    job.faultCode() != null ? job.faultCode() : "JOB_FAILED",
                    "job " + jobId + " " + job.status() + ": " + job.faultMessage());
            case SUCCEEDED -> {
                return job.result();
            }
        }
        throw new IllegalStateException("unknown status " + job.status());
    }
}
