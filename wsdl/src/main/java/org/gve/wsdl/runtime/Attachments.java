package org.gve.wsdl.runtime;

import jakarta.activation.DataHandler;
import org.jvnet.staxex.StreamingDataHandler;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reading a received MTOM attachment. Metro streams large attachments through a spill file
 * ({@code MIME*.tmp} in the spool directory) that only {@link StreamingDataHandler#close()} deletes:
 * closing the stream alone leaves the file behind. The stream returned here is read once, straight from
 * the connection where Metro streams it, and closing it releases the attachment as well.
 */
public final class Attachments {
    private Attachments() {
    }

    /** The attachment's bytes; closing the stream also frees what Metro holds for it. */
    public static InputStream open(DataHandler content) throws IOException {
        if (!(content instanceof StreamingDataHandler streaming)) return content.getInputStream();
        InputStream in;
        try {
            in = streaming.readOnce();
        } catch (IOException | RuntimeException e) {
            release(streaming);
            throw e;
        }
        return new FilterInputStream(in) {
            private boolean closed;

            @Override
            public void close() throws IOException {
                if (closed) return;
                closed = true;
                try {
                    super.close();
                } finally {
                    release(streaming);
                }
            }
        };
    }

    /** Frees a received attachment that will not be read (or was read by other means). */
    public static void release(DataHandler content) {
        if (content instanceof StreamingDataHandler streaming) {
            try {
                streaming.close();
            } catch (IOException | RuntimeException ignored) {
                // nothing more can be done: the spill file, if any, is Metro's to remove at exit
            }
        }
    }
}
