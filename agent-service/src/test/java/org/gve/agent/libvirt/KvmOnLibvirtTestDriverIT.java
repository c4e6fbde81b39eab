package org.gve.agent.libvirt;

import java.util.Map;
import org.gve.agent.spi.HypervisorDriver;
import org.gve.agent.spi.HypervisorDriverContract;
import org.gve.agent.spi.HypervisorKind;

/**
 * The driver contract for KVM on libvirt's built-in test hypervisor (no daemon; node file
 * src/test/resources/libvirt/kvm-host.xml). The test hypervisor cannot migrate and has no guest agent.
 */
class KvmOnLibvirtTestDriverIT extends HypervisorDriverContract {

    @Override
    protected HypervisorDriver openDriver() {
        return new LibvirtDriverProvider().open(TestNodes.settings(HypervisorKind.KVM, TestNodes.KVM_HOST, Map.of()));
    }

    @Override
    protected String templateId() {
        return "tiny-template";
    }

    @Override
    protected HypervisorKind expectedKind() {
        return HypervisorKind.KVM;
    }

    @Override
    protected boolean canMigrate() {
        return false;
    }

    /** The test hypervisor has no guest agent. */
    @Override
    protected boolean canReachGuest() {
        return false;
    }
}
