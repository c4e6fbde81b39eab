package org.gve.agent.vsphere;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vmware.vim25.VirtualDeviceConfigSpec;
import com.vmware.vim25.VirtualDeviceConfigSpecOperation;
import com.vmware.vim25.VirtualDisk;
import com.vmware.vim25.VirtualMachineConfigSpec;
import java.util.UUID;
import org.gve.agent.spi.VmSpec;
import org.gve.agent.vsphere.soap.SoapRequest;
import org.junit.jupiter.api.Test;

class SpecToConfigSpecTest {
    private static final UUID ID = UUID.fromString("0b5b1a4e-6c1d-4c39-9a0c-3d5e2f9a1b7c");

    @Test
    void createCarriesSizeTemplateMarkAndAFreshInstanceUuid() {
        VirtualMachineConfigSpec config = SpecToConfigSpec.forCreate(new VmSpec("web-1", "tpl-uuid", 2, 192, 0), ID);
        assertEquals(2, config.getNumCPUs());
        assertEquals(192L, config.getMemoryMB());
        assertEquals(ID.toString(), config.getInstanceUuid());
        assertEquals(VmProperties.TEMPLATE_ID_KEY, config.getExtraConfig()[0].getKey());
        assertEquals("tpl-uuid", config.getExtraConfig()[0].getValue());
        String xml = SoapRequest.envelope(VimClient.ref("VirtualMachine", "vm-1"), "ReconfigVM_Task",
                SoapRequest.arg("spec", "VirtualMachineConfigSpec", config));
        assertTrue(xml.contains("<numCPUs>2</numCPUs>") && xml.contains("<memoryMB>192</memoryMB>"), xml);
    }

    @Test
    void cloneKeepsTheSourcesTemplateMark() {
        VirtualMachineConfigSpec config = SpecToConfigSpec.forClone("tpl", ID);
        assertEquals("tpl", config.getExtraConfig()[0].getValue());
        assertNull(config.getNumCPUs());
        assertEquals("", SpecToConfigSpec.forClone(null, ID).getExtraConfig()[0].getValue());
    }

    @Test
    void resizeChangesOnlyWhatIsGiven() {
        VirtualMachineConfigSpec cpus = SpecToConfigSpec.resize(3, null);
        assertEquals(3, cpus.getNumCPUs());
        assertNull(cpus.getMemoryMB());
        VirtualMachineConfigSpec memory = SpecToConfigSpec.resize(null, 512L);
        assertNull(memory.getNumCPUs());
        assertEquals(512L, memory.getMemoryMB());
    }

    @Test
    void growDiskEditsTheDiskAsRead() {
        VirtualDisk disk = new VirtualDisk();
        disk.setKey(2000);
        disk.setControllerKey(1000);
        disk.setCapacityInKB(1024);
        VirtualDeviceConfigSpec change = SpecToConfigSpec.growDisk(disk, 64);
        assertEquals(VirtualDeviceConfigSpecOperation.edit, change.getOperation());
        assertSame(disk, change.getDevice());
        assertEquals(64 * 1024, disk.getCapacityInKB());
        assertEquals(2000, disk.getKey());
    }
}
