package org.gve.install.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.gve.install.command.CommandOutcome;
import org.gve.install.command.CommandSpec;
import org.gve.install.file.StoredFile;
import org.gve.install.guest.GuestDescription;
import org.gve.wsdl.common.Command;
import org.gve.wsdl.common.CommandResult;
import org.gve.wsdl.common.EnvironmentVariable;
import org.gve.wsdl.common.FileInfo;
import org.gve.wsdl.install.GuestInfo;
import org.junit.jupiter.api.Test;

class WsdlMappingTest {

    @Test
    void commandToSpec() {
        Command c = new Command();
        c.getArgument().addAll(List.of("tar", "xf", "a.tar"));
        c.getEnvironment().add(env("A", "1"));
        c.getEnvironment().add(env("A", "2"));
        c.getEnvironment().add(env("B", ""));
        c.setWorkingDirectory("/opt");
        c.setStdin("in");
        c.setTimeoutSeconds(5);
        CommandSpec s = WsdlMapping.commandSpec(c);
        assertEquals(List.of("tar", "xf", "a.tar"), s.argv());
        assertEquals(Map.of("A", "2", "B", ""), s.environment());
        assertEquals("/opt", s.workingDirectory());
        assertEquals("in", s.stdin());
        assertEquals(5, s.timeoutSeconds());

        CommandSpec empty = WsdlMapping.commandSpec(new Command());
        assertEquals(List.of(), empty.argv());
        assertNull(empty.timeoutSeconds());
        assertEquals(List.of(), WsdlMapping.commandSpec(null).argv());
    }

    @Test
    void outcomeToResultCleansOutputForXml() {
        CommandResult r = WsdlMapping.commandResult(
                new CommandOutcome(137, "\u001b[1mbold\u001b[0m\n", "err\0", true, false, true, Duration.ofMillis(1234)));
        assertEquals(137, r.getExitCode());
        assertEquals("\uFFFD[1mbold\uFFFD[0m\n", r.getStdout());
        assertEquals("err\uFFFD", r.getStderr());
        assertTrue(r.isStdoutTruncated());
        assertTrue(r.isTimedOut());
        assertEquals(1234, r.getDurationMillis());
    }

    @Test
    void storedFileToFileInfo() {
        FileInfo i = WsdlMapping.fileInfo(new StoredFile(Path.of("/opt/app.jar"), 10, "0755", "ab".repeat(32)));
        assertEquals("/opt/app.jar", i.getPath());
        assertEquals(10, i.getSize());
        assertEquals("0755", i.getMode());
        assertEquals("ab".repeat(32), i.getSha256());
    }

    @Test
    void guestDescriptionToGuestInfo() {
        GuestInfo g = WsdlMapping.guestInfo(new GuestDescription("vm1", "Debian GNU/Linux", "12", "bookworm", "x86_64",
                List.of("192.0.2.1")), "1.0");
        assertEquals("vm1", g.getHostName());
        assertEquals("Debian GNU/Linux", g.getOperatingSystem().getName());
        assertEquals("12", g.getOperatingSystem().getRelease());
        assertEquals("bookworm", g.getOperatingSystem().getVersion());
        assertEquals("x86_64", g.getArchitecture());
        assertEquals(List.of("192.0.2.1"), g.getAddress());
        assertEquals("1.0", g.getServiceVersion());
    }

    @Test
    void xmlTextKeepsValidTextAndReplacesTheRest() {
        String valid = "tab\tnl\ncr\r é € 😀 \uFFFD";
        assertSame(valid, XmlText.clean(valid));
        assertEquals("a\uFFFDb\uFFFDc\uFFFD", XmlText.clean("a\u0007b\uFFFEc\uD800"));
        assertEquals("\uFFFDx", XmlText.clean("\uDC00x"));
        assertNull(XmlText.clean(null));
    }

    private static EnvironmentVariable env(String name, String value) {
        EnvironmentVariable v = new EnvironmentVariable();
        v.setName(name);
        v.setValue(value);
        return v;
    }
}
