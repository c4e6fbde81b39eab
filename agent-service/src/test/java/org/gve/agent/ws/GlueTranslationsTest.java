package org.gve.agent.ws;

import org.gve.agent.registry.GuestAccess;
import org.gve.agent.registry.Holding;
import org.gve.agent.service.AgentStatus;
import org.gve.agent.service.AgentVm;
import org.gve.agent.service.NewVm;
import org.gve.agent.service.VmCriteria;
import org.gve.agent.spi.DiskDescription;
import org.gve.agent.spi.HostDescription;
import org.gve.agent.spi.HypervisorKind;
import org.gve.agent.spi.MigrationTarget;
import org.gve.agent.spi.StoragePoolDescription;
import org.gve.agent.spi.TemplateDescription;
import org.gve.agent.spi.VmDescription;
import org.gve.agent.spi.VmState;
import org.gve.glue.HypervisorType;
import org.gve.glue.SearchCriteria;
import org.gve.glue.Template;
import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineProfile;
import org.gve.glue.VirtualMachineState;
import org.gve.wsdl.agent.AgentInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlueTranslationsTest {
    private static final VmDescription VM = new VmDescription("6695eb01-f6a4-8304-79aa-97f2502e193f", "web1",
            HypervisorKind.XEN, VmState.SUSPENDED, 2, 1024,
            List.of(new DiskDescription("xvda", "/images/web1.qcow2", "qcow2", 2048)), List.of("before-upgrade"),
            "debian-pv", "node7", "debian-12", "x86_64");

    @Test
    void virtualMachineCarriesTheHypervisorsViewAndTheAgentName() {
        VirtualMachine glue = GlueTranslations.virtualMachine(new AgentVm(VM, holding(GuestAccess.NONE)), "agent-7");
        assertEquals(VM.id(), glue.getUniqueID());
        assertEquals("web1", glue.getName());
        assertEquals(HypervisorType.XEN, glue.getHypervisorType());
        assertEquals(VirtualMachineState.SUSPENDED, glue.getState());
        assertEquals(2, glue.getVCpus());
        assertEquals(1024, glue.getMemoryMiB());
        assertEquals(1024, glue.getMainMemory().getRAMSize());
        assertEquals("x86_64", glue.getArchitecture().getPlatformType());
        assertEquals(2, glue.getArchitecture().getSMPSize());
        assertEquals("debian-12", glue.getOperatingSystem().getName());
        assertEquals("debian-pv", glue.getTemplate());
        assertEquals("agent-7", glue.getAgent());
        assertEquals("node7", glue.getHostName());
        assertEquals(1, glue.getDisk().size());
        assertEquals("xvda", glue.getDisk().get(0).getDevice());
        assertEquals("/images/web1.qcow2", glue.getDisk().get(0).getSource());
        assertEquals("qcow2", glue.getDisk().get(0).getFormat());
        assertEquals(2048L, glue.getDisk().get(0).getSizeMiB());
        assertEquals(List.of("before-upgrade"), glue.getSnapshot());
        assertTrue(glue.getGuestEndpoint().isEmpty());
    }

    @Test
    void aRegisteredInstallServiceShowsItsAddressButNeverItsCredential() {
        GuestAccess access = new GuestAccess("http://127.0.0.1:18701/gve/install", "gve-agent", "s3cret-s3cret-s3cret-s3");
        VirtualMachine glue = GlueTranslations.virtualMachine(new AgentVm(VM, holding(access)), "a");
        assertEquals(1, glue.getGuestEndpoint().size());
        assertEquals("InstallService", glue.getGuestEndpoint().get(0).getProtocol());
        assertEquals("http://127.0.0.1:18701/gve/install", glue.getGuestEndpoint().get(0).getAddress());
    }

    @Test
    void aVmWithoutOsLeavesItOut() {
        VmDescription bare = new VmDescription("id", "bare", HypervisorKind.KVM, VmState.DEFINED, 1, 64, List.of(),
                List.of(), null, "h", null, null);
        VirtualMachine glue = GlueTranslations.virtualMachine(new AgentVm(bare, null), "a");
        assertNull(glue.getOperatingSystem());
        assertNull(glue.getTemplate());
        assertTrue(glue.getGuestEndpoint().isEmpty());
    }

    @Test
    void template() {
        Template glue = GlueTranslations.template(new TemplateDescription("t-id", "tiny", HypervisorKind.KVM,
                "linux", "x86_64", 64, "qcow2"));
        assertEquals("t-id", glue.getTemplateID());
        assertEquals("tiny", glue.getName());
        assertEquals(HypervisorType.KVM, glue.getHypervisorType());
        assertEquals("x86_64", glue.getArchitecture().getPlatformType());
        assertEquals("linux", glue.getOperatingSystem().getName());
        assertEquals(64, glue.getDiskSizeMiB());
        assertEquals("qcow2", glue.getDiskFormat());
    }

    @Test
    void agentInfoSumsUpHostAndUse() {
        HostDescription host = new HostDescription("node7", "qemu:///system", "9.0.0", "x86_64", "EPYC", 16, 2400,
                65536, List.of(new StoragePoolDescription("default", "dir", "/var/lib/libvirt/images", 1000, 400)));
        AgentInfo info = GlueTranslations.agentInfo(new AgentStatus("agent-7", HypervisorKind.KVM, host, 3, 1536, 4));
        assertEquals("agent-7", info.getName());
        assertEquals(HypervisorType.KVM, info.getHypervisorType());
        assertEquals("qemu:///system", info.getHypervisorURI());
        assertEquals("9.0.0", info.getHypervisorVersion());
        assertEquals("node7", info.getHost().getName());
        assertEquals("EPYC", info.getHost().getProcessor().getModel());
        assertEquals(2400, info.getHost().getProcessor().getClockSpeed());
        assertEquals(65536, info.getHost().getMainMemory().getRAMSize());
        assertEquals(16, info.getVCpusTotal());
        assertEquals(3, info.getVCpusUsed());
        assertEquals(65536, info.getMemoryMiBTotal());
        assertEquals(1536, info.getMemoryMiBUsed());
        assertEquals(4, info.getVirtualMachineCount());
        assertEquals(1, info.getStoragePool().size());
        assertEquals("default", info.getStoragePool().get(0).getName());
        assertEquals(400, info.getStoragePool().get(0).getAvailableMiB());
    }

    @Test
    void criteriaAbsentMeansAny() {
        assertSame(VmCriteria.ANY, GlueTranslations.criteria(null));
        assertEquals(VmCriteria.ANY, GlueTranslations.criteria(new SearchCriteria()));
    }

    @Test
    void criteriaKeepEveryField() {
        SearchCriteria c = new SearchCriteria();
        c.setNamePattern("web*");
        c.setHypervisorType(HypervisorType.VMWARE);
        c.setState(VirtualMachineState.STOPPED);
        c.setMinVCpus(2);
        c.setMinMemoryMiB(512L);
        c.setArchitecture("x86_64");
        c.setOperatingSystemName("debian-12");
        c.setTemplate("tiny");
        assertEquals(new VmCriteria("web*", HypervisorKind.VMWARE, VmState.STOPPED, 2, 512L, "x86_64", "debian-12",
                "tiny"), GlueTranslations.criteria(c));
    }

    @Test
    void newVmPrefersTheExplicitName() {
        VirtualMachineProfile p = new VirtualMachineProfile();
        p.setName("from-profile");
        p.setTemplate("tiny");
        p.setOperatingSystemName("linux");
        p.setArchitecture("x86_64");
        p.setVCpus(2);
        p.setMemoryMiB(256L);
        p.setDiskMiB(1024L);
        assertEquals(new NewVm("explicit", "tiny", "linux", "x86_64", 2, 256L, 1024L), GlueTranslations.newVm(p, "explicit"));
        assertEquals("from-profile", GlueTranslations.newVm(p, null).name());
        assertEquals(new NewVm(null, null, null, null, null, null, null),
                GlueTranslations.newVm(new VirtualMachineProfile(), null));
    }

    @Test
    void migrationTargetsBothWays() {
        org.gve.wsdl.agent.MigrationTarget glue = GlueTranslations.migrationTarget(
                new MigrationTarget("qemu+ssh://b/system", "tcp://b:49152", "b"), "agent-b");
        assertEquals("agent-b", glue.getAgentName());
        assertEquals("qemu+ssh://b/system", glue.getHypervisorURI());
        assertEquals("tcp://b:49152", glue.getMigrationURI());
        assertEquals("b", glue.getHostName());
        assertEquals(new MigrationTarget("qemu+ssh://b/system", "tcp://b:49152", "b"),
                GlueTranslations.migrationTarget(glue, null));
        assertEquals(new MigrationTarget("qemu+ssh://b/system", "tcp://b:49152", "other-host"),
                GlueTranslations.migrationTarget(glue, "other-host"), "an explicit TargetHost wins");
        assertEquals(new MigrationTarget(null, null, "host-2"), GlueTranslations.migrationTarget((org.gve.wsdl.agent.MigrationTarget) null, "host-2"));
    }

    @ParameterizedTest
    @EnumSource(VmState.class)
    void everyStateHasItsContractValueAndBack(VmState state) {
        assertEquals(state, GlueTranslations.vmState(GlueTranslations.state(state)));
    }

    @ParameterizedTest
    @EnumSource(HypervisorKind.class)
    void everyKindHasItsContractValueAndBack(HypervisorKind kind) {
        assertEquals(kind, GlueTranslations.kind(GlueTranslations.hypervisorType(kind)));
    }

    @Test
    void absentEnumsStayAbsent() {
        assertNull(GlueTranslations.vmState(null));
        assertNull(GlueTranslations.kind(null));
    }

    private static Holding holding(GuestAccess access) {
        return new Holding(VM.id(), VM.name(), VM.templateId(), "site-a", null, null, access);
    }
}
