package org.gve.agent.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class VolumeXmlTest {

    @Test
    void overlayIsQcow2BackedByTheTemplate() {
        String xml = VolumeXml.overlay("web1-vda.qcow2", 67108864, "/pool/tiny.img", "raw", Optional.of("0666"));
        Element volume = Xml.parse(xml).getDocumentElement();
        assertEquals("web1-vda.qcow2", Xml.childText(volume, "name").orElseThrow());
        assertEquals("67108864", Xml.childText(volume, "capacity").orElseThrow());
        assertEquals("qcow2", VolumeXml.format(xml));
        Element backing = Xml.child(volume, "backingStore").orElseThrow();
        assertEquals("/pool/tiny.img", Xml.childText(backing, "path").orElseThrow());
        assertEquals("raw", Xml.child(backing, "format").orElseThrow().getAttribute("type"));
        assertTrue(xml.contains("<mode>0666</mode>"));
    }

    @Test
    void copyHasNoBackingStore() {
        String xml = VolumeXml.copy("web1-vda.img", 1024, "raw", Optional.empty());
        assertEquals("raw", VolumeXml.format(xml));
        assertFalse(xml.contains("backingStore"));
        assertFalse(xml.contains("permissions"));
    }

    @Test
    void aVolumeWithoutFormatIsRaw() {
        assertEquals("raw", VolumeXml.format("<volume><name>x</name><target><path>/x</path></target></volume>"));
    }
}
