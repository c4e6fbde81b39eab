package org.gve.agent.vsphere;

import static org.gve.agent.vsphere.soap.SoapRequest.arg;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.VirtualDisk;
import com.vmware.vim25.VirtualMachineCloneSpec;
import com.vmware.vim25.VirtualMachineConfigSpec;
import com.vmware.vim25.VirtualMachineFileInfo;
import com.vmware.vim25.VirtualMachineRelocateSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Changes the vSphere inventory the way an administrator would, through a session of its own and
 * plain vSphere calls, not through the driver: makes the test template, adds and removes VMs.
 */
final class OutsideGve implements AutoCloseable {
    private final VimClient vim;
    private final PropertyReader props;
    private final Inventory inventory;
    private final TaskRunner tasks;

    OutsideGve(Vcsim vcsim) {
        this.vim = vcsim.session();
        this.props = new PropertyReader(vim);
        this.inventory = Inventory.open(vim, props, "");
        this.tasks = new TaskRunner(vim, props, Duration.ofMillis(20), Duration.ofSeconds(60));
    }

    Inventory inventory() {
        return inventory;
    }

    VimClient vim() {
        return vim;
    }

    /** Clones a VM of the simulator's inventory that has a disk and marks the clone as template. */
    ManagedObjectReference makeTemplate(String name) {
        VmProperties source = inventory.allVms().stream().filter(vm -> !vm.template())
                .filter(vm -> vm.devices().stream().anyMatch(VirtualDisk.class::isInstance)).findFirst()
                .orElseThrow(() -> new IllegalStateException("vcsim has no VM with a disk to make a template of"));
        VirtualMachineRelocateSpec location = new VirtualMachineRelocateSpec();
        location.setPool(source.resourcePool());
        VirtualMachineCloneSpec spec = new VirtualMachineCloneSpec();
        spec.setLocation(location);
        spec.setTemplate(false);
        spec.setPowerOn(false);
        ManagedObjectReference clone = (ManagedObjectReference) tasks.run("clone template", source.ref(), "CloneVM_Task",
                arg("folder", "ManagedObjectReference", inventory.vmFolder()), arg("name", "String", name),
                arg("spec", "VirtualMachineCloneSpec", spec));
        tasks.call(clone, "MarkAsTemplate");
        return clone;
    }

    /** A new, empty VM made with CreateVM_Task in the datacenter's VM folder. */
    ManagedObjectReference createVm(String name) {
        HostInfo host = inventory.hosts().stream().filter(HostInfo::usable).findFirst().orElseThrow();
        VirtualMachineFileInfo files = new VirtualMachineFileInfo();
        files.setVmPathName("[" + inventory.datastores().get(0).getName() + "]");
        VirtualMachineConfigSpec config = new VirtualMachineConfigSpec();
        config.setName(name);
        config.setGuestId("otherGuest64");
        config.setNumCPUs(1);
        config.setMemoryMB(32L);
        config.setFiles(files);
        return (ManagedObjectReference) tasks.run("create " + name, inventory.vmFolder(), "CreateVM_Task",
                arg("config", "VirtualMachineConfigSpec", config),
                arg("pool", "ManagedObjectReference", inventory.rootPoolOf(host.parent())));
    }

    void destroy(ManagedObjectReference vm) {
        Object state = props.of(vm, List.of("runtime.powerState")).get("runtime.powerState");
        if (state != null && !"poweredOff".equals(state.toString())) {
            tasks.run("power off", vm, "PowerOffVM_Task");
        }
        tasks.run("destroy", vm, "Destroy_Task");
    }

    Map<String, Object> properties(ManagedObjectReference obj, String... paths) {
        return props.of(obj, List.of(paths));
    }

    @Override
    public void close() {
        vim.close();
    }
}
