package org.gve.deploy.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.IOException;

/**
 * A request whose body may not exceed a limit: reading past it fails, so a chunked request without
 * a Content-Length cannot make the service hold an unbounded document in memory, or fill its disk.
 */
final class SizeLimitedRequest extends HttpServletRequestWrapper {
    private final long limit;
    private final String tooLarge;
    private ServletInputStream limited;

    /** @param tooLarge the message of the failure when the body passes {@code limit} bytes */
    SizeLimitedRequest(HttpServletRequest request, long limit, String tooLarge) {
        super(request);
        this.limit = limit;
        this.tooLarge = tooLarge;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (limited == null) limited = new Limited(super.getInputStream(), limit, tooLarge);
        return limited;
    }

    private static final class Limited extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private final String tooLarge;
        private long read;

        Limited(ServletInputStream in, long limit, String tooLarge) {
            this.in = in;
            this.limit = limit;
            this.tooLarge = tooLarge;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) throw new IOException(tooLarge);
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
