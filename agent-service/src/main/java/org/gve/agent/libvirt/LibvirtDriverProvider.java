package org.gve.agent.libvirt;

import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.DriverSettings;
import org.gve.agent.spi.HypervisorDriver;
import org.gve.agent.spi.HypervisorDriverProvider;
import org.gve.agent.spi.HypervisorKind;

/**
 * KVM and Xen through libvirt-java. {@link DriverSettings#uri()} is a libvirt URI: {@code qemu:///system},
 * {@code xen:///system}, or {@code test:///ABSOLUTE/PATH/node.xml} for libvirt's built-in test hypervisor.
 * Options: see {@link LibvirtOptions.Key}.
 */
public final class LibvirtDriverProvider implements HypervisorDriverProvider {
    private static final Logger LOG = Logger.getLogger(LibvirtDriverProvider.class.getName());
    /** {@code virConnectGetType} answers per family; the test hypervisor plays any. */
    private static final Set<String> KVM_TYPES = Set.of("QEMU", "TEST");
    private static final Set<String> XEN_TYPES = Set.of("XEN", "TEST");

    @Override
    public String name() {
        return "libvirt";
    }

    @Override
    public boolean supports(HypervisorKind kind) {
        return kind == HypervisorKind.KVM || kind == HypervisorKind.XEN;
    }

    @Override
    public HypervisorDriver open(DriverSettings settings) {
        if (!supports(settings.kind())) {
            throw new DriverException(DriverError.UNSUPPORTED, "the libvirt driver does not drive " + settings.kind());
        }
        if (settings.uri() == null || settings.uri().isBlank()) {
            throw new DriverException(DriverError.INVALID_ARGUMENT, "the libvirt driver needs a connection URI");
        }
        if (settings.imageDirectory() == null) {
            throw new DriverException(DriverError.INVALID_ARGUMENT, "the libvirt driver needs an image directory");
        }
        LibvirtOptions options = LibvirtOptions.from(settings);
        LibvirtConnection connection = LibvirtConnection.open(settings.uri());
        try {
            Identity identity = connection.call("identifying " + settings.uri(),
                    c -> new Identity(c.getType(), c.getHostName()));
            String type = identity.type().toUpperCase(Locale.ROOT);
            Set<String> accepted = settings.kind() == HypervisorKind.KVM ? KVM_TYPES : XEN_TYPES;
            if (!accepted.contains(type)) {
                throw new DriverException(DriverError.INVALID_ARGUMENT, settings.uri() + " is a " + identity.type()
                        + " hypervisor, not " + settings.kind());
            }
            LOG.info(() -> "libvirt driver for " + settings.kind() + " on " + settings.uri() + " (" + identity.type()
                    + ", host " + identity.hostName() + ", new domains of type "
                    + (settings.kind() == HypervisorKind.KVM ? options.domainType() : "xen") + ")");
            return new LibvirtDriver(settings, options, connection, identity.hostName(), identity.type());
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** What the connection says it is: hypervisor type (QEMU, Xen, TEST) and host name. */
    private record Identity(String type, String hostName) {
    }
}
