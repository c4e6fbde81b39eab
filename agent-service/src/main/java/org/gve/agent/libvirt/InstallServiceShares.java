package org.gve.agent.libvirt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The 9p shares of an InstallService guest ({@link InstallServiceXml}): replaces the credential share an earlier
 * provisioning wrote (a clone's source) with the VM's own directory, read-only, and refuses any other share that
 * would let the guest read the host's root or other VMs' credentials (the root, the credential root, a directory
 * above it or one inside it).
 */
final class InstallServiceShares {
    private InstallServiceShares() {
    }

    static void replace(Element domain, InstallServiceXml.Plan plan) {
        Element devices = Xml.childOrNew(domain, "devices");
        List<Element> stale = new ArrayList<>();
        Path root = plan.credentialRoot().toAbsolutePath().normalize();
        for (Element fs : Xml.children(devices, "filesystem")) {
            String target = Xml.child(fs, "target").map(t -> t.getAttribute("dir")).orElse("");
            if (InstallServiceXml.CREDENTIAL_TAG.equals(target)) {
                stale.add(fs);
                continue;
            }
            String source = Xml.child(fs, "source").map(s -> s.getAttribute("dir")).orElse("");
            if (source.isEmpty()) continue;
            Path shared = Path.of(source).toAbsolutePath().normalize();
            if (shared.getNameCount() == 0 || root.startsWith(shared) || shared.startsWith(root)) {
                throw new DriverException(DriverError.INVALID_ARGUMENT, "an InstallService template must not share "
                        + source + " (9p target '" + target + "') with its guests: it is the host's root or holds"
                        + " other VMs' InstallService credentials (" + root + "). Share only /usr, the guest etc and"
                        + " the jar's directory (gve.root=split of deploy/scripts/setup-guest-jvm.sh)");
            }
        }
        Xml.removeAll(stale);
        Document doc = domain.getOwnerDocument();
        Element fs = doc.createElement("filesystem");
        fs.setAttribute("type", "mount");
        fs.setAttribute("accessmode", "passthrough");
        fs.setAttribute("multidevs", "remap");
        Element source = doc.createElement("source");
        source.setAttribute("dir", plan.credentialDir().toAbsolutePath().normalize().toString());
        Element target = doc.createElement("target");
        target.setAttribute("dir", InstallServiceXml.CREDENTIAL_TAG);
        fs.appendChild(source);
        fs.appendChild(target);
        fs.appendChild(doc.createElement("readonly"));
        devices.appendChild(fs);
    }
}
