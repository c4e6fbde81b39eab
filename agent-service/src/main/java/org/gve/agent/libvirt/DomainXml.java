package org.gve.agent.libvirt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gve.agent.libvirt.GveMetadata.InstanceMark;
import org.gve.agent.libvirt.GveMetadata.TemplateMark;
import org.w3c.dom.Element;

/**
 * The facts GVE reads from a libvirt domain XML, parsed once.
 *
 * @param type        domain type: kvm, qemu, xen, test...
 * @param osType      {@code hvm} for full virtualization, {@code linux}/{@code xen} for Xen PV
 * @param disks       the domain's disks (device='disk') with a file or block source, in document order
 * @param serialLog   the file behind the first file-backed serial port, if any
 * @param guestAgent  whether a virtio channel {@code org.qemu.guest_agent.0} is configured
 */
record DomainXml(String name, String uuid, String type, String osType, String architecture, int vcpus,
                 long memoryMiB, List<Disk> disks, Optional<TemplateMark> template, Optional<InstanceMark> instance,
                 Optional<String> serialLog, boolean guestAgent) {

    static final String GUEST_AGENT_CHANNEL = "org.qemu.guest_agent.0";

    /** A disk: target device (vda, xvda...), source path, image format (qcow2, raw...; may be empty). */
    record Disk(String target, String path, String format) {
    }

    DomainXml {
        disks = List.copyOf(disks);
    }

    boolean isTemplate() {
        return template.isPresent();
    }

    boolean isParavirtualized() {
        return !"hvm".equals(osType);
    }

    static DomainXml parse(String xml) {
        Element domain = Xml.parse(xml).getDocumentElement();
        Optional<Element> os = Xml.child(domain, "os");
        Optional<Element> osTypeElement = os.flatMap(o -> Xml.child(o, "type"));
        Optional<Element> devices = Xml.child(domain, "devices");
        return new DomainXml(
                Xml.childText(domain, "name").orElse(""),
                Xml.childText(domain, "uuid").orElse(""),
                domain.getAttribute("type"),
                osTypeElement.map(e -> e.getTextContent().trim()).orElse("hvm"),
                osTypeElement.flatMap(e -> Xml.attr(e, "arch")).orElse(""),
                Xml.childText(domain, "vcpu").map(Integer::parseInt).orElse(1),
                Xml.child(domain, "memory").map(DomainXml::mebibytes).orElse(0L),
                devices.map(DomainXml::disks).orElse(List.of()),
                GveMetadata.template(domain),
                GveMetadata.instance(domain),
                devices.flatMap(DomainXml::serialLog),
                devices.map(DomainXml::hasGuestAgent).orElse(false));
    }

    /** The disks of a {@code <devices>} element that are disks (not cdrom/floppy) backed by a file or device. */
    static List<Disk> disks(Element devices) {
        List<Disk> result = new ArrayList<>();
        for (Element disk : Xml.children(devices, "disk")) {
            if (!"disk".equals(Xml.attr(disk, "device").orElse("disk"))) continue;
            Optional<String> path = sourcePath(disk);
            if (path.isEmpty()) continue;
            String target = Xml.child(disk, "target").flatMap(t -> Xml.attr(t, "dev")).orElse("");
            String format = Xml.child(disk, "driver").flatMap(d -> Xml.attr(d, "type")).orElse("");
            result.add(new Disk(target, path.get(), format));
        }
        return result;
    }

    static Optional<String> sourcePath(Element disk) {
        return Xml.child(disk, "source").flatMap(s -> Xml.attr(s, "file").or(() -> Xml.attr(s, "dev")));
    }

    private static long mebibytes(Element sizeElement) {
        return Units.toMiB(Long.parseLong(sizeElement.getTextContent().trim()),
                Xml.attr(sizeElement, "unit").orElse("KiB"));
    }

    private static Optional<String> serialLog(Element devices) {
        return Xml.children(devices, "serial").stream()
                .filter(s -> "file".equals(s.getAttribute("type")))
                .findFirst()
                .flatMap(s -> Xml.child(s, "source"))
                .flatMap(source -> Xml.attr(source, "path"));
    }

    private static boolean hasGuestAgent(Element devices) {
        return Xml.children(devices, "channel").stream()
                .flatMap(c -> Xml.child(c, "target").stream())
                .anyMatch(t -> GUEST_AGENT_CHANNEL.equals(t.getAttribute("name")));
    }
}
