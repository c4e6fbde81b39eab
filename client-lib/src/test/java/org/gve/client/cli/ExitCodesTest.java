package org.gve.client.cli;

import org.gve.client.error.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExitCodesTest {

    @Test
    void everyKindHasItsOwnCodeDistinctFromOkAndUsage() {
        Set<Integer> seen = new HashSet<>();
        for (ErrorKind kind : ErrorKind.values()) {
            int code = ExitCodes.of(kind);
            assertTrue(code != ExitCodes.OK && code != ExitCodes.USAGE && code < 64, kind + " -> " + code);
            assertTrue(seen.add(code), "duplicate exit code " + code);
        }
        assertEquals(ExitCodes.NOT_AUTHORIZED, ExitCodes.of(ErrorKind.NOT_AUTHORIZED));
        assertEquals(ExitCodes.SITE_UNREACHABLE, ExitCodes.of(ErrorKind.SITE_UNREACHABLE));
    }

    @Test
    void guestExitCodesFitAProcessExitCode() {
        assertEquals(0, ExitCodes.guest(0));
        assertEquals(3, ExitCodes.guest(3));
        assertEquals(255, ExitCodes.guest(-1));
        assertEquals(255, ExitCodes.guest(4096));
    }
}
