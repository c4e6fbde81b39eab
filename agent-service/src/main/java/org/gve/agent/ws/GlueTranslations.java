package org.gve.agent.ws;

import org.gve.agent.service.AgentStatus;
import org.gve.agent.service.AgentVm;
import org.gve.agent.service.NewVm;
import org.gve.agent.service.VmCriteria;
import org.gve.agent.spi.DiskDescription;
import org.gve.agent.spi.HypervisorKind;
import org.gve.agent.spi.MigrationTarget;
import org.gve.agent.spi.StoragePoolDescription;
import org.gve.agent.spi.TemplateDescription;
import org.gve.agent.spi.VmDescription;
import org.gve.agent.spi.VmState;
import org.gve.glue.Architecture;
import org.gve.glue.GuestEndpoint;
import org.gve.glue.Host;
import org.gve.glue.HypervisorType;
import org.gve.glue.MainMemory;
import org.gve.glue.OperatingSystem;
import org.gve.glue.Processor;
import org.gve.glue.SearchCriteria;
import org.gve.glue.StoragePool;
import org.gve.glue.Template;
import org.gve.glue.VirtualDisk;
import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineProfile;
import org.gve.glue.VirtualMachineState;
import org.gve.wsdl.agent.AgentInfo;

/** Translations between the agent's domain types and the generated contract types. */
final class GlueTranslations {
    private GlueTranslations() {
    }

    static VirtualMachine virtualMachine(AgentVm agentVm, String agentName) {
        VmDescription vm = agentVm.vm();
        VirtualMachine glue = new VirtualMachine();
        glue.setUniqueID(vm.id());
        glue.setName(vm.name());
        glue.setHypervisorType(hypervisorType(vm.kind()));
        glue.setState(state(vm.state()));
        glue.setVCpus(vm.vcpus());
        glue.setMemoryMiB(vm.memoryMiB());
        glue.setTemplate(vm.templateId());
        glue.setAgent(agentName);
        glue.setHostName(vm.hostName());
        MainMemory memory = new MainMemory();
        memory.setRAMSize(vm.memoryMiB());
        glue.setMainMemory(memory);
        Architecture arch = new Architecture();
        arch.setPlatformType(vm.architecture());
        arch.setSMPSize(vm.vcpus());
        glue.setArchitecture(arch);
        if (vm.osName() != null) {
            OperatingSystem os = new OperatingSystem();
            os.setName(vm.osName());
            glue.setOperatingSystem(os);
        }
        for (DiskDescription d : vm.disks()) {
            VirtualDisk disk = new VirtualDisk();
            disk.setDevice(d.device());
            disk.setSource(d.source());
            disk.setFormat(d.format());
            disk.setSizeMiB(d.sizeMiB());
            glue.getDisk().add(disk);
        }
        glue.getSnapshot().addAll(vm.snapshots());
        if (agentVm.holding() != null && agentVm.holding().guest().present()) {
            GuestEndpoint endpoint = new GuestEndpoint();
            endpoint.setProtocol("InstallService");
            endpoint.setAddress(agentVm.holding().guest().endpoint());
            glue.getGuestEndpoint().add(endpoint);
        }
        return glue;
    }

    static Template template(TemplateDescription t) {
        Template glue = new Template();
        glue.setTemplateID(t.id());
        glue.setName(t.name());
        glue.setHypervisorType(hypervisorType(t.kind()));
        Architecture arch = new Architecture();
        arch.setPlatformType(t.architecture());
        glue.setArchitecture(arch);
        OperatingSystem os = new OperatingSystem();
        os.setName(t.osName());
        glue.setOperatingSystem(os);
        glue.setDiskSizeMiB(t.diskMiB());
        glue.setDiskFormat(t.diskFormat());
        return glue;
    }

    static AgentInfo agentInfo(AgentStatus status) {
        AgentInfo info = new AgentInfo();
        info.setName(status.agentName());
        info.setHypervisorType(hypervisorType(status.kind()));
        info.setHypervisorURI(status.host().hypervisorUri());
        info.setHypervisorVersion(status.host().hypervisorVersion());
        Host host = new Host();
        host.setUniqueID(status.host().hostName());
        host.setName(status.host().hostName());
        Architecture arch = new Architecture();
        arch.setPlatformType(status.host().architecture());
        arch.setSMPSize(status.host().cpus());
        host.setArchitecture(arch);
        Processor cpu = new Processor();
        cpu.setModel(status.host().cpuModel());
        cpu.setClockSpeed(status.host().cpuMHz());
        host.setProcessor(cpu);
        MainMemory memory = new MainMemory();
        memory.setRAMSize(status.host().memoryMiB());
        host.setMainMemory(memory);
        info.setHost(host);
        info.setVCpusTotal(status.host().cpus());
        info.setVCpusUsed(status.vcpusUsed());
        info.setMemoryMiBTotal(status.host().memoryMiB());
        info.setMemoryMiBUsed(status.memoryMiBUsed());
        info.setVirtualMachineCount(status.vmCount());
        for (StoragePoolDescription p : status.host().storagePools()) {
            StoragePool pool = new StoragePool();
            pool.setName(p.name());
            pool.setType(p.type());
            pool.setPath(p.path());
            pool.setCapacityMiB(p.capacityMiB());
            pool.setAvailableMiB(p.availableMiB());
            info.getStoragePool().add(pool);
        }
        return info;
    }

    static VmCriteria criteria(SearchCriteria c) {
        if (c == null) return VmCriteria.ANY;
        return new VmCriteria(c.getNamePattern(), kind(c.getHypervisorType()), vmState(c.getState()), c.getMinVCpus(),
                c.getMinMemoryMiB(), c.getArchitecture(), c.getOperatingSystemName(), c.getTemplate());
    }

    static NewVm newVm(VirtualMachineProfile p, String name) {
        return new NewVm(name != null ? name : p.getName(), p.getTemplate(), p.getOperatingSystemName(),
                p.getArchitecture(), p.getVCpus(), p.getMemoryMiB(), p.getDiskMiB());
    }

    static MigrationTarget migrationTarget(org.gve.wsdl.agent.MigrationTarget t, String targetHost) {
        if (t == null) return new MigrationTarget(null, null, targetHost);
        return new MigrationTarget(t.getHypervisorURI(), t.getMigrationURI(),
                targetHost != null ? targetHost : t.getHostName());
    }

    static org.gve.wsdl.agent.MigrationTarget migrationTarget(MigrationTarget t, String agentName) {
        org.gve.wsdl.agent.MigrationTarget glue = new org.gve.wsdl.agent.MigrationTarget();
        glue.setAgentName(agentName);
        glue.setHypervisorURI(t.hypervisorUri());
        glue.setMigrationURI(t.migrationUri());
        glue.setHostName(t.hostName());
        return glue;
    }

    static HypervisorType hypervisorType(HypervisorKind kind) {
        return HypervisorType.valueOf(kind.name());
    }

    static HypervisorKind kind(HypervisorType type) {
        return type == null ? null : HypervisorKind.valueOf(type.name());
    }

    static VirtualMachineState state(VmState state) {
        return VirtualMachineState.valueOf(state.name());
    }

    /** LOST is a site's word, never a hypervisor's: no agent VM is in that state. */
    static VmState vmState(VirtualMachineState state) {
        if (state == VirtualMachineState.LOST) {
            throw Invalid.argument("INVALID_STATE_CRITERION", "no agent VM is LOST: that state exists only at a site");
        }
        return state == null ? null : VmState.valueOf(state.name());
    }
}
