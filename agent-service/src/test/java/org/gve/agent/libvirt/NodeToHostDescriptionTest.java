package org.gve.agent.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gve.agent.spi.HostDescription;
import org.gve.agent.spi.StoragePoolDescription;
import org.junit.jupiter.api.Test;
import org.libvirt.NodeInfo;

class NodeToHostDescriptionTest {

    @Test
    void describesTheHost() {
        NodeInfo node = new NodeInfo();
        node.model = "x86_64";
        node.cpus = 8;
        node.mhz = 2400;
        node.memory = 16L * 1024 * 1024;
        StoragePoolDescription pool = NodeToHostDescription.pool(
                "<pool type='dir'><name>images</name><target><path>/var/lib/gve/images</path></target></pool>",
                100L << 30, 99L << 30);
        HostDescription host = NodeToHostDescription.apply("node1", "qemu:///system", "QEMU", 7_002_000, node,
                "<capabilities><host><uuid>x</uuid><cpu><arch>x86_64</arch></cpu></host></capabilities>", List.of(pool));
        assertEquals(new HostDescription("node1", "qemu:///system", "QEMU 7.2.0", "x86_64", "x86_64", 8, 2400, 16384,
                List.of(new StoragePoolDescription("images", "dir", "/var/lib/gve/images", 102400, 101376))), host);
    }

    @Test
    void decodesLibvirtVersions() {
        assertEquals("9.0.0", NodeToHostDescription.version(9_000_000));
        assertEquals("0.0.2", NodeToHostDescription.version(2));
        assertEquals("4.17.3", NodeToHostDescription.version(4_017_003));
    }
}
