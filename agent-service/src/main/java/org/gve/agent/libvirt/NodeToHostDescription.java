package org.gve.agent.libvirt;

import java.util.List;
import org.gve.agent.spi.HostDescription;
import org.gve.agent.spi.StoragePoolDescription;
import org.libvirt.NodeInfo;
import org.w3c.dom.Element;

/** libvirt's node information, capabilities and pools as a {@link HostDescription}. */
final class NodeToHostDescription {
    private NodeToHostDescription() {
    }

    static HostDescription apply(String hostName, String uri, String hypervisorType, long hypervisorVersion,
                                 NodeInfo node, String capabilitiesXml, List<StoragePoolDescription> pools) {
        return new HostDescription(hostName, uri, hypervisorType + " " + version(hypervisorVersion),
                architecture(capabilitiesXml), node.model, node.cpus, node.mhz, node.memory / 1024, pools);
    }

    /** libvirt encodes versions as major * 1,000,000 + minor * 1,000 + release. */
    static String version(long encoded) {
        return (encoded / 1_000_000) + "." + (encoded / 1_000 % 1_000) + "." + (encoded % 1_000);
    }

    /** {@code <capabilities><host><cpu><arch>}; empty when absent. */
    static String architecture(String capabilitiesXml) {
        Element caps = Xml.parse(capabilitiesXml).getDocumentElement();
        return Xml.child(caps, "host").flatMap(h -> Xml.child(h, "cpu")).flatMap(c -> Xml.childText(c, "arch")).orElse("");
    }

    /** One pool from its XML (type and target path) and its byte counts. */
    static StoragePoolDescription pool(String poolXml, long capacityBytes, long availableBytes) {
        Element pool = Xml.parse(poolXml).getDocumentElement();
        String name = Xml.childText(pool, "name").orElse("");
        String path = Xml.child(pool, "target").flatMap(t -> Xml.childText(t, "path")).orElse("");
        return new StoragePoolDescription(name, pool.getAttribute("type"), path, Units.bytesToMiB(capacityBytes),
                Units.bytesToMiB(availableBytes));
    }
}
