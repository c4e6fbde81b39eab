package org.gve.install.ws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import jakarta.activation.DataSource;

import org.gve.install.file.FileStore;
import org.gve.install.file.StoredFile;

/** A file's content as an MTOM attachment, read from disk while the response is written. */
final class StoredFileDataSource implements DataSource {

    private final FileStore store;
    private final StoredFile file;

    StoredFileDataSource(FileStore store, StoredFile file) {
        this.store = store;
        this.file = file;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return store.open(file);
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        throw new IOException("read-only");
    }

    @Override
    public String getContentType() {
        return "application/octet-stream";
    }

    @Override
    public String getName() {
        return file.path().toString();
    }
}
