package org.gve.agent.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gve.agent.spi.DiskDescription;
import org.gve.agent.spi.HypervisorKind;
import org.gve.agent.spi.TemplateDescription;
import org.gve.agent.spi.VmDescription;
import org.gve.agent.spi.VmState;
import org.junit.jupiter.api.Test;

class DomainXmlToVmDescriptionTest {
    private static final String VM = """
            <domain type='qemu'>
              <name>web1</name>
              <uuid>0b7c6a3e-55aa-4bb1-9a67-0e0f4c3d2b1a</uuid>
              <metadata><gve:instance xmlns:gve="urn:gve:libvirt:1" template="tiny-template" os="linux-busybox" started="yes"/></metadata>
              <memory unit='GiB'>1</memory>
              <vcpu>4</vcpu>
              <os><type arch='x86_64'>hvm</type></os>
              <devices>
                <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/pool/web1-vda.qcow2'/><target dev='vda'/></disk>
                <disk type='block' device='disk'><driver name='qemu' type='raw'/><source dev='/dev/vg/data'/><target dev='vdb'/></disk>
                <disk type='file' device='cdrom'><target dev='hdc'/></disk>
              </devices>
            </domain>
            """;

    @Test
    void describesAVm() {
        VmDescription vm = DomainXmlToVmDescription.apply(DomainXml.parse(VM), HypervisorKind.KVM, VmState.RUNNING,
                List.of("s1"), Map.of("/pool/web1-vda.qcow2", 64L), "host-a");
        assertEquals("0b7c6a3e-55aa-4bb1-9a67-0e0f4c3d2b1a", vm.id());
        assertEquals("web1", vm.name());
        assertEquals(HypervisorKind.KVM, vm.kind());
        assertEquals(VmState.RUNNING, vm.state());
        assertEquals(4, vm.vcpus());
        assertEquals(1024, vm.memoryMiB());
        assertEquals(List.of(new DiskDescription("vda", "/pool/web1-vda.qcow2", "qcow2", 64),
                new DiskDescription("vdb", "/dev/vg/data", "raw", 0)), vm.disks());
        assertEquals(List.of("s1"), vm.snapshots());
        assertEquals("tiny-template", vm.templateId());
        assertEquals("host-a", vm.hostName());
        assertEquals("linux-busybox", vm.osName());
        assertEquals("x86_64", vm.architecture());
    }

    @Test
    void aDomainGveDidNotCreateHasNoTemplateOrOs() {
        String foreign = VM.replaceAll("<metadata>.*</metadata>", "");
        VmDescription vm = DomainXmlToVmDescription.apply(DomainXml.parse(foreign), HypervisorKind.KVM,
                VmState.STOPPED, List.of(), Map.of(), "h");
        assertNull(vm.templateId());
        assertNull(vm.osName());
    }

    @Test
    void describesATemplateByName() {
        DomainXml template = DomainXml.parse(Samples.KVM_TEMPLATE);
        assertTrue(template.isTemplate());
        TemplateDescription t = DomainXmlToTemplateDescription.apply(template, HypervisorKind.KVM, 16);
        assertEquals(new TemplateDescription("tiny-template", "tiny-template", HypervisorKind.KVM, "linux-busybox",
                "x86_64", 16, "qcow2"), t);
    }
}
