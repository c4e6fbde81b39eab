package org.gve.harness.site;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real server (org.gve.deploy.Launcher) in a JVM of its own, with the test's class path, on a
 * free port and a given data directory, so a test can kill it with SIGKILL and start it again on
 * the same data.
 */
public final class SiteProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private SiteProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the server and waits (at most 90 s) until it serves its WSDL. */
    public static SiteProcess start(Path data, Map<String, String> settings) throws Exception {
        int port = freePort();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp", classPath));
        String logging = System.getProperty("java.util.logging.config.file");
        if (logging != null) command.add("-Djava.util.logging.config.file=" + logging);
        command.add("org.gve.deploy.Launcher");
        command.add("--port=" + port);
        command.add("--data-dir=" + data);
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = data.resolve("server-" + port + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        SiteProcess site = new SiteProcess(process, port, log);
        site.awaitServing();
        return site;
    }

    /** Ready when the launcher printed its banner: it does so after the site started (recovery included). */
    private void awaitServing() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            if (!process.isAlive()) throw new AssertionError("the server exited (" + process.exitValue() + "):\n" + logTail());
            if (Files.exists(log) && Files.readString(log).contains("GVE is up")) return;
            if (Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new AssertionError("the server did not come up within 90 s:\n" + logTail());
            }
            Thread.sleep(100);
        }
    }

    public String base() {
        return "http://127.0.0.1:" + port + "/gve";
    }

    public URI endpoint(String path) {
        return URI.create(base() + path);
    }

    public long pid() {
        return process.pid();
    }

    /** kill -9: no shutdown hook, no clean close of anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("the server survived SIGKILL");
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A normal stop (SIGTERM: the shutdown hook closes the server). */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
    }
}
