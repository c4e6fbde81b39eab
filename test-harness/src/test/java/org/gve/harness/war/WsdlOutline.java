package org.gve.harness.war;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes a WSDL the hand-written one (as PublishedContractIT compares it): every binding operation
 * with its soapAction and faults in document order, and the documentation; plus the soap:address
 * locations, which are the only thing a server may change.
 */
record WsdlOutline(List<String> operations, List<String> documentation, List<String> addresses) {
    private static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
    private static final String SOAP = "http://schemas.xmlsoap.org/wsdl/soap/";

    static WsdlOutline of(String xml) throws Exception {
        return of(parse(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static WsdlOutline ofResource(String name) throws Exception {
        try (InputStream in = WsdlOutline.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the class path");
            return of(parse(in.readAllBytes()));
        }
    }

    private static WsdlOutline of(Document d) {
        List<String> operations = new ArrayList<>();
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
                operations.add(line.toString());
            }
        }
        List<String> documentation = new ArrayList<>();
        NodeList docs = d.getElementsByTagNameNS(WSDL, "documentation");
        for (int i = 0; i < docs.getLength(); i++) documentation.add(docs.item(i).getTextContent().trim());
        List<String> addresses = new ArrayList<>();
        NodeList locations = d.getElementsByTagNameNS(SOAP, "address");
        for (int i = 0; i < locations.getLength(); i++) addresses.add(((Element) locations.item(i)).getAttribute("location"));
        return new WsdlOutline(List.copyOf(operations), List.copyOf(documentation), List.copyOf(addresses));
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
