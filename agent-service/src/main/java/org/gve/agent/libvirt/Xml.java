package org.gve.agent.libvirt;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** DOM helpers for libvirt's XML: namespace-aware parsing without DTDs, and a few child accessors. */
final class Xml {
    /** Reports parse problems as exceptions only (the JDK default also prints them to stderr). */
    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // a warning does not make the document unusable
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private Xml() {
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(QUIET);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new DriverException(DriverError.BACKEND_FAILURE, "unreadable XML from libvirt: " + e.getMessage(), e);
        }
    }

    static String serialize(Document doc) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialize a DOM document", e);
        }
    }

    /** Direct children of {@code parent} with local name {@code name} (any namespace). */
    static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && name.equals(localName(e))) {
                result.add(e);
            }
        }
        return result;
    }

    static Optional<Element> child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The child element, created (appended) when missing. */
    static Element childOrNew(Element parent, String name) {
        return child(parent, name).orElseGet(() -> {
            Element created = parent.getOwnerDocument().createElement(name);
            parent.appendChild(created);
            return created;
        });
    }

    /** Text of the child element, trimmed; empty when the child is missing. */
    static Optional<String> childText(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().trim());
    }

    /** Attribute value; empty when absent or blank. */
    static Optional<String> attr(Element element, String name) {
        String value = element.getAttribute(name);
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    static void removeAll(List<Element> elements) {
        elements.forEach(e -> e.getParentNode().removeChild(e));
    }

    static void setText(Element element, String text) {
        element.setTextContent(text);
    }

    static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    /** Escapes text for use in an attribute or element written by hand. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }
}
