package org.gve.agent.spi;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The boundary between the agent and one hypervisor. KVM and Xen (libvirt) and VMware (vSphere)
 * implement it; {@link HypervisorDriverProvider} finds them. Every method either does what it says
 * or throws {@link DriverException}; a hypervisor that cannot do something throws
 * {@link DriverError#UNSUPPORTED}, never a silent no-op. Operations are idempotent where a
 * retry may repeat them: starting a running VM returns its description at once.
 */
public interface HypervisorDriver extends AutoCloseable {

    HypervisorKind kind();

    HostDescription describeHost();

    /** Every VM the hypervisor knows, templates excluded. */
    List<VmDescription> listVms();

    Optional<VmDescription> findVm(String vmId);

    List<TemplateDescription> listTemplates();

    /** Defines (does not start) a new VM whose disk starts as a copy of the template's. */
    VmDescription create(VmSpec spec);

    /** Copies a stopped VM, disks included, into a new VM called {@code newName}. */
    VmDescription cloneVm(String vmId, String newName);

    VmDescription power(String vmId, PowerAction action);

    VmDescription snapshot(String vmId, SnapshotAction action, String snapshotName);

    /** Changes vCPUs and memory of a stopped VM; null keeps the current value. */
    VmDescription reconfigure(String vmId, Integer vcpus, Long memoryMiB);

    /** Powers off if needed and removes the VM and its disks from the hypervisor. */
    void delete(String vmId);

    /** Where another agent should send VMs that migrate here. */
    MigrationTarget migrationTarget();

    /** Moves the VM (live when running) to {@code target}; afterwards this driver no longer lists it. */
    VmDescription migrate(String vmId, MigrationTarget target);

    /** The hypervisor's own channel into the guest, if it has one. */
    Optional<GuestChannel> guestChannel(String vmId);

    /**
     * Prepares a VM that is not running so that GVE's InstallService starts in it at boot, accepts only
     * the credential whose credential-file line ({@code sha256:SALT:HEX}, see install-service) is given,
     * and is reachable from the agent at the returned endpoint. Empty, with nothing changed, when the
     * VM's template does not run the InstallService. Called by the agent after {@link #create} and
     * {@link #cloneVm}; drivers that cannot provision guests keep this default.
     */
    default Optional<URI> provisionInstallService(String vmId, String credentialLine) {
        return Optional.empty();
    }

    @Override
    void close();
}
