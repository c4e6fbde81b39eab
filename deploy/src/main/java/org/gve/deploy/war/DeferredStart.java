package org.gve.deploy.war;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the assembly's start once the web application serves: the start registers the local agent,
 * and the site calls it over HTTP at once, which a listener cannot do while its own context is
 * still starting. So the start waits (on a thread of its own, never the container's) until
 * {@code probe} answers 200, asking again every {@link #PAUSE} up to {@code patience}, then starts
 * anyway (the site marks an unreachable agent DOWN and says why).
 */
final class DeferredStart implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DeferredStart.class.getName());
    private static final Duration PAUSE = Duration.ofMillis(200);
    private static final int CALL_TIMEOUT_MILLIS = 10_000;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gve-start");
        t.setDaemon(true);
        return t;
    });
    private final URI probe;
    private final Duration patience;
    private final Runnable start;
    private Instant deadline;

    /** @param probe null to start at once */
    DeferredStart(URI probe, Duration patience, Runnable start) {
        this.probe = probe;
        this.patience = patience;
        this.start = start;
    }

    void begin() {
        deadline = Instant.now().plus(patience);
        thread.execute(this::attempt);
    }

    private void attempt() {
        if (probe != null && !answers() && Instant.now().isBefore(deadline)) {
            thread.schedule(this::attempt, PAUSE.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        try {
            start.run();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "GVE did not start", e);
        }
    }

    private boolean answers() {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) probe.toURL().openConnection();
            connection.setConnectTimeout(CALL_TIMEOUT_MILLIS);
            connection.setReadTimeout(CALL_TIMEOUT_MILLIS);
            if (connection.getResponseCode() != 200) return false;
            try (InputStream body = connection.getInputStream()) {
                body.readAllBytes();  // read to the end: the container writes all of it
            }
            return true;
        } catch (IOException notYet) {
            return false;
        } finally {
            if (connection != null) connection.disconnect();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) LOG.warning("the GVE start did not stop within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
