package org.gve.agent.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.gve.agent.libvirt.GveMetadata.InstanceMark;
import org.gve.agent.libvirt.TemplateToDomainXml.NewDisk;
import org.gve.agent.libvirt.TemplateToDomainXml.NewDomain;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.junit.jupiter.api.Test;

class TemplateToDomainXmlTest {
    private static final NewDomain WEB1 = new NewDomain("web1", "qemu", 2, 256L,
            Map.of("/pool/tiny-template.qcow2", new NewDisk("/pool/web1-vda.qcow2", "qcow2")),
            "/var/log/gve/web1.serial.log", new InstanceMark("tiny-template", "linux-busybox", false));

    @Test
    void newNameNoUuidNoMacsTheSpecSizeAndItsOwnDisk() {
        String xml = TemplateToDomainXml.apply(Samples.KVM_TEMPLATE, WEB1);
        DomainXml d = DomainXml.parse(xml);
        assertEquals("web1", d.name());
        assertEquals("", d.uuid(), "libvirt generates the UUID");
        assertEquals("qemu", d.type());
        assertEquals(2, d.vcpus());
        assertEquals(256, d.memoryMiB());
        assertEquals(1, d.disks().size());
        assertEquals(new DomainXml.Disk("vda", "/pool/web1-vda.qcow2", "qcow2"), d.disks().get(0));
        assertFalse(xml.contains("mac address"), xml);
        assertFalse(xml.contains("vnet3"), "generated tap name dropped");
        assertFalse(xml.contains("backingStore"), "libvirt probes the new chain itself");
        assertFalse(xml.contains(" id="), "no run-time id");
        assertTrue(xml.contains("/iso/tools.iso"), "read-only cdrom kept");
        assertTrue(xml.contains("urn:example:other"), "foreign metadata kept");
    }

    @Test
    void markedAsAnInstanceOfItsTemplateNeverStarted() {
        DomainXml d = DomainXml.parse(TemplateToDomainXml.apply(Samples.KVM_TEMPLATE, WEB1));
        assertFalse(d.isTemplate());
        assertEquals(new InstanceMark("tiny-template", "linux-busybox", false), d.instance().orElseThrow());
    }

    @Test
    void ownSerialLogAndRegeneratedPerDomainPaths() {
        String xml = TemplateToDomainXml.apply(Samples.KVM_TEMPLATE, WEB1);
        DomainXml d = DomainXml.parse(xml);
        assertEquals("/var/log/gve/web1.serial.log", d.serialLog().orElseThrow());
        assertFalse(xml.contains("type=\"pty\""), "pty serial and its console replaced by the log file");
        assertFalse(xml.contains("domain-7-tiny"), "guest agent socket path regenerated");
        assertTrue(d.guestAgent(), "guest agent channel kept");
        assertFalse(xml.contains("5901"), "fixed VNC port dropped");
        assertTrue(xml.contains("autoport=\"yes\""));
    }

    @Test
    void keepsTheTemplatesTypeWhenAskedTo() {
        NewDomain keep = new NewDomain("web2", null, null, null, WEB1.disks(), "/l", WEB1.instance());
        DomainXml d = DomainXml.parse(TemplateToDomainXml.apply(Samples.KVM_TEMPLATE, keep));
        assertEquals("kvm", d.type());
        assertEquals(2, d.vcpus(), "null keeps the template's vCPUs");
        assertEquals(128, d.memoryMiB());
    }

    @Test
    void refusesToShareADiskWithTheTemplate() {
        NewDomain noDisks = new NewDomain("web3", null, 1, 128L, Map.of(), "/l", WEB1.instance());
        DriverException e = assertThrows(DriverException.class,
                () -> TemplateToDomainXml.apply(Samples.KVM_TEMPLATE, noDisks));
        assertEquals(DriverError.INVALID_ARGUMENT, e.error());
    }

    @Test
    void xenParavirtualizedGuestsKeepTheXenConsoleAndGetNoSerialPort() {
        NewDomain pv = new NewDomain("pv1", null, 1, 512L,
                Map.of("/var/lib/xen/images/debian-pv.qcow2", new NewDisk("/var/lib/xen/images/pv1-xvda.qcow2", "qcow2")),
                "/var/log/gve/pv1.serial.log", new InstanceMark("debian-pv", "debian-12", false));
        String xml = TemplateToDomainXml.apply(Samples.XEN_PV_TEMPLATE, pv);
        DomainXml d = DomainXml.parse(xml);
        assertEquals("xen", d.type());
        assertTrue(d.isParavirtualized());
        assertTrue(d.serialLog().isEmpty());
        assertFalse(xml.contains("<serial"), xml);
        assertTrue(xml.contains("type=\"xen\""), xml);
        assertEquals("/var/lib/xen/images/pv1-xvda.qcow2", d.disks().get(0).path());
    }
}
