package org.gve.agent.vsphere;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vmware.vim25.ManagedObjectReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import javax.net.ssl.SSLException;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.DriverSettings;
import org.gve.agent.spi.HostDescription;
import org.gve.agent.spi.HypervisorDriver;
import org.gve.agent.spi.HypervisorDriverContract;
import org.gve.agent.spi.HypervisorDriverProvider;
import org.gve.agent.spi.HypervisorKind;
import org.gve.agent.spi.MigrationTarget;
import org.gve.agent.spi.PowerAction;
import org.gve.agent.spi.VmDescription;
import org.gve.agent.spi.VmSpec;
import org.gve.agent.spi.VmState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The driver contract on govmomi's vcsim (deploy/scripts/setup-vcsim.sh), plus what is particular
 * to vSphere: VMs made outside GVE, migration between hosts of the datacenter, placement options,
 * TLS trust. Skipped, with a message, only when no vcsim answers. The template is made here (a
 * clone of a simulator VM, marked as template) and removed afterwards, as is every VM made here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VmwareOnVcsimIT extends HypervisorDriverContract {
    private final Vcsim vcsim = Vcsim.locate();
    private OutsideGve outside;
    private ManagedObjectReference template;
    private String templateId;

    @BeforeAll
    void makeTemplate() {
        Assumptions.assumeTrue(vcsim.answers(), vcsim::notRunningMessage);
        outside = new OutsideGve(vcsim);
        template = outside.makeTemplate(uniqueName("template"));
        templateId = outside.inventory().byRef(template).id();
    }

    @AfterAll
    void removeTemplate() {
        if (outside != null) {
            try {
                if (template != null) {
                    outside.destroy(template);
                }
            } finally {
                outside.close();
            }
        }
    }

    @Override
    protected HypervisorDriver openDriver() {
        return new VsphereDriverProvider().open(vcsim.settings(Map.of()));
    }

    @Override
    protected String templateId() {
        return templateId;
    }

    @Override
    protected HypervisorKind expectedKind() {
        return HypervisorKind.VMWARE;
    }

    @Override
    protected Optional<MigrationTarget> migrationDestination() {
        return Optional.empty();
    }

    @Override
    protected String noMigrationDestinationReason() {
        return "vSphere migrates between hosts of the one Datacenter this driver manages, so a migrated VM stays "
                + "listed; migratesBetweenHostsOfTheDatacenter checks vSphere migration instead";
    }

    @Override
    protected boolean canReachGuest() {
        return false; // vcsim has no guest operations; GVE reaches VMware guests through the InstallService
    }

    @Override
    protected boolean canSave() {
        return false; // vSphere's SUSPEND already saves memory to the datastore; SAVE answers UNSUPPORTED
    }

    // ---- vSphere specifics ---------------------------------------------------------------------------------

    @Test
    void theProviderIsFoundThroughTheServiceLoader() {
        assertTrue(ServiceLoader.load(HypervisorDriverProvider.class).stream().map(ServiceLoader.Provider::get)
                .anyMatch(p -> p.supports(HypervisorKind.VMWARE) && p.name().equals("vsphere")));
    }

    @Test
    void listsVmsMadeAndRemovedOutsideGve() {
        String name = uniqueName("outside");
        ManagedObjectReference ref = outside.createVm(name);
        String id;
        try {
            VmDescription listed = driver.listVms().stream().filter(vm -> vm.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " made outside GVE is not listed"));
            id = listed.id();
            assertEquals(outside.inventory().byRef(ref).id(), id);
            assertEquals(VmState.STOPPED, driver.findVm(id).orElseThrow().state());
            assertEquals(1, listed.vcpus());
            assertEquals(32, listed.memoryMiB());
            assertEquals("x86_64", listed.architecture());
        } finally {
            outside.destroy(ref);
        }
        assertTrue(driver.listVms().stream().noneMatch(vm -> vm.name().equals(name)), "removed outside GVE, still listed");
        assertTrue(driver.findVm(id).isEmpty());
        assertError(DriverError.NOT_FOUND, () -> driver.power(id, PowerAction.START));
    }

    @Test
    void migratesBetweenHostsOfTheDatacenter() {
        VmDescription vm = started("vmotion");
        List<String> others = outside.inventory().hosts().stream().filter(HostInfo::usable).map(HostInfo::name)
                .filter(h -> !h.equals(vm.hostName())).toList();
        assertFalse(others.isEmpty(), "vcsim has several hosts");
        for (String host : others.subList(0, Math.min(2, others.size()))) {
            VmDescription moved = driver.migrate(vm.id(), new MigrationTarget(driver.migrationTarget().hypervisorUri(),
                    null, host));
            assertEquals(vm.id(), moved.id(), "a VM keeps its id when it migrates");
            assertEquals(host, moved.hostName());
            assertEquals(VmState.RUNNING, moved.state());
            assertEquals(host, driver.findVm(vm.id()).orElseThrow().hostName());
        }
        String here = driver.findVm(vm.id()).orElseThrow().hostName();
        assertEquals(here, driver.migrate(vm.id(), new MigrationTarget(null, null, here)).hostName(), "no-op");
        assertError(DriverError.NOT_FOUND, () -> driver.migrate(vm.id(), new MigrationTarget(null, null, "no-such-host")));
        assertError(DriverError.UNSUPPORTED, () -> driver.migrate(vm.id(),
                new MigrationTarget("https://other-vcenter.example:443/sdk", null, here)));
        assertError(DriverError.INVALID_ARGUMENT, () -> driver.migrate(vm.id(), new MigrationTarget(null, null, null)));
    }

    @Test
    void createHonoursPlacementOptionsAndGrowsTheDisk() {
        HostInfo host = outside.inventory().hosts().stream().filter(HostInfo::usable)
                .filter(h -> "ClusterComputeResource".equals(h.parent().getType())).reduce((a, b) -> b).orElseThrow();
        String cluster = (String) outside.properties(host.parent(), "name").get("name");
        String datastore = outside.inventory().datastores().get(0).getName();
        try (HypervisorDriver placed = new VsphereDriverProvider().open(vcsim.settings(Map.of(
                VsphereOption.HOST.key(), host.name(), VsphereOption.RESOURCE_POOL.key(), cluster + "/Resources",
                VsphereOption.DATASTORE.key(), datastore)))) {
            VmDescription vm = track(placed.create(new VmSpec(uniqueName("placed"), templateId, 2, 96, 64)));
            assertEquals(host.name(), vm.hostName());
            assertEquals(64, vm.disks().get(0).sizeMiB());
            assertEquals(2, vm.vcpus());
            assertEquals(host.name(), placed.migrationTarget().hostName());
        }
    }

    @Test
    void describesTheWholeDatacenter() {
        HostDescription host = driver.describeHost();
        List<HostInfo> hosts = outside.inventory().hosts();
        assertEquals(hosts.stream().filter(HostInfo::usable).mapToInt(h -> h.hardware().getNumCpuThreads()).sum(),
                host.cpus());
        assertTrue(host.storagePools().stream().anyMatch(p -> p.capacityMiB() > 0), host.storagePools().toString());
        assertEquals(vcsim.url(), host.hypervisorUri());
        assertTrue(host.hypervisorVersion().contains("VMware"), host.hypervisorVersion());
    }

    @Test
    void saveIsUnsupportedWithAReason() {
        VmDescription vm = started("save");
        DriverException e = assertThrows(DriverException.class, () -> driver.power(vm.id(), PowerAction.SAVE));
        assertEquals(DriverError.UNSUPPORTED, e.error());
        assertTrue(e.getMessage().contains("SUSPEND"), e.getMessage());
    }

    @Test
    void aCertificateOutsideTheTruststoreIsRefused() {
        String otherStore = getClass().getResource("/vsphere/unrelated-trust.p12").getPath();
        DriverException e = assertThrows(DriverException.class, () -> new VsphereDriverProvider().open(vcsim.settings(
                Map.of(VsphereOption.TRUSTSTORE.key(), otherStore, VsphereOption.TRUSTSTORE_PASSWORD.key(), "changeit"))));
        assertEquals(DriverError.BACKEND_FAILURE, e.error());
        assertInstanceOf(SSLException.class, e.getCause(), e.toString());
        DriverException jvmTrust = assertThrows(DriverException.class, () -> new VsphereDriverProvider().open(
                vcsim.settings(Map.of(VsphereOption.TRUSTSTORE.key(), ""))));
        assertInstanceOf(SSLException.class, jvmTrust.getCause(), "the JVM does not trust vcsim's self-signed certificate");
    }

    @Test
    void aLostSessionIsRenewed() {
        try (OutsideGve other = new OutsideGve(vcsim)) {
            VimClient vim = other.vim();
            vim.call(vim.content().getSessionManager(), "Logout", Void.class);
            assertFalse(other.inventory().hosts().isEmpty(), "properties read after a new login");
            assertTrue(other.inventory().byId(templateId).isPresent(), "calls made after a new login");
        }
    }

    @Test
    void badSettingsAnswerInvalidArgument() {
        for (String url : List.of("http://127.0.0.1:8989/sdk", "not a url")) {
            DriverException e = assertThrows(DriverException.class, () -> new VsphereDriverProvider().open(
                    new DriverSettings(HypervisorKind.VMWARE, url, "u", "p", null, null, null, Map.of())));
            assertEquals(DriverError.INVALID_ARGUMENT, e.error());
        }
        DriverException noDc = assertThrows(DriverException.class, () -> new VsphereDriverProvider().open(
                vcsim.settings(Map.of(VsphereOption.DATACENTER.key(), "DC-" + UUID.randomUUID()))));
        assertEquals(DriverError.NOT_FOUND, noDc.error());
    }

    @Test
    void idsAreInstanceUuidsAndNewOnEveryCreate() {
        VmDescription vm = create("ids", 1, 128);
        VmProperties raw = outside.inventory().require(vm.id());
        assertEquals(raw.instanceUuid(), vm.id());
        assertNotEquals(raw.biosUuid(), vm.id());
    }
}
