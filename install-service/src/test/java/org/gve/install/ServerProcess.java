package org.gve.install;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code gve-install-service.jar} run as its own JVM, on a free loopback port: the
 * service logs the URL it listens on, which is read from its output. Everything it prints is kept
 * in {@code server.log} in its directory.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final URI address;

    private ServerProcess(Process process, URI address) {
        this.process = process;
        this.address = address;
    }

    /** The jar the build just made (system property {@code gve.install.jar}). */
    static Path jar() {
        Path jar = Path.of(System.getProperty("gve.install.jar", "target/gve-install-service.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no service jar at " + jar + "; run the ITs through mvn verify");
        }
        return jar;
    }

    /** A fresh working directory for one IT class under {@code target/it}. */
    static Path workDir(String name) throws IOException {
        Path dir = Path.of(System.getProperty("gve.it.dir", "target/it")).resolve(name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }

    static ServerProcess start(Path dir, List<String> jvmArgs, List<String> serviceArgs) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(List.of("--bind", "127.0.0.1", "--port", "0"));
        cmd.addAll(serviceArgs);
        Process process = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        CompletableFuture<URI> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, dir.resolve("server.log"), ready), "it-server-log");
        pump.setDaemon(true);
        pump.start();
        try {
            return new ServerProcess(process, ready.get(60, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("service did not start; see " + dir.resolve("server.log"), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the service started", e);
        }
    }

    private static void pump(Process process, Path log, CompletableFuture<URI> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    ready.complete(URI.create(m.group(1)));
                }
            }
            ready.completeExceptionally(new IOException("service exited with " + process.waitFor()));
        } catch (IOException e) {
            ready.completeExceptionally(new UncheckedIOException(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ready.completeExceptionally(e);
        }
    }

    URI address() {
        return address;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
