package org.gve.agent.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gve.agent.libvirt.XenDomainXml.Bootloader;
import org.gve.agent.libvirt.XenDomainXml.Kernel;
import org.gve.agent.libvirt.XenDomainXml.XenGuest;
import org.junit.jupiter.api.Test;

class XenDomainXmlTest {
    static final XenGuest GUEST = new XenGuest("debian-pv", 1, 256, "/var/lib/xen/images/debian-pv.qcow2", "qcow2",
            "debian-12");

    @Test
    void paravirtualizedWithItsOwnKernel() {
        String xml = XenDomainXml.paravirtualized(GUEST, new Kernel("/var/lib/xen/boot/vmlinuz",
                "/var/lib/xen/boot/initrd.img", "root=/dev/xvda1 ro console=hvc0"));
        DomainXml d = DomainXml.parse(xml);
        assertEquals("xen", d.type());
        assertEquals("linux", d.osType());
        assertTrue(d.isParavirtualized());
        assertEquals(new DomainXml.Disk("xvda", "/var/lib/xen/images/debian-pv.qcow2", "qcow2"), d.disks().get(0));
        assertTrue(d.serialLog().isEmpty(), "PV guests log through xenconsoled");
        assertTrue(xml.contains("<console type='pty'>") && xml.contains("<target type='xen' port='0'/>"), xml);
        assertTrue(xml.contains("<kernel>/var/lib/xen/boot/vmlinuz</kernel>"));
        assertEquals("debian-12", d.template().orElseThrow().osName());
    }

    @Test
    void paravirtualizedWithABootloader() {
        String xml = XenDomainXml.paravirtualized(GUEST, new Bootloader("/usr/lib/xen-4.17/bin/pygrub"));
        assertTrue(xml.contains("<bootloader>/usr/lib/xen-4.17/bin/pygrub</bootloader>"));
        assertFalse(xml.contains("<kernel>"));
    }

    @Test
    void hardwareVirtualizedWithHvmloaderAndASerialLog() {
        String xml = XenDomainXml.hardwareVirtualized(GUEST, "/var/log/gve/debian-hvm.serial.log");
        DomainXml d = DomainXml.parse(xml);
        assertEquals("hvm", d.osType());
        assertFalse(d.isParavirtualized());
        assertEquals("/var/log/gve/debian-hvm.serial.log", d.serialLog().orElseThrow());
        assertTrue(xml.contains(XenDomainXml.HVMLOADER));
        assertTrue(xml.contains("machine='xenfv'"));
    }

    @Test
    void escapesWhatItIsGiven() {
        XenGuest odd = new XenGuest("a<b", 1, 256, "/images/x'y.img", "raw", null);
        DomainXml d = DomainXml.parse(XenDomainXml.hardwareVirtualized(odd, "/log&1"));
        assertEquals("a<b", d.name());
        assertEquals("/images/x'y.img", d.disks().get(0).path());
        assertEquals("/log&1", d.serialLog().orElseThrow());
        assertFalse(d.isTemplate());
    }
}
