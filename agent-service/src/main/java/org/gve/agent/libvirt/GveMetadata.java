package org.gve.agent.libvirt;

import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * GVE's own marks in a domain's {@code <metadata>}, in the namespace {@value #NAMESPACE}:
 * <ul>
 *   <li>{@code <gve:template os="..." arch="..."/>} makes a domain a template (never listed as a VM);</li>
 *   <li>{@code <gve:instance template="..." os="..." started="no|yes"/>} is written on every VM the driver
 *       creates or clones: its origin, and whether it ever ran (so a new VM reads as DEFINED).</li>
 * </ul>
 * libvirt keeps one element per namespace, so a domain carries at most one of the two.
 */
final class GveMetadata {
    static final String NAMESPACE = "urn:gve:libvirt:1";
    static final String PREFIX = "gve";

    /** What the template mark says. */
    record TemplateMark(String osName, String architecture) {
    }

    /** What the instance mark says. */
    record InstanceMark(String templateId, String osName, boolean started) {
        /** The element as libvirt's metadata API wants it (no namespace declaration; libvirt adds it). */
        String toElementXml() {
            return "<instance template=\"" + Xml.escape(templateId) + "\" os=\"" + Xml.escape(osName)
                    + "\" started=\"" + (started ? "yes" : "no") + "\"/>";
        }
    }

    private GveMetadata() {
    }

    static Optional<TemplateMark> template(Element domain) {
        return mark(domain, "template").map(e -> new TemplateMark(e.getAttribute("os"), e.getAttribute("arch")));
    }

    static Optional<InstanceMark> instance(Element domain) {
        return mark(domain, "instance").map(e -> new InstanceMark(e.getAttribute("template"), e.getAttribute("os"),
                !"no".equals(e.getAttribute("started"))));
    }

    /** Replaces GVE's marks in the domain by the given instance mark. */
    static void markInstance(Element domain, InstanceMark mark) {
        Element metadata = Xml.childOrNew(domain, "metadata");
        for (Element old : Xml.children(metadata, "template")) {
            if (NAMESPACE.equals(old.getNamespaceURI())) metadata.removeChild(old);
        }
        for (Element old : Xml.children(metadata, "instance")) {
            if (NAMESPACE.equals(old.getNamespaceURI())) metadata.removeChild(old);
        }
        Document doc = domain.getOwnerDocument();
        Element e = doc.createElementNS(NAMESPACE, PREFIX + ":instance");
        e.setAttribute("template", mark.templateId());
        e.setAttribute("os", mark.osName());
        e.setAttribute("started", mark.started() ? "yes" : "no");
        metadata.appendChild(e);
    }

    private static Optional<Element> mark(Element domain, String name) {
        return Xml.child(domain, "metadata").flatMap(metadata -> Xml.children(metadata, name).stream()
                .filter(e -> NAMESPACE.equals(e.getNamespaceURI())).findFirst());
    }
}
