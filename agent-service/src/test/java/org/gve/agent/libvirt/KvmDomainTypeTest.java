package org.gve.agent.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KvmDomainTypeTest {
    @TempDir
    Path dir;

    @Test
    void autoPicksKvmOnlyWithCpuFlagsAndDevKvm() throws IOException {
        Path vmx = cpuinfo("vmx", "flags\t\t: fpu vme de pse tsc msr vmx sse sse2\n");
        Path svm = cpuinfo("svm", "flags\t\t: fpu svm lm\n");
        Path none = cpuinfo("none", "flags\t\t: fpu vme de pse hypervisor\nmodel name\t: vmx-looking name\n");
        Path devKvm = Files.createFile(dir.resolve("kvm"));
        Path noDevKvm = dir.resolve("absent");
        assertEquals("kvm", KvmDomainType.resolve("auto", vmx, devKvm));
        assertEquals("kvm", KvmDomainType.resolve("auto", svm, devKvm));
        assertEquals("qemu", KvmDomainType.resolve("auto", none, devKvm), "a /dev/kvm without vmx/svm is not enough");
        assertEquals("qemu", KvmDomainType.resolve("auto", vmx, noDevKvm));
        assertEquals("qemu", KvmDomainType.resolve("auto", dir.resolve("no-cpuinfo"), devKvm));
    }

    @Test
    void explicitTypesWin() {
        assertEquals("kvm", KvmDomainType.resolve("kvm", dir.resolve("x"), dir.resolve("y")));
        assertEquals("qemu", KvmDomainType.resolve("qemu", dir.resolve("x"), dir.resolve("y")));
        assertEquals(DriverError.INVALID_ARGUMENT,
                assertThrows(DriverException.class, () -> KvmDomainType.resolve("hvm")).error());
    }

    private Path cpuinfo(String name, String flagsLine) throws IOException {
        return Files.writeString(dir.resolve(name), "processor\t: 0\nvendor_id\t: GenuineIntel\n" + flagsLine);
    }
}
