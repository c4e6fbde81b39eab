package org.gve.client.translate;

import org.gve.client.model.Hypervisor;
import org.gve.client.model.VmProfile;
import org.gve.glue.HypervisorType;
import org.gve.glue.VirtualMachineProfile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ProfileToGlueTest {

    @Test
    void copiesEveryGivenField() {
        VirtualMachineProfile g = ProfileToGlue.apply(VmProfile.builder().name("n").hypervisor(Hypervisor.KVM)
                .vcpus(2).memoryMiB(512L).diskMiB(4096L).architecture("x86_64").operatingSystemName("Linux")
                .template("debian-12").build());
        assertEquals("n", g.getName());
        assertEquals(HypervisorType.KVM, g.getHypervisorType());
        assertEquals(2, g.getVCpus());
        assertEquals(512L, g.getMemoryMiB());
        assertEquals(4096L, g.getDiskMiB());
        assertEquals("x86_64", g.getArchitecture());
        assertEquals("Linux", g.getOperatingSystemName());
        assertEquals("debian-12", g.getTemplate());
    }

    @Test
    void unsetFieldsStayAbsent() {
        VirtualMachineProfile g = ProfileToGlue.apply(VmProfile.of(1, 256));
        assertEquals(1, g.getVCpus());
        assertEquals(256L, g.getMemoryMiB());
        assertNull(g.getName());
        assertNull(g.getHypervisorType());
        assertNull(g.getDiskMiB());
        assertNull(g.getTemplate());
    }
}
