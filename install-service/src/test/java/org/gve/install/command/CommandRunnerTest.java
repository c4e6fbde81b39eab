package org.gve.install.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.gve.install.InstallFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTest {

    private static final CommandLimits LIMITS =
            new CommandLimits(CommandLimits.DEFAULT_MAX_OUTPUT_BYTES, Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofMillis(300));

    private final CommandRunner runner = CommandRunner.forThisProcess(LIMITS);

    @TempDir
    Path tmp;

    @Test
    void runsProgramWithArgumentsAndNoShell() throws InstallFailure {
        CommandOutcome out = runner.run(CommandSpec.of("echo", "a b", "$HOME", "*"));
        assertEquals(0, out.exitCode());
        assertEquals("a b $HOME *\n", out.stdout());
        assertEquals("", out.stderr());
        assertFalse(out.timedOut());
        assertFalse(out.stdoutTruncated());
    }

    @Test
    void reportsExitCodeAndStderr() throws InstallFailure {
        CommandOutcome out = runner.run(CommandSpec.of("sh", "-c", "echo oops >&2; exit 3"));
        assertEquals(3, out.exitCode());
        assertEquals("oops\n", out.stderr());
    }

    @Test
    void feedsStdinAndClosesItWhenAbsent() throws InstallFailure {
        assertEquals("line one\nline two", runner.run(CommandSpec.of("cat").withStdin("line one\nline two")).stdout());
        assertEquals("", runner.run(CommandSpec.of("cat")).stdout());
    }

    @Test
    void addsEnvironmentToTheServices() throws InstallFailure {
        CommandOutcome out = runner.run(CommandSpec.of("sh", "-c", "printf '%s|%s' \"$GVE_X\" \"${PATH:+has-path}\"")
                .withEnvironment(Map.of("GVE_X", "forty two")));
        assertEquals("forty two|has-path", out.stdout());
    }

    @Test
    void runsInTheWorkingDirectory() throws InstallFailure, IOException {
        CommandOutcome out = runner.run(CommandSpec.of("pwd").withWorkingDirectory(tmp.toString()));
        assertEquals(tmp.toRealPath() + "\n", out.stdout());
    }

    @Test
    void killsTheProcessTreePastTheTimeout() throws InstallFailure {
        long start = System.nanoTime();
        CommandOutcome out = runner.run(CommandSpec.of("sh", "-c", "sleep 300 & echo $!; wait").withTimeoutSeconds(1));
        assertTrue(out.timedOut());
        assertEquals(128 + 9, out.exitCode(), "killed with SIGKILL");
        assertTrue(out.duration().compareTo(Duration.ofSeconds(1)) >= 0);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "returned soon after the timeout");
        long grandchild = Long.parseLong(out.stdout().strip());
        Optional<ProcessHandle> left = ProcessHandle.of(grandchild);
        left.ifPresent(p -> p.onExit().orTimeout(5, TimeUnit.SECONDS).join());
        assertFalse(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false), "background child killed too");
    }

    @Test
    void returnsWhenABackgroundChildKeepsOutputOpen() throws InstallFailure {
        long start = System.nanoTime();
        CommandOutcome out = runner.run(CommandSpec.of("sh", "-c", "sleep 3 & echo started"));
        assertEquals(0, out.exitCode());
        assertEquals("started\n", out.stdout());
        assertFalse(out.timedOut());
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(2500), "did not wait for the background child");
    }

    @Test
    void boundsEachOutputStreamAndKeepsDraining() throws InstallFailure {
        CommandOutcome out = runner.run(CommandSpec.of("seq", "1", "1000000"));
        assertEquals(0, out.exitCode(), "seq ran to its end although output was discarded");
        assertEquals(CommandLimits.DEFAULT_MAX_OUTPUT_BYTES, out.stdout().length());
        assertTrue(out.stdoutTruncated());
        assertFalse(out.stderrTruncated());

        CommandRunner small = CommandRunner.forThisProcess(
                new CommandLimits(10, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(300)));
        CommandOutcome both = small.run(CommandSpec.of("sh", "-c", "echo 0123456789ABC; echo 0123456789 >&2"));
        assertEquals("0123456789", both.stdout());
        assertTrue(both.stdoutTruncated());
        assertEquals("0123456789", both.stderr());
        assertTrue(both.stderrTruncated(), "11 bytes with the newline");
    }

    @Test
    void refusesEmptyCommands() {
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "EMPTY_COMMAND", new CommandSpec(List.of(), null, null, null, null));
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "EMPTY_COMMAND", CommandSpec.of(""));
    }

    @Test
    void refusesBadTimeouts() {
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "INVALID_TIMEOUT", CommandSpec.of("true").withTimeoutSeconds(-1));
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "INVALID_TIMEOUT", CommandSpec.of("true").withTimeoutSeconds(0));
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "INVALID_TIMEOUT", CommandSpec.of("true").withTimeoutSeconds(61));
    }

    @Test
    void reportsMissingProgramsAndDirectories() {
        assertFailure(InstallFailure.Kind.NOT_FOUND, "PROGRAM_NOT_FOUND", CommandSpec.of("gve-no-such-program"));
        assertFailure(InstallFailure.Kind.NOT_FOUND, "PROGRAM_NOT_FOUND", CommandSpec.of("/nonexistent/bin/tool"));
        assertFailure(InstallFailure.Kind.NOT_FOUND, "DIRECTORY_NOT_FOUND",
                CommandSpec.of("true").withWorkingDirectory(tmp.resolve("missing").toString()));
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "PATH_NOT_ABSOLUTE", CommandSpec.of("true").withWorkingDirectory("relative/dir"));
    }

    @Test
    void refusesFilesThatAreNotExecutable() throws IOException {
        Path script = Files.writeString(tmp.resolve("script.sh"), "#!/bin/sh\necho hi\n");
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "NOT_EXECUTABLE", CommandSpec.of(script.toString()));
    }

    @Test
    void refusesUnusableEnvironmentAndArguments() {
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "INVALID_ENVIRONMENT",
                CommandSpec.of("true").withEnvironment(Map.of("A=B", "x")));
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "INVALID_ENVIRONMENT",
                CommandSpec.of("true").withEnvironment(Map.of("", "x")));
        assertFailure(InstallFailure.Kind.INVALID_ARGUMENT, "INVALID_ARGUMENT", CommandSpec.of("echo", "nul\0byte"));
    }

    @Test
    void parsesSearchPath() {
        assertEquals(List.of(Path.of("/usr/bin"), Path.of("/bin")), ProgramLocator.parseSearchPath("/usr/bin::/bin:"));
        assertEquals(List.of(), ProgramLocator.parseSearchPath(null));
    }

    private void assertFailure(InstallFailure.Kind kind, String code, CommandSpec spec) {
        InstallFailure f = assertThrows(InstallFailure.class, () -> runner.run(spec));
        assertEquals(kind, f.kind(), f.getMessage());
        assertEquals(code, f.code(), f.getMessage());
    }
}
