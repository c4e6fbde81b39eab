package org.gve.install.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.attribute.PosixFilePermissions;

import org.gve.install.InstallFailure;
import org.junit.jupiter.api.Test;

class FileModeTest {

    @Test
    void parsesOctalTextWithOrWithoutLeadingZero() throws InstallFailure {
        assertEquals(PosixFilePermissions.fromString("rw-r--r--"), FileMode.parse("0644"));
        assertEquals(PosixFilePermissions.fromString("rwxr-xr-x"), FileMode.parse("755"));
        assertEquals(PosixFilePermissions.fromString("---------"), FileMode.parse("000"));
        assertEquals(PosixFilePermissions.fromString("rwxrwxrwx"), FileMode.parse("0777"));
    }

    @Test
    void formatsAsFourDigits() {
        assertEquals("0640", FileMode.format(PosixFilePermissions.fromString("rw-r-----")));
        assertEquals("0001", FileMode.format(PosixFilePermissions.fromString("--------x")));
        assertEquals("0644", FileMode.format(FileMode.DEFAULT));
    }

    @Test
    void refusesAnythingElse() {
        for (String bad : new String[] {null, "", "8", "0800", "rw-r--r--", "1777", "04755", " 644", "0x1a4"}) {
            InstallFailure f = assertThrows(InstallFailure.class, () -> FileMode.parse(bad), String.valueOf(bad));
            assertEquals("INVALID_MODE", f.code());
        }
    }
}
