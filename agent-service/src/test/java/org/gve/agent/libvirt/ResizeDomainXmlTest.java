package org.gve.agent.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResizeDomainXmlTest {

    @Test
    void setsVcpusMemoryAndAMatchingTopology() {
        String xml = ResizeDomainXml.apply(Samples.KVM_TEMPLATE, 4, 2048L);
        DomainXml d = DomainXml.parse(xml);
        assertEquals(4, d.vcpus());
        assertEquals(2048, d.memoryMiB());
        assertFalse(xml.contains("current="), "no hot-plug remainder of the old count");
        assertTrue(xml.contains("sockets=\"4\""), xml);
        assertFalse(xml.contains("dies="), xml);
        assertTrue(xml.contains("<currentMemory unit=\"MiB\">2048</currentMemory>"), xml);
    }

    @Test
    void nullKeepsTheCurrentValue() {
        DomainXml d = DomainXml.parse(ResizeDomainXml.apply(Samples.KVM_TEMPLATE, null, 512L));
        assertEquals(2, d.vcpus());
        assertEquals(512, d.memoryMiB());
        DomainXml e = DomainXml.parse(ResizeDomainXml.apply(Samples.KVM_TEMPLATE, 3, null));
        assertEquals(3, e.vcpus());
        assertEquals(128, e.memoryMiB());
        assertEquals("6695eb01-f6a4-8304-79aa-97f2502e193f", e.uuid(), "same domain, redefined");
    }
}
