package org.gve.agent.vsphere.soap;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.MethodFault;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads vSphere SOAP answers into vijava's data classes, leniently. vijava's own reader
 * ({@code XmlGen.fromXML}) stops at the first element its 5.1 model lacks and reads a managed
 * object reference's {@code type} by local name, so an {@code xsi:type} written first wins. This
 * reader instead:
 * <ul>
 *   <li>skips elements naming a field the vijava class does not have (newer API fields);</li>
 *   <li>skips values whose {@code xsi:type} vijava does not know, or that do not fit the field;
 *       an unknown fault type becomes the declared fault class with {@code dynamicType} set to the
 *       name the endpoint sent, so faults keep their type;</li>
 *   <li>skips enum values the vijava enum lacks, and simple values that do not parse;</li>
 *   <li>reads a reference's plain, unqualified {@code type} attribute, wherever {@code xsi:type}
 *       stands.</li>
 * </ul>
 * Every skip is logged at FINE. Thread-safe.
 */
public final class LenientVimReader {
    private static final Logger LOG = Logger.getLogger(LenientVimReader.class.getName());
    private static final String XSI_NS = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    private static final String XSD_NS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    private final VimTypeModel model = new VimTypeModel();
    private final DocumentBuilderFactory factory = secureFactory();

    /**
     * Reads the answer to one call: its {@code returnval} elements as {@code resultType} (an array
     * type collects all of them; {@code Void} reads none).
     *
     * @throws VimFaultException     when the answer is a SOAP fault
     * @throws SoapProtocolException when it is not a SOAP answer at all
     */
    public <T> T readResponse(InputStream body, Class<T> resultType) throws IOException {
        if (body == null) {
            throw new SoapProtocolException("the endpoint sent no answer body");
        }
        Element content = bodyContent(parse(body));
        if ("Fault".equals(content.getLocalName())) {
            throw fault(content);
        }
        if (resultType == Void.class) {
            return null;
        }
        List<Element> returns = children(content, "returnval");
        if (resultType.isArray()) {
            return resultType.cast(toArray(resultType.getComponentType(), readAll(returns, resultType.getComponentType())));
        }
        return returns.isEmpty() ? null : resultType.cast(readValue(returns.get(0), resultType));
    }

    /** Reads one element as a value of {@code declared}; null when it has to be skipped. */
    Object readValue(Element e, Class<?> declared) {
        if (XmlValues.isSimple(declared)) {
            return simple(e, declared);
        }
        if (declared.isEnum()) {
            Optional<Object> constant = VimTypeModel.enumConstant(declared, e.getTextContent().trim());
            if (constant.isEmpty()) {
                skipped("enum value", declared.getSimpleName() + "." + e.getTextContent().trim());
            }
            return constant.orElse(null);
        }
        String xsiType = e.getAttributeNS(XSI_NS, "type");
        if (!xsiType.isEmpty()) {
            return typed(e, xsiType, declared);
        }
        if (declared == ManagedObjectReference.class) {
            return reference(e);
        }
        if (declared == Object.class) {
            return e.getTextContent();
        }
        if (declared.isArray()) {
            skipped("array without ArrayOf type", e.getLocalName());
            return null;
        }
        return object(e, declared);
    }

    private Object typed(Element e, String xsiType, Class<?> declared) {
        int colon = xsiType.indexOf(':');
        String prefix = colon < 0 ? null : xsiType.substring(0, colon);
        String name = xsiType.substring(colon + 1);
        if (prefix != null && isSchemaPrefix(e, prefix)) {
            Optional<Class<?>> type = XmlValues.xsdType(name);
            return type.isPresent() && declared.isAssignableFrom(type.get()) ? simple(e, type.get()) : skip("xsd type", xsiType);
        }
        if (name.equals("ManagedObjectReference")) {
            return declared.isAssignableFrom(ManagedObjectReference.class) ? reference(e) : skip("misplaced reference", e.getLocalName());
        }
        if (name.startsWith("ArrayOf")) {
            return array(e, name.substring("ArrayOf".length()), declared);
        }
        Optional<Class<?>> enumType = model.enumClass(name);
        if (enumType.isPresent()) {
            return declared.isAssignableFrom(enumType.get()) ? readValue(e, enumType.get()) : skip("misplaced enum", name);
        }
        Optional<Class<?>> type = model.dataClass(name);
        if (type.isEmpty()) {
            return MethodFault.class.isAssignableFrom(declared) ? unknownFault(e, name, declared) : skip("type", name);
        }
        if (!declared.isAssignableFrom(type.get())) {
            return skip("type not fitting " + declared.getSimpleName(), name);
        }
        return object(e, type.get());
    }

    private Object array(Element e, String itemName, Class<?> declared) {
        Optional<Class<?>> item = XmlValues.arrayItemType(itemName);
        if (item.isEmpty()) {
            item = itemName.equals("ManagedObjectReference") ? Optional.of(ManagedObjectReference.class) : model.dataClass(itemName);
        }
        if (item.isEmpty() || !declared.isAssignableFrom(item.get().arrayType())) {
            return skip("array type", "ArrayOf" + itemName);
        }
        return toArray(item.get(), readAll(children(e, null), item.get()));
    }

    private Object object(Element e, Class<?> type) {
        Object instance;
        try {
            instance = type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException ex) {
            return skip("uninstantiable type", type.getName());
        }
        Map<String, Field> fields = model.fieldsOf(type);
        Map<Field, List<Object>> arrays = new LinkedHashMap<>();
        for (Element child : children(e, null)) {
            Field field = fields.get(child.getLocalName());
            if (field == null) {
                skipped("field", type.getSimpleName() + "." + child.getLocalName());
                continue;
            }
            Class<?> fieldType = field.getType();
            Object value = readValue(child, fieldType.isArray() ? fieldType.getComponentType() : fieldType);
            if (value == null) {
                continue;
            }
            if (fieldType.isArray()) {
                arrays.computeIfAbsent(field, f -> new ArrayList<>()).add(value);
            } else {
                set(field, instance, value);
            }
        }
        arrays.forEach((field, values) -> set(field, instance, toArray(field.getType().getComponentType(), values)));
        return instance;
    }

    private Object unknownFault(Element e, String name, Class<?> declared) {
        Object fault = object(e, declared);
        if (fault instanceof MethodFault methodFault) {
            methodFault.setDynamicType(name);
        }
        return fault;
    }

    private VimFaultException fault(Element faultElement) {
        String message = children(faultElement, "faultstring").stream().findFirst().map(Node::getTextContent).orElse("");
        Element detail = children(faultElement, "detail").stream().findFirst().orElse(null);
        Element first = detail == null ? null : children(detail, null).stream().findFirst().orElse(null);
        if (first == null) {
            String code = children(faultElement, "faultcode").stream().findFirst().map(Node::getTextContent).orElse("SoapFault");
            return new VimFaultException(code.substring(code.indexOf(':') + 1), null, message);
        }
        String xsiType = first.getAttributeNS(XSI_NS, "type");
        String name = xsiType.isEmpty() ? stripSuffix(first.getLocalName(), "Fault") : xsiType.substring(xsiType.indexOf(':') + 1);
        MethodFault methodFault = model.dataClass(name).filter(MethodFault.class::isAssignableFrom)
                .map(type -> (MethodFault) object(first, type)).orElse(null);
        return new VimFaultException(name, methodFault, message);
    }

    private ManagedObjectReference reference(Element e) {
        ManagedObjectReference ref = new ManagedObjectReference();
        ref.setType(e.getAttributeNS(null, "type")); // the plain attribute, not xsi:type
        ref.setVal(e.getTextContent());
        return ref;
    }

    private Object simple(Element e, Class<?> type) {
        try {
            return XmlValues.parse(type, e.getTextContent());
        } catch (IllegalArgumentException ex) {
            return skip(type.getSimpleName() + " value", e.getLocalName() + "=" + e.getTextContent());
        }
    }

    private List<Object> readAll(List<Element> elements, Class<?> itemType) {
        List<Object> values = new ArrayList<>(elements.size());
        for (Element element : elements) {
            Object value = readValue(element, itemType);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private static Object toArray(Class<?> itemType, List<Object> values) {
        Object array = Array.newInstance(itemType, values.size());
        for (int i = 0; i < values.size(); i++) {
            Array.set(array, i, values.get(i));
        }
        return array;
    }

    private static void set(Field field, Object target, Object value) {
        try {
            field.set(target, value);
        } catch (IllegalAccessException | IllegalArgumentException e) {
            skipped("value for field", field.getDeclaringClass().getSimpleName() + "." + field.getName());
        }
    }

    private static boolean isSchemaPrefix(Element e, String prefix) {
        String ns = e.lookupNamespaceURI(prefix);
        return XSD_NS.equals(ns) || (ns == null && (prefix.equals("xsd") || prefix.equals("xs")));
    }

    private static Object skip(String what, String name) {
        skipped(what, name);
        return null;
    }

    private static void skipped(String what, String name) {
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine("lenient read: skipped unknown " + what + " " + name);
        }
    }

    private static String stripSuffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    private org.w3c.dom.Document parse(InputStream body) throws IOException {
        DocumentBuilder builder;
        synchronized (factory) {
            try {
                builder = factory.newDocumentBuilder();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException("no XML parser", e);
            }
        }
        builder.setErrorHandler(null);
        try {
            return builder.parse(body);
        } catch (SAXException e) {
            throw new SoapProtocolException("the endpoint's answer is not XML: " + e.getMessage(), e);
        }
    }

    private static Element bodyContent(org.w3c.dom.Document doc) {
        Element envelope = doc.getDocumentElement();
        Element body = "Envelope".equals(envelope.getLocalName())
                ? children(envelope, "Body").stream().findFirst().orElse(null) : null;
        Element content = body == null ? null : children(body, null).stream().findFirst().orElse(null);
        if (content == null) {
            throw new SoapProtocolException("the endpoint's answer has no SOAP body content (root <"
                    + envelope.getNodeName() + ">)");
        }
        return content;
    }

    /** Child elements of {@code parent}, all of them or those with the given local name. */
    private static List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && (localName == null || localName.equals(child.getLocalName()))) {
                result.add(child);
            }
        }
        return result;
    }

    private static DocumentBuilderFactory secureFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        }
        return f;
    }
}
