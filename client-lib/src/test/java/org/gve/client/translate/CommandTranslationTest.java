package org.gve.client.translate;

import org.gve.client.model.CommandResult;
import org.gve.client.model.GuestCommand;
import org.gve.wsdl.common.Command;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandTranslationTest {

    @Test
    void commandToWsdlKeepsArgvEnvironmentOrderAndRoundsTheTimeoutUp() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("B", "2");
        env.put("A", "1");
        Command w = CommandToWsdl.apply(new GuestCommand(List.of("/bin/sh", "-c", "echo $A"), env, "/tmp", "input",
                Duration.ofMillis(1500)));
        assertEquals(List.of("/bin/sh", "-c", "echo $A"), w.getArgument());
        assertEquals("B", w.getEnvironment().get(0).getName());
        assertEquals("1", w.getEnvironment().get(1).getValue());
        assertEquals("/tmp", w.getWorkingDirectory());
        assertEquals("input", w.getStdin());
        assertEquals(2, w.getTimeoutSeconds());
    }

    @Test
    void commandDefaultsStayAbsent() {
        Command w = CommandToWsdl.apply(GuestCommand.of("true"));
        assertTrue(w.getEnvironment().isEmpty());
        assertNull(w.getTimeoutSeconds());
        assertNull(w.getWorkingDirectory());
        assertEquals(1, CommandToWsdl.apply(GuestCommand.of("x").withTimeout(Duration.ofMillis(1))).getTimeoutSeconds());
    }

    @Test
    void wsdlToCommandResultCopiesEveryField() {
        org.gve.wsdl.common.CommandResult w = new org.gve.wsdl.common.CommandResult();
        w.setExitCode(3);
        w.setStdout("out");
        w.setStderr(null);
        w.setStdoutTruncated(true);
        w.setTimedOut(true);
        w.setDurationMillis(1234);
        CommandResult d = WsdlToCommandResult.apply(w);
        assertEquals(3, d.exitCode());
        assertEquals("out", d.stdout());
        assertEquals("", d.stderr());
        assertTrue(d.stdoutTruncated());
        assertFalse(d.stderrTruncated());
        assertTrue(d.timedOut());
        assertEquals(Duration.ofMillis(1234), d.duration());
    }
}
