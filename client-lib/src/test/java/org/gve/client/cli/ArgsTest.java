package org.gve.client.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArgsTest {
    static final Map<String, Args.Kind> SPEC = CommandDef.options("wait", "timeout=", "env+");

    static Args parse(String... tokens) {
        return Args.parse(List.of(tokens), SPEC);
    }

    @Test
    void positionalsOptionsFlagsAndRest() {
        Args a = parse("vm-1", "--wait", "--timeout", "60", "--env", "A=1", "x", "--env=B=2", "--", "--wait", "y");
        assertEquals(List.of("vm-1", "x"), a.positionals());
        assertTrue(a.flag("wait"));
        assertEquals(Duration.ofSeconds(60), a.seconds("timeout"));
        assertEquals(List.of("A=1", "B=2"), a.values("env"));
        assertEquals(List.of("--wait", "y"), a.rest());
    }

    @Test
    void absentOptionsAreEmpty() {
        Args a = parse();
        assertFalse(a.flag("wait"));
        assertTrue(a.value("timeout").isEmpty());
        assertEquals(List.of(), a.values("env"));
        assertEquals(null, a.seconds("timeout"));
        assertEquals(CommandDef.DEFAULT_WAIT, CommandDef.waitTimeout(a));
    }

    @Test
    void mistakesAreUsageErrors() {
        assertEquals("unknown option --nope", assertThrows(UsageException.class, () -> parse("--nope")).getMessage());
        assertEquals("--timeout needs a value", assertThrows(UsageException.class, () -> parse("--timeout")).getMessage());
        assertThrows(UsageException.class, () -> parse("--timeout", "1", "--timeout", "2"));
        assertThrows(UsageException.class, () -> parse("--wait=yes"));
        assertTrue(assertThrows(UsageException.class, () -> parse("--timeout", "soon").seconds("timeout"))
                .getMessage().contains("whole number"));
        assertThrows(UsageException.class, () -> parse("--timeout", "-5").seconds("timeout"));
    }

    @Test
    void expectChecksTheNumberOfPositionals() {
        assertEquals("vm-1", parse("vm-1").expect(1, 1, "VMID").positional(0));
        assertEquals("missing argument: expected VMID", assertThrows(UsageException.class,
                () -> parse().expect(1, 1, "VMID")).getMessage());
        assertTrue(assertThrows(UsageException.class, () -> parse("a", "b").expect(1, 1, "VMID"))
                .getMessage().contains("'b'"));
        assertTrue(parse().optionalPositional(0).isEmpty());
    }

    @Test
    void numbersAreRangeChecked() {
        Map<String, Args.Kind> spec = CommandDef.options("vcpus=", "memory=");
        Args a = Args.parse(List.of("--vcpus", "4", "--memory", "8589934592"), spec);
        assertEquals(4, a.intValue("vcpus"));
        assertEquals(8589934592L, a.longValue("memory"));
        assertThrows(UsageException.class, () -> Args.parse(List.of("--vcpus", "8589934592"), spec).intValue("vcpus"));
    }
}
