package org.gve.agent.ws;

import jakarta.activation.DataHandler;
import org.gve.agent.AgentException;
import org.gve.agent.AgentFault;
import org.gve.agent.spi.GuestCommand;
import org.gve.agent.spi.GuestCommandResult;
import org.gve.agent.spi.GuestFile;
import org.gve.wsdl.common.Command;
import org.gve.wsdl.common.CommandResult;
import org.gve.wsdl.common.EnvironmentVariable;
import org.gve.wsdl.common.FileInfo;
import org.gve.wsdl.runtime.Spool;
import org.gve.wsdl.runtime.StreamDataSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuestTranslationsTest {

    private static Command command(String... argv) {
        Command c = new Command();
        c.getArgument().addAll(List.of(argv));
        return c;
    }

    @Test
    void commandKeepsArgvEnvironmentInOrderDirectoryStdinAndTimeout() {
        Command c = command("/bin/sh", "-c", "echo \"$A$B\"");
        for (String[] v : new String[][] {{"B", "2"}, {"A", "1"}}) {
            EnvironmentVariable e = new EnvironmentVariable();
            e.setName(v[0]);
            e.setValue(v[1]);
            c.getEnvironment().add(e);
        }
        c.setWorkingDirectory("/tmp");
        c.setStdin("input");
        c.setTimeoutSeconds(30);
        GuestCommand g = GuestTranslations.command(c);
        assertEquals(List.of("/bin/sh", "-c", "echo \"$A$B\""), g.argv());
        assertEquals(Map.of("B", "2", "A", "1"), g.environment());
        assertEquals("/tmp", g.workingDirectory());
        assertEquals("input", g.stdin());
        assertEquals(Duration.ofSeconds(30), g.timeout());
    }

    @Test
    void absentTimeoutStaysAbsent() {
        GuestCommand g = GuestTranslations.command(command("true"));
        assertNull(g.timeout());
        assertNull(g.workingDirectory());
        assertTrue(g.environment().isEmpty());
    }

    @Test
    void aCommandNeedsAProgramAndAPositiveTimeout() {
        assertInvalid(() -> GuestTranslations.command(null));
        assertInvalid(() -> GuestTranslations.command(command()));
        Command zero = command("true");
        zero.setTimeoutSeconds(0);
        assertInvalid(() -> GuestTranslations.command(zero));
        Command negative = command("true");
        negative.setTimeoutSeconds(-5);
        assertInvalid(() -> GuestTranslations.command(negative));
    }

    @Test
    void resultKeepsEveryField() {
        CommandResult r = GuestTranslations.result(new GuestCommandResult(3, "out", "err", true, false, true, 1234));
        assertEquals(3, r.getExitCode());
        assertEquals("out", r.getStdout());
        assertEquals("err", r.getStderr());
        assertTrue(r.isStdoutTruncated());
        assertEquals(false, r.isStderrTruncated());
        assertTrue(r.isTimedOut());
        assertEquals(1234, r.getDurationMillis());
    }

    @Test
    void fileInfoKeepsEveryField() {
        FileInfo f = GuestTranslations.fileInfo(new GuestFile("/tmp/x", 42, "644", "ab".repeat(32)));
        assertEquals("/tmp/x", f.getPath());
        assertEquals(42, f.getSize());
        assertEquals("644", f.getMode());
        assertEquals("ab".repeat(32), f.getSha256());
    }

    @Test
    void contentIsRequiredAndReadAsGiven() throws Exception {
        assertInvalid(() -> GuestTranslations.stream(null));
        byte[] data = "payload".getBytes(StandardCharsets.UTF_8);
        try (InputStream in = GuestTranslations.stream(new DataHandler(new StreamDataSource(new ByteArrayInputStream(data))))) {
            assertArrayEquals(data, in.readAllBytes());
        }
    }

    @Test
    void aSpoolHandsOverWhatWasWrittenAndRemovesItsFileAfterReading() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("gve-spool-test");
        try {
            Spool spool = GuestTranslations.spool(dir);
            spool.sink().write("spooled".getBytes(StandardCharsets.UTF_8));
            DataHandler handed = GuestTranslations.handOver(spool);
            try (var files = java.nio.file.Files.list(dir)) {
                assertEquals(1, files.count(), "the download waits in the spool directory");
            }
            try (InputStream in = handed.getInputStream()) {
                assertEquals("spooled", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            try (var files = java.nio.file.Files.list(dir)) {
                assertEquals(0, files.count(), "and is gone once read");
            }
        } finally {
            java.nio.file.Files.deleteIfExists(dir);
        }
    }

    private static void assertInvalid(org.junit.jupiter.api.function.Executable call) {
        AgentException e = assertThrows(AgentException.class, call);
        assertEquals(AgentFault.INVALID_ARGUMENT, e.fault());
    }
}
