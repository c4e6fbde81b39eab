package org.gve.agent.vsphere.soap;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.ws.Argument;
import com.vmware.vim25.ws.XmlGen;

/**
 * Writes the SOAP envelope of one vSphere call. The arguments are serialized by vijava's own
 * {@link XmlGen#toXML(String, String, Object)}, exactly as vijava's {@code WSClient} does (the
 * request side works against vcsim); only the envelope is ours, because {@code WSClient}'s builder
 * is private and its reading side is replaced by {@link LenientVimReader}.
 */
public final class SoapRequest {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<soapenv:Envelope xmlns:soapenc=\"http://schemas.xmlsoap.org/soap/encoding/\""
            + " xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>";
    private static final String TAIL = "</soapenv:Body></soapenv:Envelope>";

    private SoapRequest() {
    }

    /** The envelope calling {@code method} on {@code target} with {@code args} (null values are left out). */
    public static String envelope(ManagedObjectReference target, String method, Argument... args) {
        StringBuilder xml = new StringBuilder(512).append(HEAD).append('<').append(method).append(" xmlns=\"urn:vim25\">");
        xml.append(XmlGen.toXML("_this", "ManagedObjectReference", target));
        for (Argument arg : args) {
            if (arg.getValue() != null) {
                xml.append(XmlGen.toXML(arg.getName(), arg.getType(), arg.getValue()));
            }
        }
        return xml.append("</").append(method).append('>').append(TAIL).toString();
    }

    /** An argument of a call: its element name, its vSphere type as vijava names it ("String[]", "boolean"...) and value. */
    public static Argument arg(String name, String type, Object value) {
        return new Argument(name, type, value);
    }
}
