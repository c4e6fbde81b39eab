package org.gve.harness;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The services publish the hand-written contracts, not WSDL generated from Java annotations: the
 * published port types, bindings (operation, soapAction, faults) and documentation equal the
 * files in wsdl/ node for node; only addresses and schema locations differ.
 */
class PublishedContractIT {
    private static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
    private static final String SOAP = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static GveTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new GveTestServer(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({"/site/VirtualMachineRequest?wsdl, SiteService.wsdl", "/site/SiteAdministration?wsdl, SiteService.wsdl",
            "/agent?wsdl, AgentService.wsdl"})
    void publishedBindingIsTheHandWrittenOne(String path, String file) throws Exception {
        RawSoap.Reply published = new RawSoap().get(server.endpoint(path));
        assertEquals(200, published.status());
        Document served = parse(published.body().getBytes(StandardCharsets.UTF_8));
        Document written;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("org/gve/wsdl/" + file)) {
            assertNotNull(in, file);
            written = parse(in.readAllBytes());
        }
        List<String> servedOps = operations(served);
        assertFalse(servedOps.isEmpty());
        assertEquals(operations(written), servedOps);
        assertEquals(documentation(written), documentation(served));
    }

    /** Every binding operation with its soapAction and faults, in document order. */
    private static List<String> operations(Document d) {
        List<String> out = new ArrayList<>();
        NodeList bindings = d.getElementsByTagNameNS(WSDL, "binding");
        for (int i = 0; i < bindings.getLength(); i++) {
            Element binding = (Element) bindings.item(i);
            NodeList ops = binding.getElementsByTagNameNS(WSDL, "operation");
            for (int j = 0; j < ops.getLength(); j++) {
                Element op = (Element) ops.item(j);
                Element soapOp = (Element) op.getElementsByTagNameNS(SOAP, "operation").item(0);
                StringBuilder line = new StringBuilder(binding.getAttribute("name") + "/" + op.getAttribute("name")
                        + " action=" + soapOp.getAttribute("soapAction"));
                NodeList faults = op.getElementsByTagNameNS(WSDL, "fault");
                for (int k = 0; k < faults.getLength(); k++) line.append(" fault=").append(((Element) faults.item(k)).getAttribute("name"));
                out.add(line.toString());
            }
        }
        return out;
    }

    private static List<String> documentation(Document d) {
        List<String> out = new ArrayList<>();
        NodeList docs = d.getElementsByTagNameNS(WSDL, "documentation");
        for (int i = 0; i < docs.getLength(); i++) out.add(docs.item(i).getTextContent().trim());
        return out;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
