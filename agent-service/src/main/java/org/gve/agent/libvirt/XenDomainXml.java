package org.gve.agent.libvirt;

import java.util.Objects;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Domain XML for Xen guests (libvirt's libxl driver, {@code xen:///system}).
 * <ul>
 *   <li>PV: {@code <os><type>linux</type>} with a kernel/initrd or a bootloader (pygrub); no emulated serial
 *       port, the console is the Xen PV console ({@code hvc0}) which xenconsoled logs.</li>
 *   <li>HVM: {@code <os><type>hvm</type>} with hvmloader, ACPI/APIC/PAE, and a file-backed serial port.</li>
 * </ul>
 * Disks use the qdisk backend ({@code driver name='qemu'}), the one that reads qcow2, on the Xen PV bus (xvdX).
 */
final class XenDomainXml {

    /** How a PV guest boots: its own kernel, or a bootloader reading the kernel from the guest's disk. */
    sealed interface PvBoot permits Kernel, Bootloader {
    }

    record Kernel(String kernel, String initrd, String cmdline) implements PvBoot {
    }

    record Bootloader(String path) implements PvBoot {
    }

    /**
     * A Xen guest. {@code templateOs} non-null marks the domain as a GVE template with that OS name.
     */
    record XenGuest(String name, int vcpus, long memoryMiB, String diskPath, String diskFormat, String templateOs) {
        XenGuest {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(diskPath, "diskPath");
            Objects.requireNonNull(diskFormat, "diskFormat");
        }
    }

    static final String HVMLOADER = "/usr/lib/xen/boot/hvmloader";

    private XenDomainXml() {
    }

    static String paravirtualized(XenGuest guest, PvBoot boot) {
        StringBuilder xml = head(guest);
        if (boot instanceof Bootloader b) xml.append("  <bootloader>").append(Xml.escape(b.path())).append("</bootloader>\n");
        xml.append("  <os>\n    <type arch='x86_64' machine='xenpv'>linux</type>\n");
        if (boot instanceof Kernel k) {
            xml.append("    <kernel>").append(Xml.escape(k.kernel())).append("</kernel>\n");
            if (k.initrd() != null) xml.append("    <initrd>").append(Xml.escape(k.initrd())).append("</initrd>\n");
            if (k.cmdline() != null) xml.append("    <cmdline>").append(Xml.escape(k.cmdline())).append("</cmdline>\n");
        }
        xml.append("  </os>\n");
        lifecycle(xml);
        xml.append("  <devices>\n");
        disk(xml, guest);
        xml.append("    <console type='pty'>\n      <target type='xen' port='0'/>\n    </console>\n");
        return xml.append("  </devices>\n</domain>\n").toString();
    }

    static String hardwareVirtualized(XenGuest guest, String serialLog) {
        StringBuilder xml = head(guest);
        xml.append("  <os>\n    <type arch='x86_64' machine='xenfv'>hvm</type>\n")
                .append("    <loader type='rom'>").append(HVMLOADER).append("</loader>\n")
                .append("    <boot dev='hd'/>\n  </os>\n")
                .append("  <features>\n    <acpi/>\n    <apic/>\n    <pae/>\n  </features>\n");
        lifecycle(xml);
        xml.append("  <devices>\n");
        disk(xml, guest);
        xml.append("    <serial type='file'>\n      <source path='").append(Xml.escape(serialLog)).append("'/>\n")
                .append("      <target port='0'/>\n    </serial>\n");
        return xml.append("  </devices>\n</domain>\n").toString();
    }

    /** A PV guest has no serial port to log: drop serial devices and make sure the Xen console is there. */
    static void useXenConsole(Element devices) {
        Xml.removeAll(Xml.children(devices, "serial"));
        boolean hasXenConsole = Xml.children(devices, "console").stream()
                .anyMatch(c -> Xml.child(c, "target").map(t -> "xen".equals(t.getAttribute("type"))).orElse(false));
        Xml.removeAll(Xml.children(devices, "console").stream()
                .filter(c -> Xml.child(c, "target").map(t -> !"xen".equals(t.getAttribute("type"))).orElse(true))
                .toList());
        if (!hasXenConsole) {
            Document doc = devices.getOwnerDocument();
            Element console = doc.createElement("console");
            console.setAttribute("type", "pty");
            Element target = doc.createElement("target");
            target.setAttribute("type", "xen");
            target.setAttribute("port", "0");
            console.appendChild(target);
            devices.appendChild(console);
        }
    }

    private static StringBuilder head(XenGuest guest) {
        StringBuilder xml = new StringBuilder("<domain type='xen'>\n  <name>").append(Xml.escape(guest.name())).append("</name>\n");
        if (guest.templateOs() != null) {
            xml.append("  <metadata>\n    <gve:template xmlns:gve='").append(GveMetadata.NAMESPACE).append("' os='")
                    .append(Xml.escape(guest.templateOs())).append("' arch='x86_64'/>\n  </metadata>\n");
        }
        return xml.append("  <memory unit='MiB'>").append(guest.memoryMiB()).append("</memory>\n")
                .append("  <vcpu>").append(guest.vcpus()).append("</vcpu>\n");
    }

    private static void lifecycle(StringBuilder xml) {
        xml.append("  <on_poweroff>destroy</on_poweroff>\n  <on_reboot>restart</on_reboot>\n")
                .append("  <on_crash>destroy</on_crash>\n");
    }

    private static void disk(StringBuilder xml, XenGuest guest) {
        xml.append("    <disk type='file' device='disk'>\n")
                .append("      <driver name='qemu' type='").append(Xml.escape(guest.diskFormat())).append("'/>\n")
                .append("      <source file='").append(Xml.escape(guest.diskPath())).append("'/>\n")
                .append("      <target dev='xvda' bus='xen'/>\n    </disk>\n");
    }
}
