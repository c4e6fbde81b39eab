package org.gve.agent.libvirt;

import java.nio.file.Path;
import java.util.Locale;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The domain XML a migrating VM gets at its destination: the same domain (name, UUID, disks on shared
 * storage) with its own serial log file there, and without the per-host paths libvirt generates (guest
 * agent sockets), which the destination generates again.
 */
final class MigrationXml {
    private MigrationXml() {
    }

    static String forDestination(String migratableXml, String destinationSerialLog) {
        Document doc = Xml.parse(migratableXml);
        Element devices = Xml.childOrNew(doc.getDocumentElement(), "devices");
        for (String kind : new String[] {"serial", "console"}) {
            for (Element device : Xml.children(devices, kind)) {
                if (!"file".equals(device.getAttribute("type"))) continue;
                Xml.child(device, "source").ifPresent(source -> source.setAttribute("path", destinationSerialLog));
            }
        }
        for (Element channel : Xml.children(devices, "channel")) {
            if (!"unix".equals(channel.getAttribute("type"))) continue;
            Xml.child(channel, "source").ifPresent(source -> source.removeAttribute("path"));
            Xml.child(channel, "target").ifPresent(target -> target.removeAttribute("state"));
        }
        return Xml.serialize(doc);
    }

    /**
     * The serial log at the destination: beside the current one, named after the destination host
     * ({@code vm.serial.log} becomes {@code vm.HOST.serial.log}), so that two hosts sharing the image directory
     * never write one file. When that is the current file (migrating back), the plain name is used.
     */
    static String destinationSerialLog(String currentLog, String vmName, String destinationHost) {
        Path directory = Path.of(currentLog).getParent();
        String host = destinationHost == null || destinationHost.isBlank() ? "destination"
                : destinationHost.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "_");
        Path candidate = directory.resolve(vmName + "." + host + ".serial.log");
        if (!candidate.toString().equals(currentLog)) return candidate.toString();
        return directory.resolve(vmName + ".serial.log").toString();
    }
}
