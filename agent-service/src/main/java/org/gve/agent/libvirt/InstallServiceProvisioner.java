package org.gve.agent.libvirt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.gve.agent.libvirt.GveMetadata.InstanceMark;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * Makes a new VM of an InstallService template (template mark {@code install-service="PORT"}) start the
 * InstallService at boot with a credential of its own: the credential-file line goes into a directory of the VM's
 * own under {@code installService.credentialDir} (0700, file 0600), which the guest-jvm guest (split root) sees
 * read-only as a 9p share of that directory alone, never the others' ({@link InstallServiceShares}); the kernel
 * command line passes the file's path in the guest and the port to the InstallService; a
 * QEMU user-network forward from a free host port in {@code installService.hostPorts} (on
 * {@code installService.forwardAddress}) reaches it. Callers hold the connection's lock.
 */
final class InstallServiceProvisioner {
    static final String CREDENTIAL_FILE = "install.credential";
    static final String PATH = "/gve/install";
    private static final Logger LOG = Logger.getLogger(InstallServiceProvisioner.class.getName());

    private final InstallServiceOptions options;
    private final SecureRandom random = new SecureRandom();

    InstallServiceProvisioner(InstallServiceOptions options) {
        this.options = options;
    }

    /** The InstallService endpoint of the prepared VM; empty when its template runs none. */
    Optional<URI> provision(Connect connect, Domain domain, String credentialLine) throws LibvirtException {
        DomainXml xml = Domains.xml(domain, Domains.XML_INACTIVE);
        int guestPort = xml.instance().map(InstanceMark::installServicePort).orElse(0);
        if (guestPort == 0) return Optional.empty();
        String uuid = domain.getUUIDString();
        if (domain.isActive() == 1) {
            throw new DriverException(DriverError.INVALID_STATE, "VM " + uuid
                    + " is running; its InstallService can only be provisioned before it boots");
        }
        int hostPort = freeHostPort(connect, uuid);
        Path file = writeCredential(uuid, credentialLine);
        try {
            connect.domainDefineXML(InstallServiceXml.apply(domain.getXMLDesc(Domains.XML_INACTIVE),
                    new InstallServiceXml.Plan(xml.name(), file.getParent(), options.credentialDirectory(), guestPort,
                            options.forwardAddress(), hostPort, mac())));
        } catch (LibvirtException | RuntimeException e) {
            forget(uuid);
            throw e;
        }
        URI endpoint = URI.create("http://" + options.forwardAddress() + ":" + hostPort + PATH);
        LOG.info(() -> "VM " + xml.name() + " (" + uuid + ") will run its InstallService on guest port " + guestPort
                + ", reached at " + endpoint);
        return Optional.of(endpoint);
    }

    /** Removes the VM's credential directory (the VM is gone). */
    void forget(String uuid) {
        Path dir = options.credentialDirectory().resolve(uuid);
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not remove the InstallService credential directory " + dir, e);
        }
    }

    private Path writeCredential(String uuid, String credentialLine) {
        if (!credentialLine.startsWith("sha256:") || credentialLine.contains("\n")) {
            throw new DriverException(DriverError.INVALID_ARGUMENT, "the guest gets only a hashed credential line");
        }
        Path dir = options.credentialDirectory().resolve(uuid);
        try {
            Files.createDirectories(options.credentialDirectory());
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Path part = Files.createTempFile(dir, ".credential", ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(part, credentialLine + "\n", StandardCharsets.UTF_8);
            return Files.move(part, dir.resolve(CREDENTIAL_FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DriverException(DriverError.BACKEND_FAILURE, "cannot write the InstallService credential of VM "
                    + uuid + " under " + options.credentialDirectory() + ": " + e.getMessage(), e);
        }
    }

    /** A port of the range no other domain forwards and nothing listens on now. */
    private int freeHostPort(Connect connect, String exceptUuid) throws LibvirtException {
        Set<Integer> taken = new HashSet<>();
        for (Domain other : connect.listAllDomains(0)) {
            if (other.getUUIDString().equals(exceptUuid)) continue;
            try {
                taken.addAll(InstallServiceXml.forwardedHostPorts(other.getXMLDesc(0)));
            } catch (LibvirtException e) {
                if (LibvirtErrors.translate(e, "reading a domain").error() != DriverError.NOT_FOUND) throw e;
            }
        }
        for (int port = options.firstHostPort(); port <= options.lastHostPort(); port++) {
            if (!taken.contains(port) && bindable(port)) return port;
        }
        throw new DriverException(DriverError.BACKEND_FAILURE, "no free host port for an InstallService forward in "
                + options.firstHostPort() + "-" + options.lastHostPort() + " (option installService.hostPorts)");
    }

    private boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(options.forwardAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A random locally administered MAC in QEMU's 52:54:00 prefix. */
    private String mac() {
        byte[] b = new byte[3];
        random.nextBytes(b);
        return String.format("52:54:00:%02x:%02x:%02x", b[0] & 0xff, b[1] & 0xff, b[2] & 0xff);
    }
}
