package org.gve.client.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TableTest {

    @Test
    void alignsColumnsAndShowsMissingCellsAsDashes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Table("ID", "STATE", "AGENT").row("vm-10", "RUNNING", null).row("vm-2", "", "kvm-1")
                .print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals("ID     STATE    AGENT\nvm-10  RUNNING  -\nvm-2   -        kvm-1\n",
                bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
        assertThrows(IllegalArgumentException.class, () -> new Table("A").row("x", "y"));
    }
}
