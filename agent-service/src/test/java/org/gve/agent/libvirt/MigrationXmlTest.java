package org.gve.agent.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MigrationXmlTest {
    private static final String RUNNING = """
            <domain type='qemu' id='5'>
              <name>web1</name>
              <uuid>0b7c6a3e-55aa-4bb1-9a67-0e0f4c3d2b1a</uuid>
              <devices>
                <disk type='file' device='disk'><source file='/pool/web1-vda.qcow2'/><target dev='vda'/></disk>
                <serial type='file'><source path='/logs/web1.serial.log'/><target port='0'/></serial>
                <console type='file'><source path='/logs/web1.serial.log'/><target type='serial' port='0'/></console>
                <channel type='unix'>
                  <source mode='bind' path='/var/lib/libvirt/qemu/channel/target/domain-5-web1/org.qemu.guest_agent.0'/>
                  <target type='virtio' name='org.qemu.guest_agent.0' state='connected'/>
                </channel>
              </devices>
            </domain>
            """;

    @Test
    void sameDomainOwnLogNoGeneratedSocketPath() {
        String xml = MigrationXml.forDestination(RUNNING, "/logs/web1.host-b.serial.log");
        DomainXml d = DomainXml.parse(xml);
        assertEquals("0b7c6a3e-55aa-4bb1-9a67-0e0f4c3d2b1a", d.uuid(), "a migrating domain keeps its UUID");
        assertEquals("web1", d.name());
        assertEquals("/pool/web1-vda.qcow2", d.disks().get(0).path(), "shared storage: same disk");
        assertEquals("/logs/web1.host-b.serial.log", d.serialLog().orElseThrow());
        assertFalse(xml.contains("/logs/web1.serial.log"), "console follows the serial port");
        assertFalse(xml.contains("domain-5-web1"));
        assertFalse(xml.contains("state="));
        assertTrue(d.guestAgent());
    }

    @Test
    void destinationLogIsNamedAfterTheDestinationHost() {
        assertEquals("/logs/web1.host-b.serial.log",
                MigrationXml.destinationSerialLog("/logs/web1.serial.log", "web1", "Host-B"));
        assertEquals("/logs/web1.serial.log",
                MigrationXml.destinationSerialLog("/logs/web1.host-b.serial.log", "web1", "host-b"), "and back");
        assertEquals("/logs/web1.destination.serial.log",
                MigrationXml.destinationSerialLog("/logs/web1.serial.log", "web1", null));
        assertEquals("/logs/web1.a_b.serial.log", MigrationXml.destinationSerialLog("/logs/web1.serial.log", "web1", "a/b"));
    }
}
