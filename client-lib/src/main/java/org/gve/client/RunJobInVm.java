package org.gve.client;

import org.gve.client.error.AwaitTimeoutException;
import org.gve.client.error.GveException;
import org.gve.client.error.InvalidStateException;
import org.gve.client.model.CommandResult;
import org.gve.client.model.GuestFile;
import org.gve.client.model.JobState;
import org.gve.client.model.Vm;
import org.gve.client.model.VmState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The GridWay "run a job in a virtual machine" workflow over a {@link GveClient}: acquire a VM (request
 * and wait, or take one already held), make sure it runs, stage input files in, run the program, stage
 * results out, then apply the {@link AfterMode} - also when a step failed, so a failed job with
 * {@code RELEASE} never leaks a VM. A program's non-zero exit code is a result, not a failure: results
 * are still staged out. If the wait for the VM itself times out, the request job is cancelled (the site
 * only cancels PENDING jobs; a refusal is attached to the timeout as a suppressed exception).
 */
public final class RunJobInVm {
    private static final Logger LOG = Logger.getLogger(RunJobInVm.class.getName());

    private final GveClient client;
    private final Clock clock;
    private final Consumer<String> progress;

    public RunJobInVm(GveClient client) {
        this(client, Clock.systemUTC(), message -> LOG.fine(message));
    }

    /** @param progress receives one line per step, for people */
    public RunJobInVm(GveClient client, Clock clock, Consumer<String> progress) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    public RunJobResult run(RunJobSpec spec) {
        Instant deadline = clock.instant().plus(spec.timeout());
        Vm vm = acquire(spec, deadline);
        GveException failure = null;
        try {
            vm = ensureRunning(vm, deadline);
            List<GuestFile> in = new ArrayList<>();
            for (RunJobSpec.StageIn s : spec.stageIn()) {
                progress.accept("staging in " + s.local() + " -> " + vm.id() + ":" + s.remote());
                in.add(client.copyFileTo(vm.id(), s.local(), s.remote(), s.mode()));
            }
            progress.accept("running " + String.join(" ", spec.command().argv()) + " in " + vm.id());
            JobState job = client.runCommand(vm.id(), spec.command());
            CommandResult result = client.awaitCommand(job.jobId(), remaining(deadline));
            progress.accept("program exited with " + result.exitCode());
            List<GuestFile> out = new ArrayList<>();
            for (RunJobSpec.StageOut s : spec.stageOut()) {
                progress.accept("staging out " + vm.id() + ":" + s.remote() + " -> " + s.local());
                out.add(client.copyFileFrom(vm.id(), s.remote(), s.local()));
            }
            return new RunJobResult(vm, result, in, out, spec.after());
        } catch (GveException e) {
            failure = e;
            throw e;
        } finally {
            applyAfter(spec.after(), vm.id(), deadline, failure);
        }
    }

    private Vm acquire(RunJobSpec spec, Instant deadline) {
        if (spec.existingVmId() != null) {
            progress.accept("using VM " + spec.existingVmId());
            return client.describeVm(spec.existingVmId());
        }
        JobState job = client.requestVm(spec.profile(), spec.lease(), spec.clientToken());
        progress.accept("requested a VM: job " + job.jobId());
        try {
            Vm vm = client.awaitVm(job.jobId(), remaining(deadline));
            boolean named = vm.name() != null && !vm.name().equals(vm.id());
            progress.accept("acquired VM " + vm.id() + (named ? " (" + vm.name() + ")" : ""));
            return vm;
        } catch (AwaitTimeoutException e) {
            cancelQuietly(job.jobId(), e);
            throw e;
        }
    }

    private Vm ensureRunning(Vm vm, Instant deadline) {
        JobState job = switch (vm.state()) {
            case RUNNING -> null;
            case SUSPENDED -> client.resume(vm.id());
            case DEFINED, STOPPED, SAVED, CRASHED, UNKNOWN -> client.start(vm.id());
            case LOST -> throw new InvalidStateException("VM_LOST", "VM " + vm.id()
                    + " is LOST: its agent no longer has it; release it and request another");
        };
        if (job == null) return vm;
        progress.accept((vm.state() == VmState.SUSPENDED ? "resuming " : "starting ") + vm.id());
        return client.awaitManaged(job.jobId(), remaining(deadline)).orElse(vm);
    }

    private void applyAfter(AfterMode after, String vmId, Instant deadline, GveException failure) {
        if (after == AfterMode.KEEP) return;
        try {
            progress.accept(after.name().toLowerCase(java.util.Locale.ROOT) + " " + vmId);
            JobState job = switch (after) {
                case SUSPEND -> client.suspend(vmId);
                case SHUTDOWN -> client.shutdown(vmId, false);
                case RELEASE -> client.release(vmId);
                case KEEP -> throw new IllegalStateException("unreachable");
            };
            // the after-step gets its own minute even when the workflow used up its deadline
            Duration wait = remaining(deadline);
            client.awaitSuccess(job.jobId(), wait.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : wait);
        } catch (GveException e) {
            if (failure == null) throw e;
            failure.addSuppressed(e);
        }
    }

    private void cancelQuietly(String jobId, GveException cause) {
        try {
            client.cancelJob(jobId);
            progress.accept("cancelled VM request " + jobId);
        } catch (GveException e) {
            LOG.log(Level.FINE, "could not cancel " + jobId, e);
            cause.addSuppressed(e);
        }
    }

    private Duration remaining(Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
