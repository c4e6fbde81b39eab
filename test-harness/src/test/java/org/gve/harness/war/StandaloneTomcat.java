package org.gve.harness.war;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Debian's Tomcat 10 running a private CATALINA_BASE as a child process ({@code catalina.sh run}, which
 * execs the JVM): the instance is made by {@code deploy/scripts/setup-tomcat10.sh --instance}, never
 * the package's own /var/lib/tomcat10. Output (Tomcat's and GVE's console logging) is kept line by line
 * and copied to {@code console.log}. {@link #close()} sends SIGTERM (Tomcat's shutdown hook stops the
 * web application), and kills the JVM if it has not ended within {@link #GRACE}.
 */
final class StandaloneTomcat implements AutoCloseable {
    static final Path CATALINA_HOME = Path.of("/usr/share/tomcat10");
    private static final Duration GRACE = Duration.ofSeconds(20);
    private final Process process;
    private final Thread pump;
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    private StandaloneTomcat(Process process, Path console) {
        this.process = process;
        this.pump = new Thread(() -> pump(console), "tomcat10-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Whether Debian's tomcat10 is installed (its catalina.sh is where the package puts it). */
    static boolean installed() {
        return Files.isExecutable(CATALINA_HOME.resolve("bin/catalina.sh"));
    }

    /** A TCP port free on the loopback interface now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Makes {@code base} a private instance on 127.0.0.1:{@code port} with {@code war} as /gve reading {@code config}. */
    static void makeInstance(Path script, Path base, int port, Path war, Path config, Path log)
            throws IOException, InterruptedException {
        Process setup = new ProcessBuilder("bash", script.toString(), "--instance", base.toString(), "--port",
                String.valueOf(port), "--bind", "127.0.0.1", "--war", war.toString(), "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!setup.waitFor(60, TimeUnit.SECONDS) || setup.exitValue() != 0) {
            setup.destroyForcibly();
            throw new AssertionError(script.getFileName() + " failed:\n" + Files.readString(log));
        }
    }

    static StandaloneTomcat run(Path base) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(CATALINA_HOME.resolve("bin/catalina.sh").toString(), "run")
                .directory(base.toFile()).redirectErrorStream(true);
        builder.environment().put("CATALINA_HOME", CATALINA_HOME.toString());
        builder.environment().put("CATALINA_BASE", base.toString());
        builder.environment().put("JAVA_OPTS", "-Djava.awt.headless=true -Xmx768m");
        return new StandaloneTomcat(builder.start(), base.resolve("logs/console.log"));
    }

    private void pump(Path console) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(console, StandardCharsets.UTF_8)) {
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
                lines.add("[tomcat output unreadable: " + e + "]");
            }
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /** The first output line that matches {@code wanted}, waiting until the timeout or the end of the output. */
    synchronized Optional<String> awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        int seen = 0;
        while (true) {
            for (; seen < lines.size(); seen++) {
                if (wanted.test(lines.get(seen))) return Optional.of(lines.get(seen));
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (ended || left <= 0) return Optional.empty();
            wait(left);
        }
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The last {@code count} lines of output, for failure messages. */
    synchronized String tail(int count) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    /** SIGTERM, then SIGKILL past the grace period; returns whether Tomcat stopped by itself. */
    boolean stop() throws InterruptedException {
        process.toHandle().destroy();  // SIGTERM; unlike Process.destroy() it leaves the output readable
        boolean clean = process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        if (!clean) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
        pump.join(GRACE.toMillis());
        return clean;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) stop();
    }
}
