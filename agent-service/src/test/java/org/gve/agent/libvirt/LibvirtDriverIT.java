package org.gve.agent.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.gve.agent.spi.DiskDescription;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.DriverSettings;
import org.gve.agent.spi.HypervisorDriver;
import org.gve.agent.spi.HypervisorDriverProvider;
import org.gve.agent.spi.HypervisorKind;
import org.gve.agent.spi.PowerAction;
import org.gve.agent.spi.TemplateDescription;
import org.gve.agent.spi.VmDescription;
import org.gve.agent.spi.VmSpec;
import org.gve.agent.spi.VmState;
import org.junit.jupiter.api.Test;

/** What is particular to the libvirt driver, on libvirt's test hypervisor (no daemon needed). */
class LibvirtDriverIT {

    @Test
    void foundThroughServiceLoaderForKvmAndXen() {
        HypervisorDriverProvider libvirt = ServiceLoader.load(HypervisorDriverProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("libvirt")).findFirst().orElseThrow();
        assertTrue(libvirt.supports(HypervisorKind.KVM));
        assertTrue(libvirt.supports(HypervisorKind.XEN));
        assertFalse(libvirt.supports(HypervisorKind.VMWARE));
        assertError(DriverError.UNSUPPORTED, () -> libvirt.open(settings(HypervisorKind.VMWARE, "test:///default", Map.of())));
    }

    @Test
    void xenSystemWithoutXenFailsClearly() {
        DriverException e = assertThrows(DriverException.class,
                () -> new LibvirtDriverProvider().open(settings(HypervisorKind.XEN, "xen:///system", Map.of())));
        assertTrue(Set.of(DriverError.BACKEND_FAILURE, DriverError.UNSUPPORTED).contains(e.error()), e.getMessage());
        assertTrue(e.getMessage().contains("xen:///system"), e.getMessage());
    }

    @Test
    void unreachableDaemonAndBadSettingsFailClearly() {
        String uri = "qemu+unix:///system?socket=/nonexistent/libvirt-sock";
        DriverException e = assertThrows(DriverException.class,
                () -> new LibvirtDriverProvider().open(settings(HypervisorKind.KVM, uri, Map.of())));
        assertEquals(DriverError.BACKEND_FAILURE, e.error());
        assertTrue(e.getMessage().contains(uri), e.getMessage());
        assertError(DriverError.INVALID_ARGUMENT, () -> new LibvirtDriverProvider().open(settings(HypervisorKind.KVM, " ", Map.of())));
        assertError(DriverError.INVALID_ARGUMENT, () -> new LibvirtDriverProvider().open(
                settings(HypervisorKind.KVM, TestNodes.uri(TestNodes.KVM_HOST), Map.of("disk.mode", "sparse"))));
    }

    @Test
    void autoDomainTypeIsQemuWithoutHardwareVirtualization() throws IOException {
        boolean hardware = Files.readString(Path.of("/proc/cpuinfo")).matches("(?s).*\\b(vmx|svm)\\b.*")
                && Files.exists(Path.of("/dev/kvm"));
        assertEquals(hardware ? "kvm" : "qemu", LibvirtOptions.from(settings(HypervisorKind.KVM, "test:///default",
                Map.of())).domainType());
    }

    @Test
    void aNewVmIsDefinedUntilItFirstRuns() {
        try (HypervisorDriver driver = kvm(Map.of())) {
            VmDescription vm = driver.create(new VmSpec("fresh", "tiny-template", 1, 128, 0));
            assertEquals(VmState.DEFINED, vm.state());
            driver.power(vm.id(), PowerAction.START);
            assertEquals(VmState.STOPPED, driver.power(vm.id(), PowerAction.POWER_OFF).state());
        }
    }

    @Test
    void newDisksAreOverlaysOrCopiesInTheTemplatesPool() {
        try (HypervisorDriver driver = kvm(Map.of())) {
            VmDescription vm = driver.create(new VmSpec("big", "tiny-template", 1, 128, 256));
            assertEquals(List.of(new DiskDescription("vda", "/var/lib/gve/images/big-vda.qcow2", "qcow2", 256)), vm.disks());
            VmDescription small = driver.create(new VmSpec("small", "tiny-template", 1, 128, 0));
            assertEquals(64, small.disks().get(0).sizeMiB(), "never smaller than the template's disk");
        }
        try (HypervisorDriver driver = kvm(Map.of("disk.mode", "copy"))) {
            VmDescription vm = driver.create(new VmSpec("copied", "tiny-template", 1, 128, 0));
            assertEquals("/var/lib/gve/images/copied-vda.qcow2", vm.disks().get(0).source());
        }
    }

    @Test
    void templatesAreNamedAndDescribed() {
        try (HypervisorDriver driver = new LibvirtDriverProvider().open(
                TestNodes.settings(HypervisorKind.XEN, TestNodes.XEN_HOST, Map.of()))) {
            Map<String, TemplateDescription> templates = driver.listTemplates().stream()
                    .collect(Collectors.toMap(TemplateDescription::id, t -> t));
            assertEquals(new TemplateDescription("debian-pv", "debian-pv", HypervisorKind.XEN, "debian-12", "x86_64",
                    2048, "qcow2"), templates.get("debian-pv"));
            assertEquals(4096, templates.get("debian-hvm").diskMiB());
            assertEquals("raw", templates.get("debian-hvm").diskFormat());
            VmDescription hvm = driver.create(new VmSpec("hvm1", "debian-hvm", 2, 1024, 0));
            assertEquals(new DiskDescription("xvda", "/var/lib/xen/images/hvm1-xvda.qcow2", "qcow2", 4096),
                    hvm.disks().get(0), "an overlay on a raw image is a qcow2 file");
        }
    }

    @Test
    void manyThreadsShareOneDriver() throws InterruptedException, ExecutionException, TimeoutException {
        try (HypervisorDriver driver = kvm(Map.of())) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> work = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    String name = "parallel-" + i;
                    work.add(pool.submit(() -> {
                        VmDescription vm = driver.create(new VmSpec(name, "tiny-template", 1, 128, 0));
                        driver.power(vm.id(), PowerAction.START);
                        driver.listVms();
                        driver.power(vm.id(), PowerAction.SUSPEND);
                        driver.power(vm.id(), PowerAction.RESUME);
                        driver.delete(vm.id());
                        return vm.id();
                    }));
                }
                for (Future<String> f : work) assertFalse(f.get(30, TimeUnit.SECONDS).isEmpty());
            } finally {
                pool.shutdownNow();
            }
            assertTrue(driver.listVms().isEmpty(), "all deleted: " + driver.listVms());
        }
    }

    @Test
    void aClosedDriverRefusesWork() {
        HypervisorDriver driver = kvm(Map.of());
        driver.close();
        driver.close();
        assertError(DriverError.INVALID_STATE, driver::listVms);
    }

    private static HypervisorDriver kvm(Map<String, String> options) {
        return new LibvirtDriverProvider().open(TestNodes.settings(HypervisorKind.KVM, TestNodes.KVM_HOST, options));
    }

    private static DriverSettings settings(HypervisorKind kind, String uri, Map<String, String> options) {
        return new DriverSettings(kind, uri, null, null, Path.of("/tmp"), Duration.ofMillis(10), Duration.ofSeconds(5),
                options);
    }

    private static void assertError(DriverError expected, org.junit.jupiter.api.function.Executable call) {
        DriverException e = assertThrows(DriverException.class, call);
        assertEquals(expected, e.error(), e.getMessage());
    }
}
