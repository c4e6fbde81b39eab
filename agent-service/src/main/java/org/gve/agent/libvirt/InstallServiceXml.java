package org.gve.agent.libvirt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The domain XML of an InstallService guest. Such a guest boots the guest-jvm kernel of
 * deploy/scripts/setup-guest-jvm.sh in its split-root mode ({@code gve.root=split}): its init runs
 * {@code gve.app=JAR} (the InstallService) with the host's JVM from read-only 9p shares of the host's /usr, a
 * minimal etc and the jar's directory, and nothing else of the host. This translation gives the guest its own
 * credential directory as one more read-only share (tag {@value #CREDENTIAL_TAG}, seen at
 * {@value #GUEST_CREDENTIAL_DIR}), its kernel command line the guest's host name and the InstallService's
 * arguments (the credential file, the port), and its QEMU user network a host-local forward to that port. A
 * template sharing the host's root, or any directory holding other VMs' credentials, is refused. Values an
 * earlier provisioning wrote (a clone's source) are replaced, everything else is kept.
 */
final class InstallServiceXml {
    static final String QEMU_NAMESPACE = "http://libvirt.org/schemas/domain/qemu/1.0";
    static final String NETDEV_ID = "gvenet0";
    static final String CREDENTIAL_TAG = "gvecred";
    static final String GUEST_CREDENTIAL_DIR = "/gve/credential";
    private static final Pattern FORWARDED = Pattern.compile("hostfwd=tcp:[^:,]*:(\\d+)-");
    private static final Set<String> OWN_OPTIONS = Set.of("--credential-file", "--port");

    /**
     * @param hostName       the guest's host name (the VM's name)
     * @param credentialDir  the VM's own credential directory on the host (shared read-only with the guest)
     * @param credentialRoot the directory of all VMs' credential directories (the guest must not see it)
     * @param guestPort      the InstallService's port in the guest
     * @param forwardAddress host address of the forward
     * @param hostPort       host port of the forward
     * @param mac            MAC address of the guest's network card
     */
    record Plan(String hostName, Path credentialDir, Path credentialRoot, int guestPort, String forwardAddress,
                int hostPort, String mac) {
    }

    private InstallServiceXml() {
    }

    static String apply(String inactiveXml, Plan plan) {
        Document doc = Xml.parse(inactiveXml);
        Element domain = doc.getDocumentElement();
        Element os = Xml.child(domain, "os").orElseThrow(InstallServiceXml::noDirectKernel);
        if (Xml.child(os, "kernel").isEmpty()) throw noDirectKernel();
        Element cmdline = Xml.childOrNew(os, "cmdline");
        cmdline.setTextContent(commandLine(cmdline.getTextContent(), plan));
        InstallServiceShares.replace(domain, plan);
        replaceNetwork(domain, plan);
        return Xml.serialize(doc);
    }

    /** Host ports of the InstallService (or any other) TCP forwards a domain's QEMU arguments set up. */
    static List<Integer> forwardedHostPorts(String domainXml) {
        List<Integer> ports = new ArrayList<>();
        for (Element arg : qemuArgs(Xml.parse(domainXml).getDocumentElement())) {
            Matcher m = FORWARDED.matcher(arg.getAttribute("value"));
            while (m.find()) ports.add(Integer.parseInt(m.group(1)));
        }
        return ports;
    }

    static String commandLine(String current, Plan plan) {
        List<String> kept = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (String token : current.trim().split("\\s+")) {
            if (token.isEmpty() || token.startsWith("gve.hostname=") || token.startsWith("gve.root=")) continue;
            if (token.startsWith("gve.args=")) {
                args.addAll(GuestJvmArgs.decode(token.substring("gve.args=".length())));
            } else {
                kept.add(token);
            }
        }
        List<String> appArgs = withoutOwnOptions(args);
        appArgs.addAll(List.of("--credential-file", GUEST_CREDENTIAL_DIR + "/" + InstallServiceProvisioner.CREDENTIAL_FILE,
                "--port", String.valueOf(plan.guestPort())));
        kept.add("gve.root=split");
        kept.add("gve.hostname=" + plan.hostName());
        kept.add("gve.args=" + GuestJvmArgs.encode(appArgs));
        return String.join(" ", kept);
    }

    private static List<String> withoutOwnOptions(List<String> args) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (OWN_OPTIONS.contains(arg)) {
                i++;
            } else if (OWN_OPTIONS.stream().noneMatch(o -> arg.startsWith(o + "="))) {
                result.add(arg);
            }
        }
        return result;
    }

    private static void replaceNetwork(Element domain, Plan plan) {
        Set<Element> stale = new LinkedHashSet<>();
        List<Element> args = qemuArgs(domain);
        for (int i = 0; i < args.size(); i++) {
            String value = args.get(i).getAttribute("value");
            if (value.startsWith("user,id=" + NETDEV_ID + ",") || value.startsWith("virtio-net-pci,netdev=" + NETDEV_ID)) {
                stale.add(args.get(i));
                if (i > 0 && Set.of("-netdev", "-device").contains(args.get(i - 1).getAttribute("value"))) {
                    stale.add(args.get(i - 1));
                }
            }
        }
        Xml.removeAll(List.copyOf(stale));
        Document doc = domain.getOwnerDocument();
        Element commandline = qemuCommandline(domain).orElseGet(() -> {
            Element created = doc.createElementNS(QEMU_NAMESPACE, "qemu:commandline");
            domain.appendChild(created);
            return created;
        });
        for (String value : List.of("-netdev",
                "user,id=" + NETDEV_ID + ",net=10.0.2.0/24,restrict=on,hostfwd=tcp:" + plan.forwardAddress() + ":"
                        + plan.hostPort() + "-:" + plan.guestPort(),
                "-device", "virtio-net-pci,netdev=" + NETDEV_ID + ",mac=" + plan.mac() + ",addr=0x10")) {
            Element arg = doc.createElementNS(QEMU_NAMESPACE, "qemu:arg");
            arg.setAttribute("value", value);
            commandline.appendChild(arg);
        }
    }

    private static java.util.Optional<Element> qemuCommandline(Element domain) {
        return Xml.children(domain, "commandline").stream()
                .filter(e -> QEMU_NAMESPACE.equals(e.getNamespaceURI())).findFirst();
    }

    private static List<Element> qemuArgs(Element domain) {
        List<Element> args = new ArrayList<>();
        for (Element commandline : Xml.children(domain, "commandline")) {
            if (QEMU_NAMESPACE.equals(commandline.getNamespaceURI())) args.addAll(Xml.children(commandline, "arg"));
        }
        return args;
    }

    private static DriverException noDirectKernel() {
        return new DriverException(DriverError.INVALID_ARGUMENT, "an InstallService template must boot a kernel"
                + " directly (<os><kernel>, the guest-jvm kernel of deploy/scripts/setup-guest-jvm.sh): the agent"
                + " passes the InstallService's credential file and port on its command line");
    }
}
