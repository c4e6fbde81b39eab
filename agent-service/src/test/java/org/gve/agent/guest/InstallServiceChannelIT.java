package org.gve.agent.guest;

import com.sun.net.httpserver.HttpServer;
import jakarta.xml.ws.Endpoint;
import org.gve.agent.registry.GuestAccess;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.GuestCommand;
import org.gve.agent.spi.GuestCommandResult;
import org.gve.agent.spi.GuestFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's InstallService client against a stand-in InstallService over real HTTP: content streams both ways
 * (chunked uploads, downloads read once), faults keep their meaning, a long command may outlast the default timeout.
 */
class InstallServiceChannelIT {
    private static final String USER = "gve-agent";
    private static final String SECRET = "a-secret-of-at-least-128-bits-000";
    private static final long LARGE = 48L * 1024 * 1024;
    @TempDir
    Path spool;
    private HttpServer http;
    private ExecutorService workers;
    private Endpoint endpoint;
    private FakeInstallService fake;
    private String address;

    @BeforeEach
    void publish() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        workers = Executors.newFixedThreadPool(4);
        http.setExecutor(workers);
        fake = new FakeInstallService(USER, SECRET);
        endpoint = Endpoint.create(fake);
        endpoint.publish(http.createContext("/gve/install"));
        http.start();
        address = "http://127.0.0.1:" + http.getAddress().getPort() + "/gve/install";
    }

    @AfterEach
    void stop() {
        endpoint.stop();
        http.stop(0);
        workers.shutdownNow();
    }

    private InstallServiceChannel channel(String secret, Duration timeout) {
        return new InstallServiceClients(spool, timeout).channel(new GuestAccess(address, USER, secret));
    }

    @Test
    void largeUploadsAreSentChunkedFromTheStream() {
        GuestFile put = channel(SECRET, Duration.ofSeconds(30)).put("/tmp/large.bin", "0644", new GeneratedBytes(LARGE));
        assertEquals(LARGE, put.size());
        assertEquals(GeneratedBytes.sha256(LARGE), put.sha256());
        assertEquals(List.of("chunked"), fake.uploadEncodings, "never buffered to learn its length");
    }

    @Test
    void largeDownloadsStreamIntoTheSinkAndLeaveNothingBehind() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long[] count = {0};
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                sha.update((byte) b);
                count[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sha.update(b, off, len);
                count[0] += len;
            }
        };
        GuestFile got = channel(SECRET, Duration.ofSeconds(30)).get("/generated/" + LARGE, sink);
        assertEquals(LARGE, count[0]);
        assertEquals(GeneratedBytes.sha256(LARGE), HexFormat.of().formatHex(sha.digest()));
        assertEquals(GeneratedBytes.sha256(LARGE), got.sha256());
        try (var left = Files.list(spool)) {
            assertEquals(List.of(), left.toList(), "no spooled attachment is left");
        }
    }

    @Test
    void commandsRunWithTheVmsCredential() {
        GuestCommandResult r = channel(SECRET, Duration.ofSeconds(30)).run(new GuestCommand(List.of("echo", "hi"),
                Map.of("A", "1"), "/tmp", null, Duration.ofSeconds(5)));
        assertEquals(0, r.exitCode());
        assertEquals("echo hi", r.stdout());
        assertTrue(channel(SECRET, Duration.ofSeconds(30)).guestSummary().startsWith("fake-guest"));
    }

    @Test
    void aCommandWithALongTimeoutOutlastsTheDefaultRequestTimeout() {
        InstallServiceChannel impatient = channel(SECRET, Duration.ofSeconds(1));
        GuestCommandResult r = impatient.run(new GuestCommand(List.of("sleep", "2"), Map.of(), null, null,
                Duration.ofSeconds(5)));
        assertEquals("sleep 2", r.stdout());
        DriverException cut = assertThrows(DriverException.class, () -> impatient.run(new GuestCommand(
                List.of("sleep", "2"), Map.of(), null, null, null)));
        assertEquals(DriverError.GUEST_UNAVAILABLE, cut.error(), "without its own timeout, the default applies");
    }

    @Test
    void faultsKeepTheirMeaning() {
        InstallServiceChannel channel = channel(SECRET, Duration.ofSeconds(30));
        DriverException missing = assertThrows(DriverException.class, () -> channel.get("/etc/none", OutputStream.nullOutputStream()));
        assertEquals(DriverError.NOT_FOUND, missing.error());
        DriverException invalid = assertThrows(DriverException.class, () -> channel.run(new GuestCommand(
                List.of("missing"), Map.of(), null, null, null)));
        assertEquals(DriverError.INVALID_ARGUMENT, invalid.error());
        assertEquals("no program missing", invalid.getMessage());
    }

    @Test
    void aWrongCredentialIsRefusedAndSaidSo() {
        DriverException refused = assertThrows(DriverException.class, () -> channel("wrong-secret-wrong-secret", Duration.ofSeconds(30))
                .run(new GuestCommand(List.of("true"), Map.of(), null, null, null)));
        assertEquals(DriverError.GUEST_UNAVAILABLE, refused.error());
        assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
    }

    @Test
    void anUnreachableInstallServiceIsAGuestFailure() {
        stop();
        DriverException down = assertThrows(DriverException.class, () -> channel(SECRET, Duration.ofSeconds(5))
                .guestSummary());
        assertEquals(DriverError.GUEST_UNAVAILABLE, down.error());
        assertTrue(down.getMessage().contains("did not answer"), down.getMessage());
        publishAgainForTeardown();
    }

    private void publishAgainForTeardown() {
        try {
            publish();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
