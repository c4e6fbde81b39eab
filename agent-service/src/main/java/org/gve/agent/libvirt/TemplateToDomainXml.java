package org.gve.agent.libvirt;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gve.agent.libvirt.GveMetadata.InstanceMark;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds a new domain's XML from a template's (or, for a clone, a stopped VM's) inactive XML: a new name,
 * no UUID and no MAC addresses (libvirt generates both), the requested vCPUs and memory, the new domain's
 * own disks, its own serial log, GVE's instance mark instead of the template mark, and optionally another
 * domain type (kvm/qemu). Every file-backed disk of the source must be given a replacement, so that the
 * new domain never writes to its template's image.
 */
final class TemplateToDomainXml {

    /**
     * @param domainType  kvm, qemu, xen... or null to keep the source's
     * @param vcpus       null keeps the source's
     * @param memoryMiB   null keeps the source's
     * @param disks       source disk path to the new domain's disk
     * @param serialLog   file for the first serial port (HVM); Xen PV guests keep their xen console
     */
    record NewDomain(String name, String domainType, Integer vcpus, Long memoryMiB, Map<String, NewDisk> disks,
                     String serialLog, InstanceMark instance) {
        NewDomain {
            disks = Map.copyOf(disks);
        }
    }

    /** Where a new domain's disk lives and its format (qcow2, raw). */
    record NewDisk(String path, String format) {
    }

    private TemplateToDomainXml() {
    }

    static String apply(String sourceXml, NewDomain target) {
        Document doc = Xml.parse(sourceXml);
        Element domain = doc.getDocumentElement();
        domain.removeAttribute("id");
        if (target.domainType() != null) domain.setAttribute("type", target.domainType());
        Xml.childOrNew(domain, "name").setTextContent(target.name());
        Xml.removeAll(Xml.children(domain, "uuid"));
        GveMetadata.markInstance(domain, target.instance());
        ResizeDomainXml.apply(domain, target.vcpus(), target.memoryMiB());
        Element devices = Xml.childOrNew(domain, "devices");
        replaceDisks(devices, target.disks());
        forgetNetworkIdentity(devices);
        forgetGeneratedPaths(devices);
        boolean paravirtualized = Xml.child(domain, "os").flatMap(os -> Xml.childText(os, "type"))
                .map(type -> !"hvm".equals(type)).orElse(false);
        if (paravirtualized) {
            XenDomainXml.useXenConsole(devices);
        } else {
            useSerialLog(devices, target.serialLog());
        }
        return Xml.serialize(doc);
    }

    private static void replaceDisks(Element devices, Map<String, NewDisk> disks) {
        for (Element disk : Xml.children(devices, "disk")) {
            if (!"disk".equals(Xml.attr(disk, "device").orElse("disk"))) continue;
            Optional<String> path = DomainXml.sourcePath(disk);
            if (path.isEmpty()) continue;
            NewDisk replacement = disks.get(path.get());
            if (replacement == null) {
                throw new DriverException(DriverError.INVALID_ARGUMENT, "disk " + path.get()
                        + " has no replacement: a new domain must not share its source's disk");
            }
            disk.setAttribute("type", "file");
            Element source = Xml.childOrNew(disk, "source");
            source.removeAttribute("dev");
            source.setAttribute("file", replacement.path());
            Element driver = Xml.child(disk, "driver").orElseGet(() -> {
                Element created = disk.getOwnerDocument().createElement("driver");
                created.setAttribute("name", "qemu");
                disk.insertBefore(created, disk.getFirstChild());
                return created;
            });
            driver.setAttribute("type", replacement.format());
            Xml.removeAll(Xml.children(disk, "backingStore"));
        }
    }

    private static void forgetNetworkIdentity(Element devices) {
        for (Element nic : Xml.children(devices, "interface")) {
            Xml.removeAll(Xml.children(nic, "mac"));
            Xml.removeAll(Xml.children(nic, "target"));
        }
        for (Element graphics : Xml.children(devices, "graphics")) {
            if (graphics.hasAttribute("port")) {
                graphics.removeAttribute("port");
                graphics.setAttribute("autoport", "yes");
            }
        }
    }

    /** Paths libvirt generates per domain (guest agent sockets...) must be generated again. */
    private static void forgetGeneratedPaths(Element devices) {
        for (Element channel : Xml.children(devices, "channel")) {
            if (!"unix".equals(channel.getAttribute("type"))) continue;
            Xml.child(channel, "source").ifPresent(source -> source.removeAttribute("path"));
            Xml.child(channel, "target").ifPresent(t -> t.removeAttribute("state"));
        }
    }

    private static void useSerialLog(Element devices, String serialLog) {
        Xml.removeAll(Xml.children(devices, "serial"));
        List<Element> serialConsoles = Xml.children(devices, "console").stream()
                .filter(c -> Xml.child(c, "target").flatMap(t -> Xml.attr(t, "type")).orElse("serial").equals("serial"))
                .toList();
        Xml.removeAll(serialConsoles);
        Document doc = devices.getOwnerDocument();
        Element serial = doc.createElement("serial");
        serial.setAttribute("type", "file");
        Element source = doc.createElement("source");
        source.setAttribute("path", serialLog);
        Element target = doc.createElement("target");
        target.setAttribute("port", "0");
        serial.appendChild(source);
        serial.appendChild(target);
        devices.appendChild(serial);
    }
}
