package org.gve.agent.vsphere;

import static org.gve.agent.vsphere.soap.SoapRequest.arg;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.VirtualDeviceConfigSpec;
import com.vmware.vim25.VirtualDisk;
import com.vmware.vim25.VirtualMachineCloneSpec;
import com.vmware.vim25.VirtualMachineConfigSpec;
import com.vmware.vim25.VirtualMachineRelocateSpec;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLSocketFactory;
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
import org.gve.agent.spi.TemplateDescription;
import org.gve.agent.spi.VmDescription;
import org.gve.agent.spi.VmSpec;
import org.gve.agent.vsphere.soap.TrustStoreTls;

/**
 * GVE's driver for VMware vSphere (vCenter or ESX, API 5.1 and later; proven on govmomi's vcsim).
 * It manages one Datacenter. A VM's id is its {@code config.instanceUuid} (BIOS uuid where the
 * endpoint has none); templates are VMs marked as template. Options: {@link VsphereOption}.
 * Guests are reached through GVE's InstallService, so {@link #guestChannel} is empty.
 */
public final class VsphereDriver implements HypervisorDriver {
    private static final Logger LOG = Logger.getLogger(VsphereDriver.class.getName());

    private final VsphereConfig config;
    private final VimClient vim;
    private final Inventory inventory;
    private final TaskRunner tasks;
    private final VmActions actions;

    private VsphereDriver(VsphereConfig config, VimClient vim) {
        this.config = config;
        this.vim = vim;
        PropertyReader props = new PropertyReader(vim);
        this.inventory = Inventory.open(vim, props, config.datacenter());
        this.tasks = new TaskRunner(vim, props, config.taskPoll(), config.taskTimeout());
        this.actions = new VmActions(tasks, props);
    }

    /** Connects and logs in; the settings are checked first (INVALID_ARGUMENT). */
    public static VsphereDriver open(DriverSettings settings) {
        VsphereConfig config = VsphereConfig.from(settings);
        VimClient vim = VimClient.login(config.sdkUrl(), tls(config), config.connectTimeout(), config.readTimeout(),
                config.user(), config.password());
        try {
            VsphereDriver driver = new VsphereDriver(config, vim);
            LOG.info(() -> "vSphere driver on " + config.sdkUrl() + ", datacenter " + driver.inventory.datacenterName()
                    + " (" + vim.content().getAbout().getFullName() + ")");
            return driver;
        } catch (DriverException e) {
            vim.close();
            throw e;
        }
    }

    private static SSLSocketFactory tls(VsphereConfig config) {
        try {
            return config.trustStore() == null ? TrustStoreTls.jvmDefault() : TrustStoreTls.fromTrustStore(
                    config.trustStore(), config.trustStorePassword().toCharArray(), config.trustStoreType());
        } catch (IOException | GeneralSecurityException e) {
            throw new DriverException(DriverError.INVALID_ARGUMENT, "cannot use truststore " + config.trustStore()
                    + " (" + config.trustStoreType() + "): " + e.getMessage(), e);
        }
    }

    @Override
    public HypervisorKind kind() {
        return HypervisorKind.VMWARE;
    }

    @Override
    public HostDescription describeHost() {
        return HostsToHostDescription.apply(inventory.datacenterName(), config.sdkUrl(),
                vim.content().getAbout().getFullName(), inventory.hosts(), inventory.datastores());
    }

    @Override
    public List<VmDescription> listVms() {
        return inventory.allVms().stream().filter(vm -> !vm.template()).map(VirtualMachineToVmDescription::apply).toList();
    }

    @Override
    public Optional<VmDescription> findVm(String vmId) {
        return inventory.byId(vmId).filter(vm -> !vm.template()).map(VirtualMachineToVmDescription::apply);
    }

    @Override
    public List<TemplateDescription> listTemplates() {
        return inventory.allVms().stream().filter(VmProperties::template)
                .map(VirtualMachineToTemplateDescription::apply).toList();
    }

    @Override
    public VmDescription create(VmSpec spec) {
        VmProperties template = inventory.byId(spec.templateId()).filter(VmProperties::template).orElseThrow(() ->
                new DriverException(DriverError.NOT_FOUND, "no template with id " + spec.templateId()));
        VirtualMachineRelocateSpec location = placement(template);
        VirtualMachineCloneSpec clone = cloneSpec(location, SpecToConfigSpec.forCreate(spec, UUID.randomUUID()));
        VmProperties vm = inventory.byRef(cloneOf(template, spec.name(), clone));
        try {
            return VirtualMachineToVmDescription.apply(fitToSpec(fitToPlacement(vm, location), spec));
        } catch (DriverException e) {
            discard(vm, e);
            throw e;
        }
    }

    @Override
    public VmDescription cloneVm(String vmId, String newName) {
        VmProperties source = vm(vmId);
        if (!source.isPoweredOff()) {
            throw new DriverException(DriverError.INVALID_STATE, "clone copies stopped VMs; " + source.name()
                    + " is " + source.powerState());
        }
        VirtualMachineRelocateSpec location = new VirtualMachineRelocateSpec();
        location.setPool(source.resourcePool());
        VirtualMachineConfigSpec config = SpecToConfigSpec.forClone(source.templateId(), UUID.randomUUID());
        return VirtualMachineToVmDescription.apply(inventory.byRef(cloneOf(source, newName, cloneSpec(location, config))));
    }

    @Override
    public VmDescription power(String vmId, PowerAction action) {
        VmProperties vm = vm(vmId);
        PowerPlan plan = PowerPlan.of(action, vm.powerState(), vm.name());
        try {
            actions.power(vm, action, plan);
        } catch (DriverException e) {
            if (e.error() != DriverError.INVALID_STATE || !reachedMeanwhile(action, vm)) {
                throw e;
            }
        }
        return describe(vm.ref());
    }

    /** True when another caller brought the VM where {@code action} asked while this call ran (then it is done). */
    private boolean reachedMeanwhile(PowerAction action, VmProperties before) {
        VmProperties now = inventory.byRef(before.ref());
        if (now.powerState() == before.powerState()) {
            return false;
        }
        try {
            return PowerPlan.of(action, now.powerState(), now.name()) == PowerPlan.NONE;
        } catch (DriverException e) {
            return false;
        }
    }

    @Override
    public VmDescription snapshot(String vmId, SnapshotAction action, String snapshotName) {
        if (snapshotName == null || snapshotName.isBlank()) {
            throw new DriverException(DriverError.INVALID_ARGUMENT, "a snapshot needs a name");
        }
        VmProperties vm = vm(vmId);
        actions.snapshot(vm, action, snapshotName);
        return describe(vm.ref());
    }

    @Override
    public VmDescription reconfigure(String vmId, Integer vcpus, Long memoryMiB) {
        if ((vcpus != null && vcpus < 1) || (memoryMiB != null && memoryMiB < 1)) {
            throw new DriverException(DriverError.INVALID_ARGUMENT, "vCPUs and memory must be at least 1, not "
                    + vcpus + " / " + memoryMiB + " MiB");
        }
        VmProperties vm = vm(vmId);
        if (vcpus == null && memoryMiB == null) {
            return VirtualMachineToVmDescription.apply(vm);
        }
        if (!vm.isPoweredOff()) {
            throw new DriverException(DriverError.INVALID_STATE, "reconfigure changes stopped VMs; " + vm.name()
                    + " is " + vm.powerState());
        }
        actions.reconfigure(vm, vcpus, memoryMiB);
        return describe(vm.ref());
    }

    @Override
    public void delete(String vmId) {
        VmProperties vm = vm(vmId);
        if (!vm.isPoweredOff()) {
            actions.power(vm, PowerAction.POWER_OFF, PowerPlan.POWER_OFF);
        }
        tasks.run("delete VM " + vm.name(), vm.ref(), "Destroy_Task");
    }

    @Override
    public MigrationTarget migrationTarget() {
        return new MigrationTarget(config.sdkUrl(), null, config.host().isEmpty() ? null : config.host());
    }

    @Override
    public VmDescription migrate(String vmId, MigrationTarget target) {
        VmProperties vm = vm(vmId);
        if (target == null || target.hostName() == null || target.hostName().isBlank()) {
            throw new DriverException(DriverError.INVALID_ARGUMENT, "vSphere migrates VMs between hosts of its "
                    + "datacenter: the migration target needs a hostName");
        }
        if (target.hypervisorUri() != null && !sameEndpoint(target.hypervisorUri(), config.sdkUrl())) {
            throw new DriverException(DriverError.UNSUPPORTED, "migration to another vSphere endpoint ("
                    + target.hypervisorUri() + ") is not supported; only between hosts of " + config.sdkUrl());
        }
        HostInfo host = inventory.hostByName(target.hostName()).orElseThrow(() -> new DriverException(
                DriverError.NOT_FOUND, "no host " + target.hostName() + " in datacenter " + inventory.datacenterName()));
        if (!host.ref().equals(vm.hostRef())) {
            boolean sameCluster = vm.resourcePool() != null && host.parent() != null
                    && host.parent().equals(inventory.ownerOf(vm.resourcePool()));
            actions.migrate(vm, host, sameCluster ? null : inventory.rootPoolOf(host.parent()));
        }
        return describe(vm.ref());
    }

    @Override
    public Optional<GuestChannel> guestChannel(String vmId) {
        vm(vmId);
        return Optional.empty(); // vcsim has no guest operations; GVE reaches VMware guests through InstallService
    }

    @Override
    public void close() {
        vim.close();
    }

    /** A VM that must exist; templates are not VMs (NOT_FOUND, as findVm does not find them). */
    private VmProperties vm(String vmId) {
        VmProperties vm = inventory.require(vmId);
        if (vm.template()) {
            throw new DriverException(DriverError.NOT_FOUND, "no VM with id " + vmId + ": " + vm.name()
                    + " is a template");
        }
        return vm;
    }

    private VmDescription describe(ManagedObjectReference ref) {
        return VirtualMachineToVmDescription.apply(inventory.byRef(ref));
    }

    private static VirtualMachineCloneSpec cloneSpec(VirtualMachineRelocateSpec location, VirtualMachineConfigSpec config) {
        VirtualMachineCloneSpec clone = new VirtualMachineCloneSpec();
        clone.setLocation(location);
        clone.setTemplate(false);
        clone.setPowerOn(false);
        clone.setConfig(config);
        return clone;
    }

    private ManagedObjectReference cloneOf(VmProperties source, String name, VirtualMachineCloneSpec spec) {
        if (name == null || name.isBlank()) {
            throw new DriverException(DriverError.INVALID_ARGUMENT, "a new VM needs a name");
        }
        if (inventory.nameTaken(name)) { // vCenter refuses names taken in the folder (DuplicateName); vcsim renames
            throw new DriverException(DriverError.ALREADY_EXISTS, "datacenter " + inventory.datacenterName()
                    + " has a VM called " + name + " already");
        }
        Object result = tasks.run("clone " + source.name() + " to " + name, source.ref(), "CloneVM_Task",
                arg("folder", "ManagedObjectReference", inventory.vmFolder()), arg("name", "String", name),
                arg("spec", "VirtualMachineCloneSpec", spec));
        if (result instanceof ManagedObjectReference ref) {
            return ref;
        }
        throw new DriverException(DriverError.BACKEND_FAILURE, "the clone task of " + name + " answered no VM");
    }

    /** Where a VM made from {@code template} goes: the configured host, pool and datastore, else the template's. */
    private VirtualMachineRelocateSpec placement(VmProperties template) {
        VirtualMachineRelocateSpec location = new VirtualMachineRelocateSpec();
        HostInfo host = config.host().isEmpty() ? null : inventory.hostByName(config.host()).orElseThrow(() ->
                new DriverException(DriverError.INVALID_ARGUMENT, "configured host " + config.host() + " is not in "
                        + "datacenter " + inventory.datacenterName()));
        if (host != null) {
            location.setHost(host.ref());
        } else if (template.hostRef() != null) {
            host = inventory.host(template.hostRef());
        } else {
            host = inventory.hosts().stream().filter(HostInfo::usable).findFirst().orElseThrow(() ->
                    new DriverException(DriverError.INVALID_STATE, "no usable host in " + inventory.datacenterName()));
        }
        location.setPool(config.resourcePool().isEmpty() ? inventory.rootPoolOf(host.parent())
                : inventory.resourcePoolByPath(config.resourcePool()));
        if (!config.datastore().isEmpty()) {
            location.setDatastore(inventory.datastoreByName(config.datastore()).orElseThrow(() -> new DriverException(
                    DriverError.INVALID_ARGUMENT, "configured datastore " + config.datastore() + " not found")));
        }
        return location;
    }

    /** Moves a new VM to the configured host where the clone left it elsewhere (vcsim clones onto the source's host). */
    private VmProperties fitToPlacement(VmProperties vm, VirtualMachineRelocateSpec location) {
        if (location.getHost() == null || location.getHost().equals(vm.hostRef())) {
            return vm;
        }
        VirtualMachineRelocateSpec move = new VirtualMachineRelocateSpec();
        move.setHost(location.getHost());
        move.setPool(location.getPool());
        tasks.run("place new VM " + vm.name(), vm.ref(), "RelocateVM_Task", arg("spec", "VirtualMachineRelocateSpec", move));
        return inventory.byRef(vm.ref());
    }

    /**
     * Makes a new VM match {@code spec} where the clone did not: endpoints that ignore the clone
     * spec's config (vcsim copies the template's size), and disks smaller than spec.diskMiB.
     */
    private VmProperties fitToSpec(VmProperties vm, VmSpec spec) {
        VirtualMachineConfigSpec fix = SpecToConfigSpec.resize(vm.numCpu() == spec.vcpus() ? null : spec.vcpus(),
                vm.memoryMB() == spec.memoryMiB() ? null : spec.memoryMiB());
        VirtualDisk disk = vm.devices().stream().filter(VirtualDisk.class::isInstance).map(VirtualDisk.class::cast)
                .findFirst().orElse(null);
        if (disk != null && spec.diskMiB() > disk.getCapacityInKB() / 1024) {
            fix.setDeviceChange(new VirtualDeviceConfigSpec[] {SpecToConfigSpec.growDisk(disk, spec.diskMiB())});
        }
        if (fix.getNumCPUs() == null && fix.getMemoryMB() == null && fix.getDeviceChange() == null) {
            return vm;
        }
        LOG.fine(() -> "resizing new VM " + vm.name() + " to " + spec);
        tasks.run("resize new VM " + vm.name(), vm.ref(), "ReconfigVM_Task", arg("spec", "VirtualMachineConfigSpec", fix));
        return inventory.byRef(vm.ref());
    }

    /** Removes a VM this driver just made and could not finish. */
    private void discard(VmProperties vm, DriverException cause) {
        try {
            tasks.run("remove unfinished VM " + vm.name(), vm.ref(), "Destroy_Task");
        } catch (DriverException e) {
            cause.addSuppressed(e);
            LOG.log(Level.WARNING, "could not remove unfinished VM " + vm.name() + " (" + vm.ref().getVal() + ")", e);
        }
    }

    private static boolean sameEndpoint(String a, String b) {
        URI x;
        URI y;
        try {
            x = URI.create(a.trim());
            y = URI.create(b.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return Objects.equals(lower(x.getScheme()), lower(y.getScheme())) && Objects.equals(lower(x.getHost()),
                lower(y.getHost())) && x.getPort() == y.getPort() && Objects.equals(x.getPath(), y.getPath());
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }
}
