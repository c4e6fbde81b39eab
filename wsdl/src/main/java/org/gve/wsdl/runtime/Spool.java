package org.gve.wsdl.runtime;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporary file that content is written into (from a downstream call) and then sent on as an
 * MTOM attachment; the file is deleted once it has been read, or by {@link #discard} on failure.
 */
public final class Spool {
    private final Path file;
    private final OutputStream sink;

    /** A spool file in the JVM's temporary directory. */
    public Spool() throws IOException {
        this(null);
    }

    /** A spool file in {@code dir} (null: the JVM's temporary directory). */
    public Spool(Path dir) throws IOException {
        this.file = dir == null ? Files.createTempFile("gve-spool", ".bin") : Files.createTempFile(dir, "gve-spool", ".bin");
        this.sink = Files.newOutputStream(file);
    }

    public OutputStream sink() {
        return sink;
    }

    /** Closes the sink and hands the content over; from now on the reader deletes the file. */
    public DataHandler content() throws IOException {
        sink.close();
        return new DataHandler(new SpooledSource(file));
    }

    public void discard() {
        try {
            sink.close();
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            file.toFile().deleteOnExit();
        }
    }

    private record SpooledSource(Path file) implements DataSource {
        @Override
        public InputStream getInputStream() throws IOException {
            return new FilterInputStream(Files.newInputStream(file)) {
                @Override
                public void close() throws IOException {
                    super.close();
                    Files.deleteIfExists(file);
                }
            };
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public String getContentType() {
            return "application/octet-stream";
        }

        @Override
        public String getName() {
            return file.getFileName().toString();
        }
    }
}
