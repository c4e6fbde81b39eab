package org.gve.agent.service;

import org.gve.agent.AgentException;
import org.gve.agent.AgentFault;
import org.gve.agent.registry.Holding;
import org.gve.agent.registry.Registry;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.HostDescription;
import org.gve.agent.spi.HypervisorDriver;
import org.gve.agent.spi.MigrationTarget;
import org.gve.agent.spi.PowerAction;
import org.gve.agent.spi.SnapshotAction;
import org.gve.agent.spi.TemplateDescription;
import org.gve.agent.spi.VmDescription;
import org.gve.agent.spi.VmSpec;
import org.gve.agent.spi.VmState;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent's domain service: what the AgentService contract offers, for many sites at once.
 * A site sees free VMs and the VMs it holds; everything else answers NOT_FOUND, so one site
 * cannot even learn of another's VMs.
 */
public final class AgentService {
    private static final Logger LOG = Logger.getLogger(AgentService.class.getName());
    private final HypervisorDriver driver;
    private final Registry registry;
    private final AgentSettings settings;
    private final Clock clock;
    private final StateWaiter waiter;
    private final InstallServices installServices;

    public AgentService(HypervisorDriver driver, Registry registry, AgentSettings settings, Clock clock,
                        InstallServices installServices) {
        this.driver = driver;
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
        this.waiter = new StateWaiter(settings.statePoll());
        this.installServices = installServices;
    }

    public AgentStatus status() {
        HostDescription host = call(driver::describeHost);
        List<VmDescription> vms = call(driver::listVms);
        int vcpus = vms.stream().filter(v -> v.state() == VmState.RUNNING || v.state() == VmState.SUSPENDED)
                .mapToInt(VmDescription::vcpus).sum();
        long memory = vms.stream().filter(v -> v.state() == VmState.RUNNING || v.state() == VmState.SUSPENDED)
                .mapToLong(VmDescription::memoryMiB).sum();
        return new AgentStatus(settings.agentName(), driver.kind(), host, vcpus, memory, vms.size());
    }

    /** Keeps the registry in step with the hypervisor; run periodically and before searches. */
    public void syncRegistry() {
        registry.sync(() -> call(driver::listVms));
    }

    public List<AgentVm> findVms(String site, VmCriteria criteria, boolean freeOnly) {
        syncRegistry();
        Map<String, Holding> holdings = registry.holdings();
        return call(driver::listVms).stream()
                .filter(criteria::matches)
                .map(vm -> new AgentVm(vm, holdings.get(vm.id())))
                .filter(v -> v.holding() != null)
                .filter(v -> freeOnly ? v.holding().isFreeFor(site, clock.instant())
                        : v.holding().heldBy(site) || v.holding().isFreeFor(site, clock.instant()))
                .toList();
    }

    public List<TemplateDescription> findTemplates(VmCriteria criteria) {
        return call(driver::listTemplates).stream().filter(criteria::matches).toList();
    }

    public AgentVm reserve(String site, String vmId, Duration duration) {
        VmDescription vm = visibleVm(site, vmId);
        Holding holding = registry.reserve(vmId, site, duration == null ? settings.reservationDefault() : duration);
        return new AgentVm(vm, holding);
    }

    public AgentVm acquire(String site, String vmId) {
        VmDescription vm = visibleVm(site, vmId);
        return new AgentVm(vm, registry.acquire(vmId, site));
    }

    public void release(String site, String vmId, boolean destroy) {
        heldVm(site, vmId);
        if (destroy) {
            call(() -> { driver.delete(vmId); return null; });
            registry.forget(vmId);
        } else {
            registry.release(vmId, site);
        }
    }

    public AgentVm create(String site, NewVm request) {
        TemplateDescription template = chooseTemplate(request);
        String name = request.name() != null ? request.name() : "gve-" + UUID.randomUUID().toString().substring(0, 8);
        VmSpec spec;
        try {
            spec = new VmSpec(name, template.id(),
                    request.vcpus() != null ? request.vcpus() : settings.defaultVcpus(),
                    request.memoryMiB() != null ? request.memoryMiB() : settings.defaultMemoryMiB(),
                    request.diskMiB() != null ? request.diskMiB() : 0);
        } catch (IllegalArgumentException e) {
            throw new AgentException(AgentFault.INVALID_ARGUMENT, "INVALID_PROFILE", e.getMessage());
        }
        return recordNew(call(() -> driver.create(spec)), site);
    }

    public AgentVm cloneVm(String site, String vmId, String newName) {
        heldVm(site, vmId);
        String name = newName != null ? newName : "gve-" + UUID.randomUUID().toString().substring(0, 8);
        return recordNew(call(() -> driver.cloneVm(vmId, name)), site);
    }

    /** Records a VM the agent just made, with its InstallService credential; a failure removes the VM again. */
    private AgentVm recordNew(VmDescription vm, String site) {
        try {
            registry.recordHeld(vm, site);
            installServices.provision(vm.id());
            return new AgentVm(vm, registry.holding(vm.id()).orElseThrow(() -> notFound(vm.id())));
        } catch (RuntimeException e) {
            try {
                driver.delete(vm.id());
                registry.forget(vm.id());
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
                LOG.log(Level.WARNING, "could not remove VM " + vm.id() + " after a failed create", cleanup);
            }
            throw e;
        }
    }

    public AgentVm describe(String site, String vmId) {
        return new AgentVm(heldVm(site, vmId), registry.holding(vmId).orElseThrow());
    }

    /** A power action; a START that boots the VM returns once its InstallService (if any) answers. */
    public AgentVm power(String site, String vmId, PowerAction action) {
        VmState before = heldVm(site, vmId).state();
        AgentVm after = held(vmId, call(() -> driver.power(vmId, action)));
        if (action == PowerAction.START && (before == VmState.DEFINED || before == VmState.STOPPED)) {
            installServices.awaitAnswer(vmId);
        }
        return after;
    }

    /**
     * ACPI shutdown, then a bounded wait. Past the wait, {@code force} powers the VM off;
     * without it the caller gets INVALID_STATE saying the guest did not stop.
     */
    public AgentVm shutdown(String site, String vmId, boolean force, Duration timeout) {
        VmDescription vm = heldVm(site, vmId);
        if (vm.state() == VmState.STOPPED || vm.state() == VmState.DEFINED) return held(vmId, vm);
        Duration wait = timeout != null ? timeout : settings.shutdownTimeout();
        call(() -> driver.power(vmId, PowerAction.SHUTDOWN));
        VmDescription after = waiter.await(() -> call(() -> driver.findVm(vmId)).orElse(vm.withState(VmState.STOPPED)),
                v -> v.state() == VmState.STOPPED, wait);
        if (after.state() == VmState.STOPPED) return held(vmId, after);
        if (force) return held(vmId, call(() -> driver.power(vmId, PowerAction.POWER_OFF)));
        throw new AgentException(AgentFault.INVALID_STATE, "SHUTDOWN_TIMEOUT",
                "the guest did not shut down within " + wait.toSeconds() + " s; retry with Force to power it off");
    }

    public AgentVm snapshot(String site, String vmId, SnapshotAction action, String snapshotName) {
        heldVm(site, vmId);
        if (snapshotName == null || snapshotName.isBlank()) {
            throw new AgentException(AgentFault.INVALID_ARGUMENT, "INVALID_SNAPSHOT_NAME", "a snapshot needs a name");
        }
        return held(vmId, call(() -> driver.snapshot(vmId, action, snapshotName)));
    }

    public AgentVm reconfigure(String site, String vmId, Integer vcpus, Long memoryMiB) {
        heldVm(site, vmId);
        if ((vcpus != null && vcpus < 1) || (memoryMiB != null && memoryMiB < 1)) {
            throw new AgentException(AgentFault.INVALID_ARGUMENT, "INVALID_PROFILE", "vCPUs and memory must be positive");
        }
        return held(vmId, call(() -> driver.reconfigure(vmId, vcpus, memoryMiB)));
    }

    public MigrationTarget migrationTarget() {
        return call(driver::migrationTarget);
    }

    /** Moves a held VM to another agent's hypervisor (or host); it leaves this registry. */
    public AgentVm migrate(String site, String vmId, MigrationTarget target) {
        heldVm(site, vmId);
        Holding before = registry.holding(vmId).orElseThrow(() -> notFound(vmId));
        VmDescription moved = call(() -> driver.migrate(vmId, target));
        if (call(() -> driver.findVm(vmId)).isEmpty()) registry.forget(vmId);
        return new AgentVm(moved, before);
    }

    /** Takes a VM that just arrived by migration into the registry, held by {@code site}. */
    public AgentVm adopt(String site, String vmId) {
        VmDescription vm = call(() -> driver.findVm(vmId)).orElseThrow(() -> notFound(vmId));
        return new AgentVm(vm, registry.recordHeld(vm, site));
    }

    /** The hypervisor's view of a VM {@code site} holds; NOT_FOUND for anything else. */
    VmDescription heldVm(String site, String vmId) {
        requireId(vmId);
        Holding holding = registry.holding(vmId).orElseThrow(() -> notFound(vmId));
        if (!holding.heldBy(site)) throw notFound(vmId);
        return call(() -> driver.findVm(vmId)).orElseThrow(() -> {
            registry.forget(vmId);
            return new AgentException(AgentFault.NOT_FOUND, "VM_VANISHED",
                    "VM " + vmId + " no longer exists on the hypervisor");
        });
    }

    private VmDescription visibleVm(String site, String vmId) {
        requireId(vmId);
        syncRegistry();
        Holding holding = registry.holding(vmId).orElseThrow(() -> notFound(vmId));
        if (!holding.heldBy(site) && !holding.isFreeFor(site, clock.instant())) throw notFound(vmId);
        return call(() -> driver.findVm(vmId)).orElseThrow(() -> notFound(vmId));
    }

    private AgentVm held(String vmId, VmDescription vm) {
        return new AgentVm(vm, registry.holding(vmId).orElseThrow(() -> notFound(vmId)));
    }

    private TemplateDescription chooseTemplate(NewVm request) {
        VmCriteria criteria = new VmCriteria(null, null, null, null, null, request.architecture(), request.osName(),
                request.templateId());
        return call(driver::listTemplates).stream().filter(criteria::matches).findFirst()
                .orElseThrow(() -> new AgentException(AgentFault.INVALID_ARGUMENT, "NO_MATCHING_TEMPLATE",
                        "no template on agent " + settings.agentName() + " matches"
                                + describe(request)));
    }

    private static String describe(NewVm r) {
        StringBuilder s = new StringBuilder();
        if (r.templateId() != null) s.append(" template=").append(r.templateId());
        if (r.osName() != null) s.append(" os=").append(r.osName());
        if (r.architecture() != null) s.append(" architecture=").append(r.architecture());
        return s.length() == 0 ? " (the agent has no templates)" : s.toString();
    }

    private static void requireId(String vmId) {
        if (vmId == null || vmId.isBlank()) {
            throw new AgentException(AgentFault.INVALID_ARGUMENT, "MISSING_VM_ID", "VirtualMachineID is required");
        }
    }

    private static AgentException notFound(String vmId) {
        return new AgentException(AgentFault.NOT_FOUND, "VM_NOT_FOUND", "no VM " + vmId + " for this site");
    }

    private static <T> T call(Supplier<T> driverCall) {
        try {
            return driverCall.get();
        } catch (DriverException e) {
            throw DriverFailures.translate(e);
        }
    }
}
