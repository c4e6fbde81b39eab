package org.gve.agent.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.DriverSettings;
import org.gve.agent.spi.GuestCommand;
import org.gve.agent.spi.GuestCommandResult;
import org.gve.agent.spi.HypervisorDriver;
import org.gve.agent.spi.HypervisorDriverContract;
import org.gve.agent.spi.HypervisorKind;
import org.gve.agent.spi.MigrationTarget;
import org.gve.agent.spi.PowerAction;
import org.gve.agent.spi.VmDescription;
import org.gve.agent.spi.VmState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The driver contract against real QEMU at qemu:///system with booted guests (TCG unless the host has usable
 * KVM): the tiny guest of deploy/scripts/setup-libvirt.sh proves it runs by printing GVE-GUEST-MARKER on its
 * serial log, and its qemu-guest-agent serves the guest channel. Live migration goes to the session libvirtd of
 * deploy/scripts/setup-libvirt-session.sh (URI from /var/lib/gve/libvirt-session.uri or the system property
 * gve.it.libvirt.sessionUri). Skips, saying why, when no libvirtd answers or the guest files are missing.
 * Environment: GVE_GUEST_DIR (default /var/lib/libvirt/images/gve-tiny).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KvmOnQemuIT extends HypervisorDriverContract {
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(90);

    private QemuSandbox sandbox;
    private String template;
    private Optional<String> sessionUri = Optional.empty();

    @BeforeAll
    void makeTheTemplate() {
        Optional<String> unavailable = TinyGuest.unavailableReason();
        assumeTrue(unavailable.isEmpty(), () -> "real-QEMU tests skipped: " + unavailable.orElse(""));
        sandbox = new QemuSandbox();
        template = sandbox.defineTinyTemplate();
        sessionUri = LibvirtDaemons.sessionUri();
        sessionUri.ifPresent(sandbox::alsoClean);
    }

    @AfterAll
    void removeEverythingMade() {
        if (sandbox != null) sandbox.close();
    }

    @Override
    protected HypervisorDriver openDriver() {
        return new LibvirtDriverProvider().open(settings(LibvirtDaemons.SYSTEM_URI));
    }

    private DriverSettings settings(String uri) {
        return new DriverSettings(HypervisorKind.KVM, uri, null, null, sandbox.logs(), Duration.ofMillis(100),
                Duration.ofSeconds(60), Map.of("disk.permissions", "0666", "migration.unsafe", "true"));
    }

    @Override
    protected String templateId() {
        return template;
    }

    @Override
    protected HypervisorKind expectedKind() {
        return HypervisorKind.KVM;
    }

    @Override
    protected Duration stateChangeTimeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    protected String noMigrationDestinationReason() {
        return "no session libvirtd answers (" + LibvirtDaemons.configuredSessionUri()
                .orElse("no URI in " + LibvirtDaemons.SESSION_URI_FILE)
                + "): run deploy/scripts/setup-libvirt-session.sh";
    }

    @Override
    protected Optional<MigrationTarget> migrationDestination() {
        return sessionUri.map(uri -> new MigrationTarget(uri, "tcp://127.0.0.1:" + freePort(), null));
    }

    /** The guest printed its marker, and its agent answers. */
    @Override
    protected void awaitGuestUp(VmDescription vm) {
        assertTrue(BoundedWait.until(BOOT_TIMEOUT, Duration.ofMillis(200),
                        () -> sandbox.serialShows(vm.name(), TinyGuest.MARKER)),
                () -> vm.name() + " printed no " + TinyGuest.MARKER + " within " + BOOT_TIMEOUT + "; log: "
                        + sandbox.serialTail(vm.name()));
        assertTrue(BoundedWait.until(Duration.ofSeconds(30), Duration.ofMillis(200), () -> agentAnswers(vm.id())),
                () -> "the guest agent of " + vm.name() + " does not answer");
    }

    @Override
    protected void verifyAndRemoveAtDestination(VmDescription migrated, MigrationTarget target) {
        try (HypervisorDriver there = new LibvirtDriverProvider().open(settings(target.hypervisorUri()))) {
            VmDescription vm = there.findVm(migrated.id()).orElseThrow();
            assertEquals(VmState.RUNNING, vm.state());
            GuestCommandResult uptime = there.guestChannel(vm.id()).orElseThrow().run(new GuestCommand(
                    List.of("cat", "/proc/uptime"), Map.of(), null, null, Duration.ofSeconds(30)));
            assertEquals(0, uptime.exitCode(), "the migrated guest still runs: " + uptime.stderr());
            there.delete(vm.id());
            assertTrue(there.findVm(vm.id()).isEmpty());
        }
    }

    /** libvirt only: a stopped VM moves offline (its definition; the disk stays on shared storage). */
    @Test
    void migratesAStoppedVmOffline() {
        Optional<MigrationTarget> destination = migrationDestination();
        assumeTrue(destination.isPresent(), this::noMigrationDestinationReason);
        VmDescription vm = create("offline", 1, 128);
        VmDescription moved = driver.migrate(vm.id(), destination.get());
        assertEquals(vm.id(), moved.id());
        assertTrue(Set.of(VmState.DEFINED, VmState.STOPPED).contains(moved.state()), moved.state().toString());
        assertTrue(driver.findVm(vm.id()).isEmpty());
        try (HypervisorDriver there = new LibvirtDriverProvider().open(settings(destination.get().hypervisorUri()))) {
            assertEquals(VmState.RUNNING, there.power(vm.id(), PowerAction.START).state(), "starts at the destination");
            there.delete(vm.id());
        }
    }

    private boolean agentAnswers(String vmId) {
        try {
            return driver.guestChannel(vmId).orElseThrow().run(new GuestCommand(List.of("true"), Map.of(), null,
                    null, Duration.ofSeconds(10))).exitCode() == 0;
        } catch (DriverException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            return 49250;
        }
    }
}
