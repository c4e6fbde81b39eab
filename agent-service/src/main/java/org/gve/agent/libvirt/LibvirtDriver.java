package org.gve.agent.libvirt;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gve.agent.libvirt.LibvirtOptions.ShutdownMode;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.DriverSettings;
import org.gve.agent.spi.GuestChannel;
import org.gve.agent.spi.HostDescription;
import org.gve.agent.spi.HypervisorDriver;
import org.gve.agent.spi.HypervisorKind;
import org.gve.agent.spi.MigrationTarget;
import org.gve.agent.spi.PowerAction;
import org.gve.agent.spi.SnapshotAction;
import org.gve.agent.spi.StoragePoolDescription;
import org.gve.agent.spi.TemplateDescription;
import org.gve.agent.spi.VmDescription;
import org.gve.agent.spi.VmSpec;
import org.gve.agent.spi.VmState;
import org.libvirt.Domain;
import org.libvirt.DomainSnapshot;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;

/**
 * KVM and Xen through libvirt. VM ids are libvirt domain UUIDs; template ids are template domain names
 * (domains marked {@code <gve:template>}, see {@link GveMetadata}); disks are volumes of libvirt storage pools.
 * One connection, opened by {@link LibvirtDriverProvider} and closed by {@link #close()}, serves all threads;
 * see {@link LibvirtConnection} for the locking.
 */
final class LibvirtDriver implements HypervisorDriver {
    private static final int AFFECT_CONFIG = 2;

    private final HypervisorKind kind;
    private final DriverSettings settings;
    private final LibvirtOptions options;
    private final LibvirtConnection connection;
    private final Domains domains;
    private final Provisioner provisioner;
    private final Migrator migrator;
    private final InstallServiceProvisioner installServices;
    private final int shutdownFlags;

    LibvirtDriver(DriverSettings settings, LibvirtOptions options, LibvirtConnection connection, String hostName,
                  String connectionType) {
        this.kind = settings.kind();
        this.settings = settings;
        this.options = options;
        this.connection = connection;
        this.domains = new Domains(kind, hostName);
        this.provisioner = new Provisioner(domains, options, settings.imageDirectory(),
                kind == HypervisorKind.KVM ? options.domainType() : null);
        this.migrator = new Migrator(domains, options);
        this.installServices = new InstallServiceProvisioner(InstallServiceOptions.from(settings));
        this.shutdownFlags = shutdownFlags(options.shutdownMode(), connectionType);
    }

    @Override
    public HypervisorKind kind() {
        return kind;
    }

    @Override
    public HostDescription describeHost() {
        return connection.call("describing host", c -> {
            List<StoragePoolDescription> pools = new ArrayList<>();
            for (String name : c.listStoragePools()) {
                StoragePool pool = c.storagePoolLookupByName(name);
                var info = pool.getInfo();
                pools.add(NodeToHostDescription.pool(pool.getXMLDesc(0), info.capacity, info.available));
            }
            return NodeToHostDescription.apply(domains.hostName(), c.getURI(), c.getType(), c.getVersion(),
                    c.nodeInfo(), c.getCapabilities(), pools);
        });
    }

    @Override
    public List<VmDescription> listVms() {
        return connection.call("listing VMs", c -> {
            List<VmDescription> vms = new ArrayList<>();
            for (Domain d : domains.all(c)) {
                whileItExists(() -> {
                    if (!domains.isTemplate(d)) vms.add(domains.describe(c, d));
                });
            }
            return vms;
        });
    }

    @Override
    public Optional<VmDescription> findVm(String vmId) {
        return connection.call("finding VM " + vmId, c -> {
            Optional<Domain> d = domains.findVm(c, vmId);
            return d.isPresent() ? Optional.of(domains.describe(c, d.get())) : Optional.empty();
        });
    }

    @Override
    public List<TemplateDescription> listTemplates() {
        return connection.call("listing templates", c -> {
            List<TemplateDescription> templates = new ArrayList<>();
            for (Domain d : domains.all(c)) {
                whileItExists(() -> {
                    if (domains.isTemplate(d)) templates.add(domains.describeTemplate(c, d));
                });
            }
            return templates;
        });
    }

    @Override
    public VmDescription create(VmSpec spec) {
        return connection.call("creating VM " + spec.name() + " from template " + spec.templateId(),
                c -> domains.describe(c, provisioner.create(c, spec)));
    }

    @Override
    public VmDescription cloneVm(String vmId, String newName) {
        if (newName == null || newName.isBlank()) {
            throw new DriverException(DriverError.INVALID_ARGUMENT, "a clone needs a name");
        }
        return connection.call("cloning VM " + vmId + " to " + newName,
                c -> domains.describe(c, provisioner.cloneVm(c, domains.vm(c, vmId), newName)));
    }

    @Override
    public VmDescription power(String vmId, PowerAction action) {
        return connection.call(action + " of VM " + vmId, c -> {
            Domain d = domains.vm(c, vmId);
            VmState state = domains.describe(c, d).state();
            switch (PowerTransitions.decide(action, state)) {
                case PROCEED -> perform(d, action);
                case INVALID -> throw invalidState(vmId, state, PowerTransitions.whyNot(action, state));
                case ALREADY_DONE -> {
                    // a repeated request: nothing left to do
                }
            }
            return domains.describe(c, d);
        });
    }

    @Override
    public VmDescription snapshot(String vmId, SnapshotAction action, String snapshotName) {
        if (snapshotName == null || snapshotName.isBlank()) {
            throw new DriverException(DriverError.INVALID_ARGUMENT, "a snapshot needs a name");
        }
        return connection.call(action + " of snapshot '" + snapshotName + "' of VM " + vmId, c -> {
            Domain d = domains.vm(c, vmId);
            boolean exists = Domains.snapshotNames(d).contains(snapshotName);
            if (action == SnapshotAction.CREATE) {
                if (exists) throw new DriverException(DriverError.ALREADY_EXISTS,
                        "VM " + vmId + " already has a snapshot '" + snapshotName + "'");
                d.snapshotCreateXML("<domainsnapshot><name>" + Xml.escape(snapshotName) + "</name></domainsnapshot>", 0);
            } else {
                if (!exists) throw new DriverException(DriverError.NOT_FOUND,
                        "VM " + vmId + " has no snapshot '" + snapshotName + "'");
                DomainSnapshot snapshot = d.snapshotLookupByName(snapshotName);
                if (action == SnapshotAction.REVERT) d.revertToSnapshot(snapshot);
                else snapshot.delete(0);
            }
            return domains.describe(c, d);
        });
    }

    @Override
    public VmDescription reconfigure(String vmId, Integer vcpus, Long memoryMiB) {
        if ((vcpus != null && vcpus < 1) || (memoryMiB != null && memoryMiB < 1)) {
            throw new DriverException(DriverError.INVALID_ARGUMENT, "vcpus and memory must be at least 1");
        }
        return connection.call("reconfiguring VM " + vmId, c -> {
            Domain d = domains.vm(c, vmId);
            VmState state = domains.describe(c, d).state();
            if (state != VmState.STOPPED && state != VmState.DEFINED) {
                throw invalidState(vmId, state, "must be stopped to change vCPUs or memory");
            }
            String xml = ResizeDomainXml.apply(d.getXMLDesc(Domains.XML_INACTIVE), vcpus, memoryMiB);
            return domains.describe(c, c.domainDefineXML(xml));
        });
    }

    @Override
    public void delete(String vmId) {
        connection.call("deleting VM " + vmId, c -> {
            Domain d = domains.vm(c, vmId);
            String uuid = d.getUUIDString();
            provisioner.delete(c, d);
            installServices.forget(uuid);
            return null;
        });
    }

    @Override
    public MigrationTarget migrationTarget() {
        return new MigrationTarget(options.migrationUri().orElse(connection.uri()),
                options.migrationDataUri().orElse(null), domains.hostName());
    }

    @Override
    public VmDescription migrate(String vmId, MigrationTarget target) {
        return connection.call("migrating VM " + vmId + " to " + (target == null ? null : target.hypervisorUri()),
                c -> migrator.migrate(c, domains.vm(c, vmId), target));
    }

    @Override
    public Optional<GuestChannel> guestChannel(String vmId) {
        boolean agent = connection.call("looking for the guest agent of VM " + vmId,
                c -> Domains.xml(domains.vm(c, vmId), 0).guestAgent());
        if (kind != HypervisorKind.KVM || !agent) return Optional.empty();
        return Optional.of(new QemuGuestAgentChannel(connection, domains, vmId, settings.taskTimeout(),
                settings.taskPoll()));
    }

    @Override
    public Optional<URI> provisionInstallService(String vmId, String credentialLine) {
        return connection.call("provisioning the InstallService of VM " + vmId,
                c -> installServices.provision(c, domains.vm(c, vmId), credentialLine));
    }

    @Override
    public void close() {
        connection.close();
    }

    private void perform(Domain d, PowerAction action) throws LibvirtException {
        switch (action) {
            case START, RESTORE -> start(d);
            case SHUTDOWN -> shutdown(d);
            case POWER_OFF -> d.destroy();
            case SUSPEND -> d.suspend();
            case RESUME -> d.resume();
            case REBOOT -> d.reboot(shutdownFlags);
            case SAVE -> d.managedSave();
        }
    }

    /** Starts (from its managed-save image, if it has one) and records that the VM ran. */
    private void start(Domain d) throws LibvirtException {
        Optional<GveMetadata.InstanceMark> mark = Domains.xml(d, Domains.XML_INACTIVE).instance();
        if (mark.isPresent() && !mark.get().started()) {
            GveMetadata.InstanceMark started = mark.get().asStarted();
            d.setMetadata(Domain.MetadataType.ELEMENT, started.toElementXml(), GveMetadata.PREFIX,
                    GveMetadata.NAMESPACE, AFFECT_CONFIG);
        }
        d.create();
    }

    private void shutdown(Domain d) throws LibvirtException {
        if (shutdownFlags == 0) {
            d.shutdown();
        } else {
            NativeLibvirt.shutdown(connection.pointer(), d.getUUIDString(), shutdownFlags);
        }
    }

    private static int shutdownFlags(ShutdownMode mode, String connectionType) {
        return switch (mode) {
            case ACPI -> NativeLibvirt.SHUTDOWN_ACPI_POWER_BUTTON;
            case AGENT -> NativeLibvirt.SHUTDOWN_GUEST_AGENT;
            case DEFAULT -> 0;
            case AUTO -> "QEMU".equalsIgnoreCase(connectionType) ? NativeLibvirt.SHUTDOWN_ACPI_POWER_BUTTON : 0;
        };
    }

    private static DriverException invalidState(String vmId, VmState state, String why) {
        return new DriverException(DriverError.INVALID_STATE, "VM " + vmId + " is " + state + " and " + why);
    }

    /** A step on one domain of a listing; a domain removed meanwhile is skipped. */
    @FunctionalInterface
    private interface DomainStep {
        void run() throws LibvirtException;
    }

    private static void whileItExists(DomainStep step) throws LibvirtException {
        try {
            step.run();
        } catch (LibvirtException e) {
            if (LibvirtErrors.translate(e, "listing").error() != DriverError.NOT_FOUND) throw e;
        }
    }
}
