package org.gve.wsdl.runtime;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RuntimeHelpersTest {
    @Test
    void instantsSurviveTheRoundTripThroughXsDateTime() {
        Instant t = Instant.parse("2026-11-22T06:47:59.319Z");
        assertEquals(t, XmlTimes.toInstant(XmlTimes.toXml(t)));
        assertEquals("2026-11-22T06:47:59.319Z", XmlTimes.toXml(t).toXMLFormat());
        assertNull(XmlTimes.toXml(null));
        assertNull(XmlTimes.toInstant(null));
    }

    @Test
    void spooledContentIsReadOnceAndThenDeleted() throws Exception {
        Spool spool = new Spool();
        spool.sink().write("guest file".getBytes(StandardCharsets.UTF_8));
        var handler = spool.content();
        try (InputStream in = handler.getInputStream()) {
            assertArrayEquals("guest file".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
        assertThrowsNoSuchFile(handler);
    }

    private static void assertThrowsNoSuchFile(jakarta.activation.DataHandler handler) {
        org.junit.jupiter.api.Assertions.assertThrows(java.nio.file.NoSuchFileException.class, handler::getInputStream);
    }

    @Test
    void faultDetailsCarryCodeAndMessage() {
        var d = Faults.detail("VM_NOT_FOUND", "no VM x");
        assertEquals("VM_NOT_FOUND", d.getCode());
        assertEquals("no VM x", d.getMessage());
    }
}
