package org.gve.install.command;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.gve.install.InstallFailure;

/**
 * Runs one program without a shell: argv as given, the service's environment plus the caller's
 * variables, a working directory, optional standard input. Output is captured up to a bound per
 * stream; past its timeout the process and every descendant it has are killed.
 */
public final class CommandRunner {

    private static final Logger LOG = Logger.getLogger(CommandRunner.class.getName());

    private final CommandLimits limits;
    private final ProgramLocator locator;
    private final Path defaultWorkingDirectory;

    /**
     * @param limits                  output and time bounds
     * @param searchPath              the service's PATH (the JDK looks bare program names up there)
     * @param defaultWorkingDirectory where commands run when the caller names no directory
     */
    public CommandRunner(CommandLimits limits, List<Path> searchPath, Path defaultWorkingDirectory) {
        this.limits = limits;
        this.locator = new ProgramLocator(searchPath);
        this.defaultWorkingDirectory = defaultWorkingDirectory.toAbsolutePath();
    }

    /** A runner with the service process's own PATH and working directory. */
    public static CommandRunner forThisProcess(CommandLimits limits) {
        return new CommandRunner(limits, ProgramLocator.parseSearchPath(System.getenv("PATH")), Path.of("").toAbsolutePath());
    }

    public CommandOutcome run(CommandSpec spec) throws InstallFailure {
        List<String> argv = validArgv(spec.argv());
        Duration timeout = validTimeout(spec.timeoutSeconds());
        Path dir = validWorkingDirectory(spec.workingDirectory());
        validEnvironment(spec.environment());
        locator.locate(argv.get(0), dir);
        if (spec.stdin() != null && spec.stdin().indexOf('\0') >= 0) {
            throw InstallFailure.invalid("INVALID_STDIN", "Stdin must not contain NUL characters");
        }

        ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile());
        builder.environment().putAll(spec.environment());
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw InstallFailure.guest("START_FAILED", "could not start " + argv.get(0) + ": " + e.getMessage(), e);
        }
        return supervise(process, spec.stdin(), timeout, started);
    }

    private CommandOutcome supervise(Process process, String stdin, Duration timeout, long started) throws InstallFailure {
        BoundedCapture out = new BoundedCapture(process.getInputStream(), limits.maxOutputBytes());
        BoundedCapture err = new BoundedCapture(process.getErrorStream(), limits.maxOutputBytes());
        Thread outReader = daemon(out, "gve-cmd-stdout-" + process.pid());
        Thread errReader = daemon(err, "gve-cmd-stderr-" + process.pid());
        daemon(() -> feed(process.getOutputStream(), stdin), "gve-cmd-stdin-" + process.pid());
        boolean timedOut = false;
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                killTree(process);
                process.waitFor();
            }
            long graceEnd = System.nanoTime() + limits.drainGrace().toNanos();
            outReader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(graceEnd - System.nanoTime())));
            errReader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(graceEnd - System.nanoTime())));
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw InstallFailure.guest("INTERRUPTED", "the service is shutting down; command killed", e);
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        CommandOutcome outcome = new CommandOutcome(process.exitValue(), out.text(), err.text(),
                out.truncated(), err.truncated(), timedOut, duration);
        if (outReader.isAlive() || errReader.isAlive()) {
            LOG.fine(() -> "pid " + process.pid() + " left a child holding its output open; no longer kept");
        }
        out.detach();
        err.detach();
        return outcome;
    }

    /** Kills the process and every descendant it has now (SIGKILL), children first seen, parent first killed. */
    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        // a descendant may have forked between the snapshot and the kill
        descendants.forEach(d -> d.descendants().forEach(ProcessHandle::destroyForcibly));
    }

    private static void feed(OutputStream stdin, String input) {
        try (stdin) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the program exited or closed its input without reading everything: not our failure
            LOG.log(Level.FINE, "stdin not fully consumed", e);
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static List<String> validArgv(List<String> argv) throws InstallFailure {
        if (argv.isEmpty() || argv.get(0) == null || argv.get(0).isEmpty()) {
            throw InstallFailure.invalid("EMPTY_COMMAND", "the command needs at least one Argument: the program to run");
        }
        for (String a : argv) {
            if (a == null || a.indexOf('\0') >= 0) {
                throw InstallFailure.invalid("INVALID_ARGUMENT", "arguments must not be missing or contain NUL characters");
            }
        }
        return argv;
    }

    private Duration validTimeout(Integer seconds) throws InstallFailure {
        if (seconds == null) {
            return limits.defaultTimeout();
        }
        if (seconds <= 0) {
            throw InstallFailure.invalid("INVALID_TIMEOUT", "TimeoutSeconds must be positive, was " + seconds);
        }
        Duration asked = Duration.ofSeconds(seconds);
        if (asked.compareTo(limits.maxTimeout()) > 0) {
            throw InstallFailure.invalid("INVALID_TIMEOUT",
                    "TimeoutSeconds " + seconds + " exceeds this service's limit of " + limits.maxTimeout().toSeconds());
        }
        return asked;
    }

    private Path validWorkingDirectory(String dir) throws InstallFailure {
        if (dir == null || dir.isEmpty()) {
            return defaultWorkingDirectory;
        }
        Path path;
        try {
            path = Path.of(dir);
        } catch (InvalidPathException e) {
            throw InstallFailure.invalid("INVALID_PATH", "not a usable WorkingDirectory: " + dir);
        }
        if (!path.isAbsolute()) {
            throw InstallFailure.invalid("PATH_NOT_ABSOLUTE", "WorkingDirectory must be an absolute path: " + dir);
        }
        if (!Files.isDirectory(path)) {
            throw InstallFailure.notFound("DIRECTORY_NOT_FOUND", "WorkingDirectory is not an existing directory: " + dir);
        }
        return path;
    }

    private static void validEnvironment(Map<String, String> env) throws InstallFailure {
        for (Map.Entry<String, String> e : env.entrySet()) {
            String name = e.getKey();
            if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
                throw InstallFailure.invalid("INVALID_ENVIRONMENT", "not a usable environment variable name: '" + name + "'");
            }
            if (e.getValue() == null || e.getValue().indexOf('\0') >= 0) {
                throw InstallFailure.invalid("INVALID_ENVIRONMENT", "value of " + name + " must be present and contain no NUL");
            }
        }
    }
}
