package org.gve.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.xml.ws.Holder;


import org.gve.install.auth.Credential;
import org.gve.wsdl.common.FileInfo;
import org.gve.wsdl.install.GuestFault;
import org.gve.wsdl.install.Install;
import org.gve.wsdl.install.InvalidArgumentFault;
import org.gve.wsdl.install.NotAuthorizedFault;
import org.gve.wsdl.install.NotFoundFault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 200 MiB file through a service whose heap is capped at {@value #SERVER_HEAP_MIB} MiB (and a
 * test JVM capped at 128 MiB): both directions must stream. The server's GC log gives the peak
 * heap occupancy, written to {@code target/it/large-file/memory.txt}.
 */
class LargeFileIT {

    private static final Logger LOG = Logger.getLogger(LargeFileIT.class.getName());
    private static final int SERVER_HEAP_MIB = 64;
    private static final long SIZE = 200L << 20;
    private static final String PASSWORD = "large-" + Long.toHexString(System.nanoTime());
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private static Path dir;
    private static ServerProcess server;
    private static Install port;

    @BeforeAll
    static void startService() throws IOException {
        dir = ServerProcess.workDir("large-file");
        Path credential = Files.writeString(dir.resolve("credential"), Credential.hashLine(Clients.USER + ":" + PASSWORD));
        server = ServerProcess.start(dir, List.of("-Xmx" + SERVER_HEAP_MIB + "m", "-Xlog:gc:file=" + dir.resolve("gc.log")),
                List.of("--credential-file", credential.toString()));
        port = Clients.install(server.address(), Clients.USER, PASSWORD);
    }

    @AfterAll
    static void stopService() throws InterruptedException, IOException {
        if (server != null) {
            server.close();
        }
        for (String name : List.of("source.bin", "stored.bin", "fetched.bin")) {
            Files.deleteIfExists(dir.resolve(name));
        }
    }

    @Test
    void twoHundredMebibytesStreamBothWays()
            throws IOException, NoSuchAlgorithmException, GuestFault, InvalidArgumentFault, NotAuthorizedFault, NotFoundFault {
        Path source = dir.resolve("source.bin");
        String sha = writeRandomFile(source, SIZE);
        Path stored = dir.resolve("stored.bin");

        long t0 = System.nanoTime();
        FileInfo put = port.putFile(stored.toString(), "0600", sha, new DataHandler(new FileDataSource(source.toFile())));
        long putMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(SIZE, put.getSize());
        assertEquals(sha, put.getSha256());
        assertEquals(SIZE, Files.size(stored));

        Path fetched = dir.resolve("fetched.bin");
        long t1 = System.nanoTime();
        Holder<FileInfo> info = new Holder<>();
        Holder<DataHandler> content = new Holder<>();
        port.getFile(stored.toString(), info, content);
        String fetchedSha;
        try (InputStream in = org.gve.wsdl.runtime.Attachments.open(content.value)) {
            fetchedSha = copyHashing(in, fetched);
        }
        long getMillis = (System.nanoTime() - t1) / 1_000_000;
        assertEquals(sha, info.value.getSha256());
        assertEquals(SIZE, info.value.getSize());
        assertEquals(sha, fetchedSha);
        assertEquals(SIZE, Files.size(fetched));
        assertTrue(server.isAlive());

        long[] gc = peakHeapFromGcLog(dir.resolve("gc.log"));
        String report = String.format("200 MiB put %d ms, get %d ms; server -Xmx%dm: peak heap before GC %d MiB, "
                + "max after GC %d MiB, %d GC pauses; test JVM -Xmx128m%n", putMillis, getMillis, SERVER_HEAP_MIB,
                gc[0] >> 20, gc[1] >> 20, gc[2]);
        Files.writeString(dir.resolve("memory.txt"), report);
        LOG.info(report.strip());
        assertTrue(gc[1] < (SERVER_HEAP_MIB / 2L) << 20, "live heap stays small: " + report);
    }

    /** Peak occupancy before a collection, peak after one, and the number of pauses, from -Xlog:gc lines. */
    private static long[] peakHeapFromGcLog(Path log) throws IOException {
        long before = 0;
        long after = 0;
        long pauses = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                before = Math.max(before, bytes(m.group(1), m.group(2)));
                after = Math.max(after, bytes(m.group(3), m.group(4)));
                pauses++;
            }
        }
        return new long[] {before, after, pauses};
    }

    private static long bytes(String n, String unit) {
        long v = Long.parseLong(n);
        return switch (unit) {
            case "K" -> v << 10;
            case "M" -> v << 20;
            default -> v << 30;
        };
    }

    private static String writeRandomFile(Path file, long size) throws IOException, NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[1 << 20];
        Random random = new Random(42);
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), md)) {
            for (long written = 0; written < size; written += block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String copyHashing(InputStream in, Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), md)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
