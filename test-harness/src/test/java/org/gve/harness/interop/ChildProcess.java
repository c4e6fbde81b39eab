package org.gve.harness.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A process the interop suites start (Node.js, the ODE JVM): its standard output is read line by line,
 * kept, and copied to a log file; its standard error goes to the same log or to a file of its own.
 * {@link #close()} closes its standard input, gives it a moment to stop, then kills it and anything it
 * started, so no test leaves a process behind.
 */
final class ChildProcess implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread pump;
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pump = new Thread(this::pumpOutput, name + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts {@code command} in {@code dir}. Standard output (and standard error, when
     * {@code errorLog} is null) is copied to {@code log}; otherwise standard error goes to {@code errorLog}.
     */
    static ChildProcess start(String name, List<String> command, Path dir, Map<String, String> env, Path log,
                              Path errorLog) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().putAll(env);
        if (errorLog == null) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(errorLog.toFile());
        }
        Files.createDirectories(log.getParent());
        return new ChildProcess(name, builder.start(), log);
    }

    private void pumpOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                lines.add("[" + name + " output unreadable: " + e + "]");
            }
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /** The first line of output that matches, waiting for it until the timeout or the end of the output. */
    synchronized Optional<String> awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        int seen = 0;
        while (true) {
            for (; seen < lines.size(); seen++) {
                if (wanted.test(lines.get(seen))) {
                    return Optional.of(lines.get(seen));
                }
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (ended || left <= 0) {
                return Optional.empty();
            }
            wait(left);
        }
    }

    /** Waits for the process to exit and for its output to be read; kills it and fails past the timeout. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError(name + " did not finish within " + timeout + "; its output:\n" + tail(40));
        }
        pump.join(GRACE.toMillis());
        return process.exitValue();
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The last {@code count} lines of output, for failure messages. */
    synchronized String tail(int count) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Closes the process's standard input (a polite stop), then kills what is still running. */
    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // the process has ended: nothing to tell it
        }
        if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        pump.join(GRACE.toMillis());
    }
}
