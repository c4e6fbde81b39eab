package org.gve.agent.libvirt;

import java.util.Map;
import org.gve.agent.spi.HypervisorDriver;
import org.gve.agent.spi.HypervisorDriverContract;
import org.gve.agent.spi.HypervisorKind;

/**
 * The driver contract for Xen on libvirt's built-in test hypervisor (node file
 * src/test/resources/libvirt/xen-host.xml, Xen PV template {@code debian-pv}). No Xen host runs here: this
 * covers the driver's lifecycle logic with Xen domain XML, not libxl itself (see README-libvirt.md).
 */
class XenOnLibvirtTestDriverIT extends HypervisorDriverContract {

    @Override
    protected HypervisorDriver openDriver() {
        return new LibvirtDriverProvider().open(TestNodes.settings(HypervisorKind.XEN, TestNodes.XEN_HOST, Map.of()));
    }

    @Override
    protected String templateId() {
        return "debian-pv";
    }

    @Override
    protected HypervisorKind expectedKind() {
        return HypervisorKind.XEN;
    }

    @Override
    protected boolean canMigrate() {
        return false;
    }

    /** Xen has no QEMU guest agent channel; GVE reaches Xen guests through the InstallService. */
    @Override
    protected boolean canReachGuest() {
        return false;
    }
}
