package org.gve.site.jobs;

import jakarta.persistence.LockModeType;
import org.gve.site.SiteException;
import org.gve.site.persistence.JobEntity;
import org.gve.site.persistence.VmEntity;
import org.hibernate.SessionFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs PENDING jobs on a bounded pool, in submission order. A job is claimed (PENDING -> RUNNING,
 * with this node's name) with its row and its VM's row locked, and never while another job on the
 * same VM runs or an earlier one on it waits, so jobs on one VM run one at a time and in order.
 * Before dispatching starts, {@link #recoverInterrupted} deals with jobs this node left RUNNING:
 * resumable ones go back to PENDING, the others are undone by their handler and end FAILED with
 * code SITE_RESTARTED.
 */
public final class JobDispatcher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JobDispatcher.class.getName());
    private final SessionFactory sessions;
    private final JobPayloads payloads;
    private final Map<Operation, JobHandler> handlers;
    private final String node;
    private final Clock clock;
    private final Duration pollInterval;
    private final Semaphore freeWorkers;
    private final ExecutorService workers;
    private final Semaphore wake = new Semaphore(0);
    private final Thread loop;
    private volatile boolean running = true;

    public JobDispatcher(SessionFactory sessions, JobPayloads payloads, List<JobHandler> handlerList, String node,
                         Clock clock, Duration pollInterval, int workerCount) {
        this.sessions = sessions;
        this.payloads = payloads;
        this.handlers = new EnumMap<>(Operation.class);
        for (JobHandler h : handlerList) {
            if (handlers.put(h.operation(), h) != null) throw new IllegalArgumentException("two handlers for " + h.operation());
        }
        for (Operation op : Operation.values()) {
            if (!handlers.containsKey(op)) throw new IllegalArgumentException("no job handler for " + op);
        }
        this.node = node;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.freeWorkers = new Semaphore(workerCount);
        this.workers = Executors.newFixedThreadPool(workerCount, r -> {
            Thread t = new Thread(r, "gve-job-worker");
            t.setDaemon(true);
            return t;
        });
        this.loop = new Thread(this::dispatchLoop, "gve-job-dispatcher");
        this.loop.setDaemon(true);
    }

    /** Starts dispatching; call {@link #recoverInterrupted} first. */
    public void start() {
        loop.start();
    }

    public void wake() {
        wake.release();
    }

    /**
     * Deals with the jobs a previous run of this node left RUNNING: a resumable job is queued again
     * (it runs from the start once dispatching begins); any other is undone by its handler and ends
     * FAILED with code SITE_RESTARTED and the reason. Returns how many jobs it found.
     */
    public int recoverInterrupted() {
        List<JobEntity> interrupted = sessions.fromSession(s -> s.createSelectionQuery(
                "from JobEntity j where j.status = 'RUNNING' and (j.node = :node or j.node is null) order by j.seq",
                        JobEntity.class)
                .setParameter("node", node).getResultList());
        for (JobEntity job : interrupted) {
            JobContext context = new JobContext(sessions, payloads, job);
            JobHandler handler = handlers.get(context.operation());
            if (handler.resumable()) {
                sessions.inTransaction(s -> s.find(JobEntity.class, job.jobId())
                        .requeue("queued again: the site restarted while this job ran"));
                LOG.warning("job " + job.jobId() + " (" + job.operation() + ") resumes after a site restart");
                continue;
            }
            String reason = "the site stopped while this job ran";
            try {
                handler.recover(context);
                reason += "; what it had started was undone";
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "recovery of job " + job.jobId() + " failed", e);
                reason += "; undoing it failed (" + e.getMessage() + "), an administrator should check VM "
                        + context.agentVmId() + " on agent " + context.agentName();
            }
            finish(job.jobId(), JobStatus.FAILED, "SITE_RESTARTED", reason);
            LOG.warning("job " + job.jobId() + " ended FAILED at start-up: " + reason);
        }
        return interrupted.size();
    }

    private void dispatchLoop() {
        while (running) {
            try {
                wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                dispatchPending();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "job dispatch failed; retrying at the next poll", e);
            }
        }
    }

    private void dispatchPending() {
        if (freeWorkers.availablePermits() == 0) return;
        List<String> pending = sessions.fromSession(s -> s.createSelectionQuery(
                "select j.jobId from JobEntity j where j.status = 'PENDING' order by j.seq", String.class)
                .setMaxResults(100).getResultList());
        for (String jobId : pending) {
            if (!freeWorkers.tryAcquire()) return;
            JobEntity claimed = claim(jobId);
            if (claimed == null) {
                freeWorkers.release();
                continue;
            }
            JobContext context = new JobContext(sessions, payloads, claimed);
            workers.execute(() -> {
                try {
                    run(context);
                } finally {
                    freeWorkers.release();
                    wake();
                }
            });
        }
    }

    private JobEntity claim(String jobId) {
        return sessions.fromTransaction(s -> {
            JobEntity job = s.find(JobEntity.class, jobId, LockModeType.PESSIMISTIC_WRITE);
            if (job == null || !JobStatus.PENDING.name().equals(job.status())) return null;
            if (job.vmId() != null) {
                // the VM's row lock orders claims of several nodes on one VM
                s.find(VmEntity.class, job.vmId(), LockModeType.PESSIMISTIC_WRITE);
                long busy = s.createSelectionQuery("select count(*) from JobEntity j where j.vmId = :vm"
                        + " and (j.status = 'RUNNING' or (j.status = 'PENDING' and j.seq < :seq))", Long.class)
                        .setParameter("vm", job.vmId()).setParameter("seq", job.seq()).getSingleResult();
                if (busy > 0) return null;
            }
            job.start(node, clock.instant());
            return job;
        });
    }

    private void run(JobContext context) {
        JobHandler handler = handlers.get(context.operation());
        try {
            JobOutcome outcome = handler.run(context);
            try {
                sessions.inTransaction(s -> {
                    outcome.commit().accept(s);
                    s.find(JobEntity.class, context.jobId()).succeed(outcome.result(), clock.instant());
                });
            } catch (RuntimeException commitFailed) {
                undo(handler, context);
                throw commitFailed;
            }
        } catch (SiteException e) {
            finish(context.jobId(), JobStatus.FAILED, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "job " + context.jobId() + " failed unexpectedly", e);
            finish(context.jobId(), JobStatus.FAILED, "INTERNAL_ERROR",
                    "internal error (see the site log for job " + context.jobId() + ")");
        }
    }

    /** The work was done but could not be recorded: undo it on the agents rather than leak it. */
    private static void undo(JobHandler handler, JobContext context) {
        try {
            handler.recover(context);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not undo job " + context.jobId() + " after its commit failed", e);
        }
    }

    private void finish(String jobId, JobStatus status, String code, String message) {
        sessions.inTransaction(s -> s.find(JobEntity.class, jobId)
                .fail(status.name(), code, message == null ? code : message, clock.instant()));
    }

    @Override
    public void close() {
        running = false;
        loop.interrupt();
        workers.shutdown();
        try {
            if (loop.isAlive()) loop.join(TimeUnit.SECONDS.toMillis(10));
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) workers.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }
}
