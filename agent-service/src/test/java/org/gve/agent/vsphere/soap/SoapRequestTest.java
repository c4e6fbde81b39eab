package org.gve.agent.vsphere.soap;

import static org.gve.agent.vsphere.soap.LenientVimReaderTest.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vmware.vim25.VirtualMachineMovePriority;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

class SoapRequestTest {
    @Test
    void writesAnEnvelopeWithVijavasSerializedArguments() throws IOException, ParserConfigurationException, SAXException {
        String xml = SoapRequest.envelope(ref("VirtualMachine", "vm-1"), "MigrateVM_Task",
                SoapRequest.arg("pool", "ManagedObjectReference", null),
                SoapRequest.arg("host", "ManagedObjectReference", ref("HostSystem", "host-2")),
                SoapRequest.arg("priority", "VirtualMachineMovePriority", VirtualMachineMovePriority.defaultPriority),
                SoapRequest.arg("name", "String", "a<b&c"));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element call = (Element) doc.getElementsByTagNameNS("urn:vim25", "MigrateVM_Task").item(0);
        assertEquals("vm-1", text(call, "_this"));
        assertEquals("VirtualMachine", ((Element) call.getElementsByTagNameNS("urn:vim25", "_this").item(0)).getAttribute("type"));
        assertEquals("host-2", text(call, "host"));
        assertEquals("defaultPriority", text(call, "priority"));
        assertEquals("a<b&c", text(call, "name"));
        assertFalse(xml.contains("<pool"), "null arguments are left out");
        assertTrue(xml.indexOf("<_this") < xml.indexOf("<host"), "_this first");
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS("urn:vim25", name).item(0).getTextContent();
    }
}
