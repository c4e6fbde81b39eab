package org.gve.wsdl.runtime;

import jakarta.activation.DataSource;

import java.io.InputStream;
import java.io.OutputStream;

/** A one-shot DataSource over a stream, so MTOM content is sent without being held in memory. */
public final class StreamDataSource implements DataSource {
    private final InputStream in;

    public StreamDataSource(InputStream in) {
        this.in = in;
    }

    @Override
    public InputStream getInputStream() {
        return in;
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
        return "content";
    }
}
