package org.gve.agent.libvirt;

import java.util.Optional;

/** Storage volume XML for a new VM's disk: a qcow2 overlay on a template volume, or a full copy of one. */
final class VolumeXml {
    private VolumeXml() {
    }

    /** A qcow2 volume whose backing file is {@code backingPath}; it only stores what the VM changes. */
    static String overlay(String name, long capacityBytes, String backingPath, String backingFormat,
                          Optional<String> permissions) {
        return "<volume>\n  <name>" + Xml.escape(name) + "</name>\n"
                + "  <capacity unit='bytes'>" + capacityBytes + "</capacity>\n"
                + target("qcow2", permissions)
                + "  <backingStore>\n    <path>" + Xml.escape(backingPath) + "</path>\n"
                + "    <format type='" + Xml.escape(backingFormat) + "'/>\n  </backingStore>\n"
                + "</volume>\n";
    }

    /** A volume to be filled from another one ({@code virStorageVolCreateXMLFrom}), in {@code format}. */
    static String copy(String name, long capacityBytes, String format, Optional<String> permissions) {
        return "<volume>\n  <name>" + Xml.escape(name) + "</name>\n"
                + "  <capacity unit='bytes'>" + capacityBytes + "</capacity>\n"
                + target(format, permissions)
                + "</volume>\n";
    }

    /** The format (qcow2, raw...) a volume XML declares; raw when it declares none. */
    static String format(String volumeXml) {
        return Xml.child(Xml.parse(volumeXml).getDocumentElement(), "target")
                .flatMap(t -> Xml.child(t, "format"))
                .flatMap(f -> Xml.attr(f, "type"))
                .orElse("raw");
    }

    private static String target(String format, Optional<String> permissions) {
        return "  <target>\n    <format type='" + Xml.escape(format) + "'/>\n"
                + permissions.map(mode -> "    <permissions>\n      <mode>" + mode + "</mode>\n    </permissions>\n")
                        .orElse("")
                + "  </target>\n";
    }
}
