package org.gve.install.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads a process stream to its end, keeping at most {@code limit} bytes and discarding the rest,
 * so the process never blocks on a full pipe and memory stays bounded whatever it writes.
 */
final class BoundedCapture implements Runnable {

    private static final Logger LOG = Logger.getLogger(BoundedCapture.class.getName());

    private final InputStream in;
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private boolean truncated;
    private boolean detached;

    BoundedCapture(InputStream in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    @Override
    public void run() {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) != -1) {
                keep(buf, n);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "process stream closed while reading", e);
        }
    }

    private synchronized void keep(byte[] buf, int n) {
        if (detached) {
            return;
        }
        int room = limit - kept.size();
        if (n > room) {
            truncated = true;
        }
        kept.write(buf, 0, Math.min(n, Math.max(room, 0)));
    }

    /** What was kept so far, decoded as UTF-8 (malformed bytes become U+FFFD). */
    synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    synchronized boolean truncated() {
        return truncated;
    }

    /** Stop keeping output (the reader goes on draining until the pipe closes) and free the buffer. */
    synchronized void detach() {
        detached = true;
        kept.reset();
    }
}
