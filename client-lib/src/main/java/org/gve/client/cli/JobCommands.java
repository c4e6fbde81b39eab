package org.gve.client.cli;

import org.gve.client.GveClient;
import org.gve.client.model.JobState;
import org.gve.client.model.JobStatus;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.gve.client.cli.CommandDef.options;

/** Commands that follow jobs: list, show, wait, cancel. */
final class JobCommands {
    private JobCommands() {
    }

    static List<CommandDef> all() {
        return List.of(
                new CommandDef("jobs", "jobs [--status PENDING|RUNNING|SUCCEEDED|FAILED|CANCELLED] [--max N]",
                        "list your jobs, newest first", options("status=", "max="), (a, s) -> {
                            a.expect(0, 0, "no arguments");
                            JobStatus status = a.value("status").map(JobCommands::status).orElse(null);
                            Integer max = a.intValue("max");
                            s.print().jobs(s.client().listJobs(status, max));
                            return ExitCodes.OK;
                        }),
                new CommandDef("job", "job JOBID", "show one job", options(), (a, s) -> {
                    a.expect(1, 1, "JOBID");
                    s.print().job(s.client().jobState(a.positional(0)));
                    return ExitCodes.OK;
                }),
                new CommandDef("wait", "wait JOBID [--timeout S]",
                        "wait until a job is final; exits 0 only if it SUCCEEDED", options("timeout="), (a, s) -> {
                            a.expect(1, 1, "JOBID");
                            Duration timeout = CommandDef.waitTimeout(a);
                            JobState state = s.client().await(a.positional(0), timeout);
                            s.print().job(state);
                            GveClient.requireSucceeded(state);
                            return ExitCodes.OK;
                        }),
                new CommandDef("cancel", "cancel JOBID", "cancel a PENDING job", options(), (a, s) -> {
                    a.expect(1, 1, "JOBID");
                    JobState state = s.client().cancelJob(a.positional(0));
                    s.print().line(state.jobId() + " " + state.status());
                    return ExitCodes.OK;
                }));
    }

    static JobStatus status(String text) {
        try {
            return JobStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--status must be PENDING, RUNNING, SUCCEEDED, FAILED or CANCELLED", e);
        }
    }
}
