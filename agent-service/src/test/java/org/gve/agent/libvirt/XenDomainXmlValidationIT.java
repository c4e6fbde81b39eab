package org.gve.agent.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gve.agent.libvirt.GveMetadata.InstanceMark;
import org.gve.agent.libvirt.TemplateToDomainXml.NewDisk;
import org.gve.agent.libvirt.TemplateToDomainXml.NewDomain;
import org.gve.agent.libvirt.XenDomainXml.Bootloader;
import org.gve.agent.libvirt.XenDomainXml.Kernel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * No Xen host runs here, so the Xen domain XML GVE writes is checked against libvirt's own schema with
 * {@code virt-xml-validate} (package libvirt-clients; it needs {@code xmllint} from libxml2-utils): the PV and
 * HVM XML of {@link XenDomainXml}, the templates of the Xen node file, and what {@link TemplateToDomainXml}
 * derives from them (and from the KVM template). Skipped only when virt-xml-validate is not installed.
 */
class XenDomainXmlValidationIT {
    private static final Path VALIDATOR = Path.of("/usr/bin/virt-xml-validate");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsTheValidator() {
        assumeTrue(Files.isExecutable(VALIDATOR), "virt-xml-validate is not installed (apt-get install libvirt-clients); "
                + "Xen domain XML not validated");
        if (findOnPath("xmllint").isEmpty()) {
            fail("virt-xml-validate is installed but cannot work without xmllint: apt-get install libxml2-utils");
        }
    }

    @Test
    void paravirtualizedXmlValidates() {
        validate("pv-kernel", XenDomainXml.paravirtualized(XenDomainXmlTest.GUEST, new Kernel("/boot/vmlinuz",
                "/boot/initrd.img", "root=/dev/xvda1 console=hvc0")));
        validate("pv-pygrub", XenDomainXml.paravirtualized(XenDomainXmlTest.GUEST,
                new Bootloader("/usr/lib/xen-4.17/bin/pygrub")));
    }

    @Test
    void hardwareVirtualizedXmlValidates() {
        validate("hvm", XenDomainXml.hardwareVirtualized(XenDomainXmlTest.GUEST, "/var/log/gve/debian-hvm.serial.log"));
    }

    @Test
    void nodeFileTemplatesAndTheDomainsDerivedFromThemValidate() throws IOException {
        List<String> templates = new ArrayList<>(domainsOf(TestNodes.XEN_HOST));
        templates.addAll(domainsOf(TestNodes.KVM_HOST));
        assertEquals(3, templates.size());
        for (String template : templates) {
            DomainXml t = DomainXml.parse(template);
            validate(t.name(), template);
            String disk = t.disks().get(0).path();
            String derived = TemplateToDomainXml.apply(template, new NewDomain("vm-of-" + t.name(),
                    "kvm".equals(t.type()) ? "qemu" : null, 2, 512L,
                    Map.of(disk, new NewDisk(disk.replace(".", "-vm1."), "qcow2")),
                    "/var/log/gve/vm-of-" + t.name() + ".serial.log", new InstanceMark(t.name(), "debian-12", false)));
            validate("vm-of-" + t.name(), derived);
        }
    }

    private void validate(String name, String xml) {
        try {
            Path file = Files.writeString(dir.resolve(name + ".xml"), xml);
            Process process = new ProcessBuilder(VALIDATOR.toString(), file.toString(), "domain")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "virt-xml-validate hangs");
            assertEquals(0, process.exitValue(), () -> name + " does not validate:\n" + output + "\n" + xml);
            assertTrue(output.contains("validates"), output);
        } catch (IOException e) {
            fail("cannot run " + VALIDATOR + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    /** The {@code <domain>} elements of a node file, without the test hypervisor's own elements. */
    private static List<String> domainsOf(String nodeFile) throws IOException {
        Document node = Xml.parse(Files.readString(Path.of(TestNodes.uri(nodeFile).substring("test://".length()))));
        List<String> domains = new ArrayList<>();
        for (Element domain : Xml.children(node.getDocumentElement(), "domain")) {
            Xml.removeAll(Xml.children(domain, "runstate"));
            Document alone = Xml.parse("<x/>");
            alone.replaceChild(alone.importNode(domain, true), alone.getDocumentElement());
            domains.add(Xml.serialize(alone));
        }
        return domains;
    }

    private static Optional<Path> findOnPath(String program) {
        for (String entry : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(entry, program);
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
