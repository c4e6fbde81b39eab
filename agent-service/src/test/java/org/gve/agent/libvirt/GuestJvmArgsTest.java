package org.gve.agent.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GuestJvmArgsTest {
    @Test
    void plainItemsStayReadable() {
        assertEquals("--port,8700,/var/lib/gve/x.credential", GuestJvmArgs.encode(List.of("--port", "8700",
                "/var/lib/gve/x.credential")));
    }

    @Test
    void blanksCommasQuotesAndNonAsciiAreEscapedAsTheGuestInitDecodes() {
        assertEquals("a%20b%2Cc,%22q%22,%27,%C3%A9,%25", GuestJvmArgs.encode(List.of("a b,c", "\"q\"", "'", "é", "%")));
    }

    @Test
    void decodeReversesEncode() {
        List<String> items = List.of("a b,c", "--x=y", "é%20", "", "/p/q");
        assertEquals(items, GuestJvmArgs.decode(GuestJvmArgs.encode(items)));
    }

    @Test
    void decodeLeavesAStrayPercentAlone() {
        assertEquals(List.of("100%", "%zz"), GuestJvmArgs.decode("100%,%zz"));
        assertEquals(List.of(), GuestJvmArgs.decode(""));
    }
}
