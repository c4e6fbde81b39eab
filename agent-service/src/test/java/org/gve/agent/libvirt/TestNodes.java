package org.gve.agent.libvirt;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.gve.agent.spi.DriverSettings;
import org.gve.agent.spi.HypervisorKind;

/** The node files under src/test/resources/libvirt as libvirt test-hypervisor URIs, and settings for them. */
final class TestNodes {
    static final String KVM_HOST = "kvm-host.xml";
    static final String XEN_HOST = "xen-host.xml";

    private TestNodes() {
    }

    /** {@code test:///ABSOLUTE/PATH/file}: libvirt's test hypervisor loaded from the node file. */
    static String uri(String nodeFile) {
        URL url = TestNodes.class.getResource("/libvirt/" + nodeFile);
        if (url == null) throw new IllegalStateException("missing test resource libvirt/" + nodeFile);
        try {
            return "test://" + Path.of(url.toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static DriverSettings settings(HypervisorKind kind, String nodeFile, Map<String, String> options) {
        return new DriverSettings(kind, uri(nodeFile), null, null, Path.of("/var/lib/gve/logs"),
                Duration.ofMillis(20), Duration.ofSeconds(10), options);
    }
}
