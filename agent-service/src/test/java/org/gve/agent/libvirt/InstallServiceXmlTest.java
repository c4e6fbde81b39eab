package org.gve.agent.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.gve.agent.libvirt.GveMetadata.InstanceMark;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class InstallServiceXmlTest {
    private static final String VM = """
            <domain type='qemu'>
              <name>gve-abc</name>
              <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>
              <metadata><gve:instance xmlns:gve='urn:gve:libvirt:1' template='jvm' os='linux' started='no' install-service='8700'/></metadata>
              <memory unit='MiB'>512</memory>
              <os>
                <type arch='x86_64' machine='pc'>hvm</type>
                <kernel>/var/lib/libvirt/images/gve-jvm/vmlinux</kernel>
                <initrd>/var/lib/libvirt/images/gve-jvm/initramfs.cpio.gz</initrd>
                <cmdline>console=ttyS0 quiet gve.app=/opt/gve/gve-install-service.jar gve.args=--max-output,4096</cmdline>
              </os>
              <devices><emulator>/usr/bin/qemu-system-x86_64</emulator></devices>
            </domain>
            """;
    private static final Path CREDS = Path.of("/var/lib/gve/creds");
    private static final InstallServiceXml.Plan PLAN = new InstallServiceXml.Plan("gve-abc",
            CREDS.resolve("6695eb01"), CREDS, 8700, "127.0.0.1", 18701, "52:54:00:aa:bb:cc");
    private static final String FILE = "/gve/credential/install.credential";

    @Test
    void commandLineGetsHostNameAndInstallServiceArgumentsAndKeepsTheRest() {
        String xml = InstallServiceXml.apply(VM, PLAN);
        String cmdline = Xml.parse(xml).getDocumentElement().getElementsByTagName("cmdline").item(0).getTextContent();
        assertEquals("console=ttyS0 quiet gve.app=/opt/gve/gve-install-service.jar gve.root=split gve.hostname=gve-abc"
                + " gve.args=--max-output,4096,--credential-file," + FILE + ",--port,8700", cmdline);
    }

    @Test
    void theGuestSeesOnlyItsOwnCredentialDirectoryReadOnly() {
        String template = VM.replace("</devices>", share("/usr", "hostusr") + share("/opt/gve", "gveapp") + "</devices>");
        String first = InstallServiceXml.apply(template, PLAN);
        assertEquals(List.of("/usr=hostusr", "/opt/gve=gveapp", "/var/lib/gve/creds/6695eb01=gvecred"), shares(first));
        Element cred = (Element) Xml.parse(first).getDocumentElement().getElementsByTagName("filesystem").item(2);
        assertEquals("passthrough", cred.getAttribute("accessmode"));
        assertEquals("remap", cred.getAttribute("multidevs"));
        assertEquals(1, cred.getElementsByTagName("readonly").getLength());
        String clone = InstallServiceXml.apply(first, new InstallServiceXml.Plan("gve-clone", CREDS.resolve("77"), CREDS,
                8700, "127.0.0.1", 18702, "52:54:00:00:00:01"));
        assertEquals(List.of("/usr=hostusr", "/opt/gve=gveapp", "/var/lib/gve/creds/77=gvecred"), shares(clone),
                "the clone's source share is replaced, not kept");
    }

    @Test
    void aTemplateSharingTheHostRootOrOtherCredentialsIsRefused() {
        for (String source : List.of("/", "/var", "/var/lib/gve/creds", "/var/lib/gve/creds/other", "/var/lib/../")) {
            String template = VM.replace("</devices>", share(source, "hostroot") + "</devices>");
            DriverException e = assertThrows(DriverException.class, () -> InstallServiceXml.apply(template, PLAN), source);
            assertEquals(DriverError.INVALID_ARGUMENT, e.error());
        }
    }

    @Test
    void theGuestNetworkForwardsAHostLocalPortToTheService() {
        String xml = InstallServiceXml.apply(VM, PLAN);
        assertEquals(List.of("-netdev", "user,id=gvenet0,net=10.0.2.0/24,restrict=on,hostfwd=tcp:127.0.0.1:18701-:8700",
                "-device", "virtio-net-pci,netdev=gvenet0,mac=52:54:00:aa:bb:cc,addr=0x10"), qemuArgs(xml));
        assertEquals(List.of(18701), InstallServiceXml.forwardedHostPorts(xml));
        assertEquals(8700, DomainXml.parse(xml).instance().orElseThrow().installServicePort(), "the mark is kept");
    }

    @Test
    void provisioningAgainReplacesWhatAnEarlierOneWroteAndNothingElse() {
        String first = InstallServiceXml.apply(VM, PLAN);
        String withExtra = first.replace("</qemu:commandline>",
                "<qemu:arg value='-object'/><qemu:arg value='rng-random,id=rng0'/></qemu:commandline>");
        String again = InstallServiceXml.apply(withExtra, new InstallServiceXml.Plan("gve-clone", CREDS.resolve("new"),
                CREDS, 8700, "127.0.0.1", 18702, "52:54:00:00:00:01"));
        String cmdline = Xml.parse(again).getDocumentElement().getElementsByTagName("cmdline").item(0).getTextContent();
        assertTrue(cmdline.endsWith("gve.root=split gve.hostname=gve-clone gve.args=--max-output,4096,--credential-file,"
                + FILE + ",--port,8700"), cmdline);
        assertFalse(cmdline.contains("gve-abc"));
        assertEquals(List.of("-object", "rng-random,id=rng0", "-netdev",
                "user,id=gvenet0,net=10.0.2.0/24,restrict=on,hostfwd=tcp:127.0.0.1:18702-:8700",
                "-device", "virtio-net-pci,netdev=gvenet0,mac=52:54:00:00:00:01,addr=0x10"), qemuArgs(again));
        assertEquals(List.of(18702), InstallServiceXml.forwardedHostPorts(again));
    }

    @Test
    void ownOptionsGivenInTheTemplateAreReplacedToo() {
        String cmdline = InstallServiceXml.commandLine("gve.root=full gve.args=--port=1,--credential-file,/old,--root,/srv gve.hostname=x", PLAN);
        assertEquals("gve.root=split gve.hostname=gve-abc gve.args=--root,/srv,--credential-file," + FILE + ",--port,8700",
                cmdline);
    }

    @Test
    void aTemplateThatBootsFromItsDiskCannotBeProvisioned() {
        String diskBoot = VM.replaceAll("<kernel>.*</kernel>", "");
        DriverException e = assertThrows(DriverException.class, () -> InstallServiceXml.apply(diskBoot, PLAN));
        assertEquals(DriverError.INVALID_ARGUMENT, e.error());
    }

    @Test
    void forwardedPortsOfOtherDomainsAreFound() {
        String other = """
                <domain type='qemu' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'><name>web1</name>
                  <qemu:commandline><qemu:arg value='-netdev'/>
                  <qemu:arg value='user,id=n0,hostfwd=tcp:127.0.0.1:18080-:8080,hostfwd=tcp::2222-:22'/></qemu:commandline>
                </domain>""";
        assertEquals(List.of(18080, 2222), InstallServiceXml.forwardedHostPorts(other));
        assertEquals(List.of(), InstallServiceXml.forwardedHostPorts(VM));
    }

    @Test
    void theMarksCarryTheInstallServicePort() {
        InstanceMark mark = new InstanceMark("jvm", "linux", false, 8700);
        assertTrue(mark.toElementXml().contains("install-service=\"8700\""));
        assertTrue(mark.asStarted().started());
        assertEquals(8700, mark.asStarted().installServicePort());
        assertFalse(new InstanceMark("t", "o", true).toElementXml().contains("install-service"));
        String template = "<domain><metadata><gve:template xmlns:gve='urn:gve:libvirt:1' os='l' arch='x86_64' install-service='8700'/></metadata></domain>";
        assertEquals(8700, DomainXml.parse(template).template().orElseThrow().installServicePort());
        String broken = template.replace("8700", "http");
        assertEquals(0, DomainXml.parse(broken).template().orElseThrow().installServicePort(), "a broken mark reads as none");
    }

    private static String share(String source, String tag) {
        return "<filesystem type='mount' accessmode='passthrough' multidevs='remap'><source dir='" + source
                + "'/><target dir='" + tag + "'/><readonly/></filesystem>";
    }

    private static List<String> shares(String xml) {
        Element devices = Xml.child(Xml.parse(xml).getDocumentElement(), "devices").orElseThrow();
        return Xml.children(devices, "filesystem").stream().map(f -> Xml.child(f, "source").orElseThrow()
                .getAttribute("dir") + "=" + Xml.child(f, "target").orElseThrow().getAttribute("dir")).toList();
    }

    private static List<String> qemuArgs(String xml) {
        Element domain = Xml.parse(xml).getDocumentElement();
        return Xml.children(domain, "commandline").stream()
                .filter(c -> InstallServiceXml.QEMU_NAMESPACE.equals(c.getNamespaceURI()))
                .flatMap(c -> Xml.children(c, "arg").stream()).map(a -> a.getAttribute("value")).toList();
    }
}
