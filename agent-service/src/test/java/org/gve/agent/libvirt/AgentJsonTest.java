package org.gve.agent.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentJsonTest {

    @Test
    void readsGuestExecStatus() {
        Map<String, Object> status = AgentJson.returnObject(
                "{\"return\": {\"exitcode\": 0, \"out-data\": \"aGVsbG8K\", \"exited\": true, \"out-truncated\": false}}");
        assertEquals(0L, status.get("exitcode"));
        assertEquals("aGVsbG8K", status.get("out-data"));
        assertEquals(true, status.get("exited"));
        assertEquals(false, status.get("out-truncated"));
    }

    @Test
    void readsScalarsListsEscapesAndNull() {
        assertEquals(1000L, AgentJson.returnValue("{\"return\":1000}"));
        assertEquals(List.of(1L, 2.5, "x", Map.of()), AgentJson.parse("[1, 2.5, \"x\", {}]"));
        assertEquals("a\"b\\c\nd\u00e9", AgentJson.parse("\"a\\\"b\\\\c\\nd\\u00e9\""));
        assertEquals(null, AgentJson.parse(" null "));
        assertEquals(-7L, AgentJson.parse("-7"));
    }

    @Test
    void quotesStringsForCommands() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", AgentJson.quote("a\"b\\c\n\u0001"));
        assertEquals("x y", AgentJson.parse(AgentJson.quote("x y")));
    }

    @Test
    void rejectsBrokenJsonAndRepliesWithoutReturn() {
        assertThrows(IllegalArgumentException.class, () -> AgentJson.parse("{\"a\":"));
        assertThrows(IllegalArgumentException.class, () -> AgentJson.parse("{} x"));
        assertThrows(IllegalArgumentException.class, () -> AgentJson.returnValue("{\"error\":{\"class\":\"GenericError\"}}"));
        assertThrows(IllegalArgumentException.class, () -> AgentJson.returnObject("{\"return\":5}"));
    }
}
