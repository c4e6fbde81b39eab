package org.gve.agent.libvirt;

import java.util.Optional;
import java.util.logging.Logger;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * GVE's own marks in a domain's {@code <metadata>}, in the namespace {@value #NAMESPACE}:
 * <ul>
 *   <li>{@code <gve:template os="..." arch="..." [install-service="PORT"]/>} makes a domain a template (never
 *       listed as a VM); {@code install-service} says its guests run GVE's InstallService on that guest port
 *       (see {@link InstallServiceProvisioner});</li>
 *   <li>{@code <gve:instance template="..." os="..." started="no|yes" [install-service="PORT"]/>} is written on
 *       every VM the driver creates or clones: its origin, whether it ever ran (so a new VM reads as DEFINED),
 *       and the InstallService port it inherited from its template.</li>
 * </ul>
 * libvirt keeps one element per namespace, so a domain carries at most one of the two.
 */
final class GveMetadata {
    static final String NAMESPACE = "urn:gve:libvirt:1";
    static final String PREFIX = "gve";

    static final String INSTALL_SERVICE = "install-service";
    private static final Logger LOG = Logger.getLogger(GveMetadata.class.getName());

    /** What the template mark says; {@code installServicePort} 0 when its guests run no InstallService. */
    record TemplateMark(String osName, String architecture, int installServicePort) {
        TemplateMark(String osName, String architecture) {
            this(osName, architecture, 0);
        }
    }

    /** What the instance mark says; {@code installServicePort} 0 when the VM runs no InstallService. */
    record InstanceMark(String templateId, String osName, boolean started, int installServicePort) {
        InstanceMark(String templateId, String osName, boolean started) {
            this(templateId, osName, started, 0);
        }

        InstanceMark asStarted() {
            return new InstanceMark(templateId, osName, true, installServicePort);
        }

        /** The element as libvirt's metadata API wants it (no namespace declaration; libvirt adds it). */
        String toElementXml() {
            return "<instance template=\"" + Xml.escape(templateId) + "\" os=\"" + Xml.escape(osName)
                    + "\" started=\"" + (started ? "yes" : "no") + "\""
                    + (installServicePort > 0 ? " " + INSTALL_SERVICE + "=\"" + installServicePort + "\"" : "") + "/>";
        }
    }

    private GveMetadata() {
    }

    static Optional<TemplateMark> template(Element domain) {
        return mark(domain, "template").map(e -> new TemplateMark(e.getAttribute("os"), e.getAttribute("arch"),
                port(e)));
    }

    static Optional<InstanceMark> instance(Element domain) {
        return mark(domain, "instance").map(e -> new InstanceMark(e.getAttribute("template"), e.getAttribute("os"),
                !"no".equals(e.getAttribute("started")), port(e)));
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
        if (mark.installServicePort() > 0) e.setAttribute(INSTALL_SERVICE, String.valueOf(mark.installServicePort()));
        metadata.appendChild(e);
    }

    /**
     * The install-service attribute: a TCP port, or 0 when absent. A value that is no port is logged and read
     * as absent, so one broken mark cannot break every listing of the host.
     */
    private static int port(Element mark) {
        String value = mark.getAttribute(INSTALL_SERVICE).trim();
        if (value.isEmpty()) return 0;
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) return port;
        } catch (NumberFormatException e) {
            // logged below
        }
        LOG.warning(() -> "ignoring GVE mark " + INSTALL_SERVICE + "='" + value + "': not a TCP port");
        return 0;
    }

    private static Optional<Element> mark(Element domain, String name) {
        return Xml.child(domain, "metadata").flatMap(metadata -> Xml.children(metadata, name).stream()
                .filter(e -> NAMESPACE.equals(e.getNamespaceURI())).findFirst());
    }
}
