package org.gve.client.cli;

import org.gve.client.AfterMode;
import org.gve.client.RunJobInVm;
import org.gve.client.RunJobResult;
import org.gve.client.RunJobSpec;
import org.gve.client.error.LocalFileException;
import org.gve.client.model.CommandResult;
import org.gve.client.model.GuestCommand;
import org.gve.client.model.GuestFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.gve.client.cli.CommandDef.options;

/** Commands that reach into a guest: run a program, copy files, and the run-job workflow. */
final class GuestCommands {
    /** How much longer than the guest program's own timeout {@code run} waits for its job. */
    static final Duration RUN_MARGIN = Duration.ofMinutes(5);
    /** The site's default guest command timeout, per the contract. */
    static final Duration SITE_COMMAND_TIMEOUT = Duration.ofSeconds(60);
    static final String[] COMMAND_OPTIONS = {"cwd=", "env+", "stdin-file="};

    private GuestCommands() {
    }

    static List<CommandDef> all() {
        return List.of(
                new CommandDef("run", "run VMID [--timeout S] [--cwd DIR] [--env K=V]... [--stdin-file F] -- PROGRAM [ARGS...]",
                        "run a program in a VM; prints its output and exits with its exit code",
                        options(VmCommands.concat(COMMAND_OPTIONS, "timeout=")), GuestCommands::run),
                new CommandDef("put", "put VMID LOCAL REMOTE [--mode 0644]", "copy a file into a VM", options("mode="),
                        (a, s) -> {
                            a.expect(3, 3, "VMID LOCAL REMOTE");
                            GuestFile f = s.client().copyFileTo(a.positional(0), Path.of(a.positional(1)),
                                    a.positional(2), a.value("mode").orElse(null));
                            s.print().file("wrote " + a.positional(0) + ":" + f.path() + " from", f, a.positional(1));
                            return ExitCodes.OK;
                        }),
                new CommandDef("get", "get VMID REMOTE LOCAL", "copy a file out of a VM", options(), (a, s) -> {
                    a.expect(3, 3, "VMID REMOTE LOCAL");
                    GuestFile f = s.client().copyFileFrom(a.positional(0), a.positional(1), Path.of(a.positional(2)));
                    s.print().file("wrote " + a.positional(2) + " from", f, a.positional(0) + ":" + f.path());
                    return ExitCodes.OK;
                }),
                new CommandDef("run-job", "run-job (--vm VMID | --vcpus N --memory MiB ...) [--in LOCAL:REMOTE]..."
                        + " [--out REMOTE:LOCAL]... [--after keep|suspend|shutdown|release] [--timeout S]"
                        + " [--command-timeout S] [--cwd DIR] [--env K=V]... -- PROGRAM [ARGS...]",
                        "acquire a VM, stage files in, run a program, stage results out, then keep/suspend/shutdown/release",
                        options(VmCommands.concat(VmCommands.concat(VmCommands.PROFILE_OPTIONS, COMMAND_OPTIONS),
                                "vm=", "in+", "out+", "after=", "timeout=", "command-timeout=")), GuestCommands::runJob));
    }

    private static int run(Args a, Session s) {
        a.expect(1, 1, "VMID -- PROGRAM [ARGS...]");
        Duration timeout = a.seconds("timeout");
        GuestCommand command = command(a, timeout);
        Duration wait = (timeout == null ? SITE_COMMAND_TIMEOUT : timeout).plus(RUN_MARGIN);
        return report(s, s.client().run(a.positional(0), command, wait));
    }

    private static int runJob(Args a, Session s) {
        a.expect(0, 0, "options and -- PROGRAM [ARGS...]");
        boolean existing = a.value("vm").isPresent();
        RunJobSpec spec = new RunJobSpec(existing ? null : VmCommands.profile(a), a.value("vm").orElse(null),
                a.seconds("lease"), a.value("token").orElse(null), stageIn(a.values("in")),
                command(a, a.seconds("command-timeout")), stageOut(a.values("out")), after(a, existing),
                CommandDef.waitTimeout(a));
        RunJobResult result = new RunJobInVm(s.client(), s.clock(), s::progress).run(spec);
        return report(s, result.result());
    }

    /** The program after {@code --} with {@code --cwd --env --stdin-file}. */
    static GuestCommand command(Args a, Duration timeout) {
        if (a.rest().isEmpty()) throw new UsageException("give the program after --, e.g. -- /bin/echo hello");
        Map<String, String> env = new LinkedHashMap<>();
        for (String pair : a.values("env")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new UsageException("--env needs NAME=VALUE, not '" + pair + "'");
            env.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        String stdin = a.value("stdin-file").map(f -> readText(Path.of(f))).orElse(null);
        return new GuestCommand(a.rest(), env, a.value("cwd").orElse(null), stdin, timeout);
    }

    static List<RunJobSpec.StageIn> stageIn(List<String> specs) {
        List<RunJobSpec.StageIn> in = new ArrayList<>();
        for (String spec : specs) {
            String[] p = pair(spec, "--in LOCAL:REMOTE");
            in.add(new RunJobSpec.StageIn(Path.of(p[0]), p[1], null));
        }
        return in;
    }

    static List<RunJobSpec.StageOut> stageOut(List<String> specs) {
        List<RunJobSpec.StageOut> out = new ArrayList<>();
        for (String spec : specs) {
            String[] p = pair(spec, "--out REMOTE:LOCAL");
            out.add(new RunJobSpec.StageOut(p[0], Path.of(p[1])));
        }
        return out;
    }

    /** {@code --after}, by default RELEASE for a requested VM and KEEP for one given with {@code --vm}. */
    static AfterMode after(Args a, boolean existingVm) {
        try {
            return a.value("after").map(AfterMode::parse).orElse(existingVm ? AfterMode.KEEP : AfterMode.RELEASE);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** Splits at the first colon; both halves must be non-empty. */
    static String[] pair(String spec, String form) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) throw new UsageException("expected " + form + ", got '" + spec + "'");
        return new String[] {spec.substring(0, colon), spec.substring(colon + 1)};
    }

    /** Prints the program's output; returns its exit code (124 when the site killed it at its timeout). */
    static int report(Session s, CommandResult r) {
        s.out().print(r.stdout());
        s.out().flush();
        s.err().print(r.stderr());
        if (r.stdoutTruncated()) s.err().println("gve: note: the site truncated the program's stdout");
        if (r.stderrTruncated()) s.err().println("gve: note: the site truncated the program's stderr");
        if (r.timedOut()) {
            s.err().println("gve: GUEST_TIMEOUT: the program was killed at its timeout");
            return ExitCodes.GUEST_TIMED_OUT;
        }
        return ExitCodes.guest(r.exitCode());
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocalFileException("LOCAL_IO_ERROR", "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
