package org.gve.agent.guest;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** A stream of {@code size} pseudo-random bytes made while read: large content that is never held whole. */
final class GeneratedBytes extends InputStream {
    private final long size;
    private long position;
    private long state = 0x9E3779B97F4A7C15L;

    GeneratedBytes(long size) {
        this.size = size;
    }

    @Override
    public int read() {
        if (position >= size) return -1;
        position++;
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        return (int) (state & 0xff);
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= size) return -1;
        int n = (int) Math.min(len, size - position);
        for (int i = 0; i < n; i++) b[off + i] = (byte) read();
        return n;
    }

    static String sha256(long size) {
        MessageDigest sha = FakeInstallService.sha256();
        byte[] buffer = new byte[64 * 1024];
        GeneratedBytes in = new GeneratedBytes(size);
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) > 0) sha.update(buffer, 0, n);
        return HexFormat.of().formatHex(sha.digest());
    }
}
