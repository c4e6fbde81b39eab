package org.gve.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Fetches what the service publishes ({@code ?wsdl}, {@code ?xsd=N}) and compares it with the contract as written. */
final class PublishedContract {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String authorization;

    PublishedContract(String user, String password) {
        this.authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(URI uri, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Document parse(String xml) throws IOException {
        try {
            return builder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new IOException("not XML: " + e.getMessage(), e);
        }
    }

    static Document classpathDocument(String resource) throws IOException {
        try (InputStream in = PublishedContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            return builder().parse(in);
        } catch (SAXException e) {
            throw new IOException(e);
        }
    }

    /** Every schemaLocation the document names. */
    static List<String> schemaLocations(Document doc) {
        List<String> out = new ArrayList<>();
        collect(doc.getDocumentElement(), out);
        return out;
    }

    private static void collect(Element e, List<String> out) {
        if (e.hasAttribute("schemaLocation")) {
            out.add(e.getAttribute("schemaLocation"));
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                collect(child, out);
            }
        }
    }

    /**
     * The document with what a publisher legitimately rewrites blanked out: comments, whitespace
     * between elements, schemaLocation values and the soap:address location. What remains must be
     * identical to the hand-written file.
     */
    static Element normalized(Document doc) {
        strip(doc);
        doc.normalizeDocument();
        return doc.getDocumentElement();
    }

    private static void strip(Node node) {
        Node c = node.getFirstChild();
        while (c != null) {
            Node next = c.getNextSibling();
            boolean blank = c.getNodeType() == Node.TEXT_NODE && c.getNodeValue().isBlank();
            if (c.getNodeType() == Node.COMMENT_NODE || blank) {
                node.removeChild(c);
            } else if (c instanceof Element e) {
                NamedNodeMap attrs = e.getAttributes();
                for (int i = 0; i < attrs.getLength(); i++) {
                    Attr a = (Attr) attrs.item(i);
                    if (a.getLocalName().equals("schemaLocation")
                            || (a.getLocalName().equals("location") && "address".equals(e.getLocalName()))) {
                        a.setValue("");
                    }
                }
                strip(e);
            }
            c = next;
        }
    }

    private static javax.xml.parsers.DocumentBuilder builder() throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IOException(e);
        }
    }
}
