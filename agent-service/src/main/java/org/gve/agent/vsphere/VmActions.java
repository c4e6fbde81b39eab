package org.gve.agent.vsphere;

import static org.gve.agent.vsphere.soap.SoapRequest.arg;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.VirtualMachineMovePriority;
import com.vmware.vim25.VirtualMachinePowerState;
import com.vmware.vim25.VirtualMachineRelocateSpec;
import com.vmware.vim25.VirtualMachineSnapshotTree;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.PowerAction;
import org.gve.agent.spi.SnapshotAction;

/**
 * Power, snapshot, resize and move of one existing VM. Each method re-reads nothing itself; the
 * driver reads the VM before and after. Methods an endpoint lacks (vSphere fault MethodNotFound)
 * are remembered per driver, and the documented fallback is used from then on.
 */
final class VmActions {
    private static final Logger LOG = Logger.getLogger(VmActions.class.getName());
    private static final String REBOOT_GUEST = "RebootGuest";
    private static final String MIGRATE = "MigrateVM_Task";

    private final TaskRunner tasks;
    private final PropertyReader props;
    private final Set<String> missingMethods = ConcurrentHashMap.newKeySet();

    VmActions(TaskRunner tasks, PropertyReader props) {
        this.tasks = tasks;
        this.props = props;
    }

    /** Performs {@code plan} on {@code vm}. */
    void power(VmProperties vm, PowerAction action, PowerPlan plan) {
        String what = action + " VM " + vm.name();
        ManagedObjectReference ref = vm.ref();
        switch (plan) {
            case NONE -> { }
            case POWER_ON -> tasks.run(what, ref, "PowerOnVM_Task");
            case POWER_OFF -> tasks.run(what, ref, "PowerOffVM_Task");
            case SUSPEND -> tasks.run(what, ref, "SuspendVM_Task");
            case SHUTDOWN_GUEST -> tasks.call(ref, "ShutdownGuest");
            case REBOOT -> reboot(what, ref);
        }
    }

    /** RebootGuest (a clean reboot by the guest) when VMware Tools run and the endpoint has it; else a hard reset. */
    private void reboot(String what, ManagedObjectReference vm) {
        if (!missingMethods.contains(REBOOT_GUEST) && toolsRunning(vm)) {
            try {
                tasks.call(vm, REBOOT_GUEST);
                return;
            } catch (DriverException e) {
                if (!TaskRunner.isMissingMethod(e)) {
                    throw e;
                }
                missingMethods.add(REBOOT_GUEST);
                LOG.info("the vSphere endpoint has no RebootGuest; REBOOT resets VMs from now on");
            }
        }
        tasks.run(what, vm, "ResetVM_Task");
    }

    private boolean toolsRunning(ManagedObjectReference vm) {
        return "guestToolsRunning".equals(props.of(vm, List.of("guest.toolsRunningStatus")).get("guest.toolsRunningStatus"));
    }

    void snapshot(VmProperties vm, SnapshotAction action, String name) {
        String what = action + " snapshot '" + name + "' of VM " + vm.name();
        switch (action) {
            case CREATE -> {
                if (SnapshotTrees.find(vm.snapshot(), name).isPresent()) {
                    throw new DriverException(DriverError.ALREADY_EXISTS, what + ": it exists already");
                }
                boolean withMemory = vm.powerState() == VirtualMachinePowerState.poweredOn;
                tasks.run(what, vm.ref(), "CreateSnapshot_Task", arg("name", "String", name),
                        arg("description", "String", "GVE snapshot"), arg("memory", "boolean", withMemory),
                        arg("quiesce", "boolean", Boolean.FALSE));
            }
            case REVERT -> {
                VirtualMachineSnapshotTree snapshot = existing(vm, name, what);
                tasks.run(what, snapshot.getSnapshot(), "RevertToSnapshot_Task");
                matchPowerState(vm, snapshot.getState(), what);
            }
            case DELETE -> tasks.run(what, existing(vm, name, what).getSnapshot(), "RemoveSnapshot_Task",
                    arg("removeChildren", "boolean", Boolean.FALSE), arg("consolidate", "Boolean", Boolean.TRUE));
        }
    }

    /**
     * After a revert the VM should be in the snapshot's power state (vSphere powers a VM on when it
     * reverts to a snapshot with memory); endpoints that leave the power state alone (vcsim) are
     * brought there.
     */
    private void matchPowerState(VmProperties vm, VirtualMachinePowerState wanted, String what) {
        Object now = props.of(vm.ref(), List.of("runtime.powerState")).get("runtime.powerState");
        if (wanted == null || wanted == now) {
            return;
        }
        LOG.fine(() -> what + ": the endpoint left the VM " + now + "; bringing it to the snapshot's " + wanted);
        if (wanted == VirtualMachinePowerState.poweredOn) {
            tasks.run(what, vm.ref(), "PowerOnVM_Task");
        } else if (wanted == VirtualMachinePowerState.poweredOff) {
            tasks.run(what, vm.ref(), "PowerOffVM_Task");
        } else if (now == VirtualMachinePowerState.poweredOn) {
            tasks.run(what, vm.ref(), "SuspendVM_Task");
        }
    }

    private static VirtualMachineSnapshotTree existing(VmProperties vm, String name, String what) {
        return SnapshotTrees.find(vm.snapshot(), name).orElseThrow(() ->
                new DriverException(DriverError.NOT_FOUND, what + ": no such snapshot (has "
                        + SnapshotTrees.names(vm.snapshot()) + ")"));
    }

    void reconfigure(VmProperties vm, Integer vcpus, Long memoryMiB) {
        tasks.run("reconfigure VM " + vm.name(), vm.ref(), "ReconfigVM_Task",
                arg("spec", "VirtualMachineConfigSpec", SpecToConfigSpec.resize(vcpus, memoryMiB)));
    }

    /**
     * Moves {@code vm} to {@code host} ({@code pool}: the target's root pool when the VM changes
     * cluster, else null). MigrateVM_Task where the endpoint has it, else RelocateVM_Task.
     */
    void migrate(VmProperties vm, HostInfo host, ManagedObjectReference pool) {
        String what = "migrate VM " + vm.name() + " to host " + host.name();
        if (!missingMethods.contains(MIGRATE)) {
            try {
                tasks.run(what, vm.ref(), MIGRATE, arg("pool", "ManagedObjectReference", pool),
                        arg("host", "ManagedObjectReference", host.ref()),
                        arg("priority", "VirtualMachineMovePriority", VirtualMachineMovePriority.defaultPriority));
                return;
            } catch (DriverException e) {
                if (!TaskRunner.isMissingMethod(e)) {
                    throw e;
                }
                missingMethods.add(MIGRATE);
                LOG.info("the vSphere endpoint has no MigrateVM_Task; migrating with RelocateVM_Task from now on");
            }
        }
        VirtualMachineRelocateSpec spec = new VirtualMachineRelocateSpec();
        spec.setHost(host.ref());
        spec.setPool(pool);
        tasks.run(what, vm.ref(), "RelocateVM_Task", arg("spec", "VirtualMachineRelocateSpec", spec),
                arg("priority", "VirtualMachineMovePriority", VirtualMachineMovePriority.defaultPriority));
    }
}
