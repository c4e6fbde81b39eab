package org.gve.agent.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The one contract every {@link HypervisorDriver} passes, whatever the hypervisor. A subclass supplies the
 * driver (a fresh one per test), a template to create VMs from, and says what its backend genuinely cannot do
 * ({@link #canMigrate()}, {@link #canSnapshot()}, {@link #canSave()}, {@link #canReachGuest()}); only those
 * capabilities turn tests into JUnit assumptions. What a backend cannot do must answer
 * {@link DriverError#UNSUPPORTED}, which is tested too.
 * <p>
 * Real backends override {@link #awaitGuestUp} (wait until the guest OS runs) and {@link #stateChangeTimeout()}.
 * Every VM a test creates is deleted afterwards, also when the test fails.
 */
public abstract class HypervisorDriverContract {
    private static final Logger LOG = Logger.getLogger(HypervisorDriverContract.class.getName());

    protected HypervisorDriver driver;
    private final List<String> createdVms = Collections.synchronizedList(new ArrayList<>());

    /** A new driver on the backend under test; closed after each test. */
    protected abstract HypervisorDriver openDriver();

    /** A template of that backend that new VMs are created from. */
    protected abstract String templateId();

    /** The kind the driver and its VMs report. */
    protected abstract HypervisorKind expectedKind();

    /** Whether the backend can move a VM to another host at all. */
    protected boolean canMigrate() { return true; }

    /** Where to migrate to in this test environment, when there is such a place. */
    protected Optional<MigrationTarget> migrationDestination() { return Optional.empty(); }

    /** Said when {@link #migrationDestination()} is empty. */
    protected String noMigrationDestinationReason() { return "no second host to migrate to in this environment"; }

    /** Checks the VM at the destination after a migration, then removes it there. */
    protected void verifyAndRemoveAtDestination(VmDescription migrated, MigrationTarget target) { }

    /** Whether the backend has snapshots (create, revert, delete). */
    protected boolean canSnapshot() { return true; }

    /** Whether the backend can save a VM's memory to disk and restore it (SAVE/RESTORE). */
    protected boolean canSave() { return true; }

    /** Whether the backend has its own channel into guests ({@link HypervisorDriver#guestChannel}). */
    protected boolean canReachGuest() { return true; }

    /** Blocks until the guest OS of a started VM is up (a real guest boots; a simulated one is up at once). */
    protected void awaitGuestUp(VmDescription vm) { }

    /** How long a requested state change (an ACPI shutdown) may take. */
    protected Duration stateChangeTimeout() { return Duration.ofSeconds(10); }

    /** The spec of a new VM called {@code name}. */
    protected VmSpec spec(String name) { return new VmSpec(name, templateId(), 1, 128, 0); }

    @BeforeEach
    void openTheDriver() {
        driver = openDriver();
    }

    @AfterEach
    void deleteWhatTheTestMade() {
        List<String> ids = new ArrayList<>(createdVms);
        Collections.reverse(ids);
        for (String id : ids) {
            try {
                driver.delete(id);
            } catch (DriverException e) {
                if (e.error() != DriverError.NOT_FOUND) LOG.log(Level.WARNING, "cleanup of VM " + id + " failed", e);
            }
        }
        createdVms.clear();
        driver.close();
    }

    @Test
    void describesItsHost() {
        HostDescription host = driver.describeHost();
        assertFalse(host.hostName().isBlank(), "host name");
        assertTrue(host.cpus() >= 1, "cpus");
        assertTrue(host.memoryMiB() > 0, "memory");
        assertFalse(host.storagePools().isEmpty(), "a host has somewhere to keep disks");
        assertEquals(expectedKind(), driver.kind());
    }

    @Test
    void listsTemplatesWhichAreNeverVms() {
        assertTrue(driver.listTemplates().stream().anyMatch(t -> t.id().equals(templateId())),
                "template " + templateId() + " listed in " + driver.listTemplates());
        assertTrue(driver.listVms().stream().noneMatch(vm -> vm.id().equals(templateId())
                || vm.name().equals(templateId())), "templates are not VMs");
        assertTrue(driver.findVm(templateId()).isEmpty());
        assertError(DriverError.NOT_FOUND, () -> driver.delete(templateId()));
    }

    @Test
    void createDefinesAStoppedVmFromTheTemplate() {
        VmDescription vm = create("create", 2, 192);
        assertTrue(Set.of(VmState.DEFINED, VmState.STOPPED).contains(vm.state()), "new VM is not running: " + vm.state());
        assertEquals(2, vm.vcpus(), "the spec's size, not the template's");
        assertEquals(192, vm.memoryMiB());
        assertEquals(templateId(), vm.templateId());
        assertEquals(expectedKind(), vm.kind());
        assertFalse(vm.disks().isEmpty(), "a VM from a template has a disk");
        assertTrue(driver.listVms().stream().anyMatch(v -> v.id().equals(vm.id())));
        assertEquals(vm.name(), driver.findVm(vm.id()).orElseThrow().name());
    }

    @Test
    void createRefusesATakenNameAndAnUnknownTemplate() {
        VmDescription vm = create("taken", 1, 128);
        assertError(DriverError.ALREADY_EXISTS, () -> track(driver.create(spec(vm.name()))));
        assertError(DriverError.NOT_FOUND, () -> track(driver.create(
                new VmSpec(uniqueName("orphan"), "no-such-template-" + UUID.randomUUID(), 1, 128, 0))));
    }

    @Test
    void startRunsTheGuestAndIsIdempotent() {
        VmDescription vm = create("start", 1, 128);
        assertEquals(VmState.RUNNING, driver.power(vm.id(), PowerAction.START).state());
        awaitGuestUp(vm);
        long before = System.nanoTime();
        assertEquals(VmState.RUNNING, driver.power(vm.id(), PowerAction.START).state(), "start of a running VM");
        assertTrue(Duration.ofNanos(System.nanoTime() - before).toSeconds() < 5, "starting a running VM returns at once");
        assertEquals(VmState.RUNNING, driver.findVm(vm.id()).orElseThrow().state());
    }

    @Test
    void suspendAndResume() {
        VmDescription vm = started("suspend");
        assertEquals(VmState.SUSPENDED, driver.power(vm.id(), PowerAction.SUSPEND).state());
        assertEquals(VmState.SUSPENDED, driver.power(vm.id(), PowerAction.SUSPEND).state(), "idempotent");
        assertError(DriverError.INVALID_STATE, () -> driver.power(vm.id(), PowerAction.START));
        assertEquals(VmState.RUNNING, driver.power(vm.id(), PowerAction.RESUME).state());
        assertEquals(VmState.RUNNING, driver.power(vm.id(), PowerAction.RESUME).state(), "idempotent");
    }

    @Test
    void shutdownAsksTheGuestToStop() {
        VmDescription vm = started("shutdown");
        awaitGuestUp(vm);
        driver.power(vm.id(), PowerAction.SHUTDOWN);
        assertEquals(VmState.STOPPED, awaitState(vm.id(), VmState.STOPPED, stateChangeTimeout()));
        assertEquals(VmState.STOPPED, driver.power(vm.id(), PowerAction.SHUTDOWN).state(), "idempotent");
    }

    @Test
    void powerOffStopsAtOnce() {
        VmDescription vm = started("poweroff");
        assertEquals(VmState.STOPPED, driver.power(vm.id(), PowerAction.POWER_OFF).state());
        assertEquals(VmState.STOPPED, driver.power(vm.id(), PowerAction.POWER_OFF).state(), "idempotent");
        assertEquals(VmState.RUNNING, driver.power(vm.id(), PowerAction.START).state(), "starts again");
    }

    @Test
    void rebootKeepsItRunning() {
        VmDescription vm = started("reboot");
        assertEquals(VmState.RUNNING, driver.power(vm.id(), PowerAction.REBOOT).state());
        assertEquals(VmState.RUNNING, awaitState(vm.id(), VmState.RUNNING, stateChangeTimeout()));
    }

    @Test
    void saveAndRestore() {
        assumeTrue(canSave(), "the backend cannot save a VM's memory");
        VmDescription vm = started("save");
        assertEquals(VmState.SAVED, driver.power(vm.id(), PowerAction.SAVE).state());
        assertEquals(VmState.SAVED, driver.power(vm.id(), PowerAction.SAVE).state(), "idempotent");
        assertEquals(VmState.RUNNING, driver.power(vm.id(), PowerAction.RESTORE).state());
    }

    @Test
    void wrongStateAnswersInvalidState() {
        VmDescription vm = create("state", 1, 128);
        assertError(DriverError.INVALID_STATE, () -> driver.power(vm.id(), PowerAction.SUSPEND));
        assertError(DriverError.INVALID_STATE, () -> driver.power(vm.id(), PowerAction.RESUME));
        assertError(DriverError.INVALID_STATE, () -> driver.power(vm.id(), PowerAction.RESTORE));
        assertError(DriverError.INVALID_STATE, () -> driver.power(vm.id(), PowerAction.REBOOT));
    }

    @Test
    void snapshotCreateRevertDelete() {
        assumeTrue(canSnapshot(), "the backend has no snapshots");
        VmDescription vm = started("snap");
        assertTrue(driver.snapshot(vm.id(), SnapshotAction.CREATE, "s1").snapshots().contains("s1"));
        assertError(DriverError.ALREADY_EXISTS, () -> driver.snapshot(vm.id(), SnapshotAction.CREATE, "s1"));
        driver.power(vm.id(), PowerAction.SUSPEND);
        assertEquals(VmState.RUNNING, driver.snapshot(vm.id(), SnapshotAction.REVERT, "s1").state(),
                "reverting to a snapshot of a running VM runs it");
        assertFalse(driver.snapshot(vm.id(), SnapshotAction.DELETE, "s1").snapshots().contains("s1"));
        assertError(DriverError.NOT_FOUND, () -> driver.snapshot(vm.id(), SnapshotAction.REVERT, "s1"));
        assertError(DriverError.NOT_FOUND, () -> driver.snapshot(vm.id(), SnapshotAction.DELETE, "s1"));
    }

    @Test
    void cloneCopiesAStoppedVm() {
        VmDescription source = create("source", 2, 160);
        VmDescription clone = track(driver.cloneVm(source.id(), uniqueName("clone")));
        assertNotEquals(source.id(), clone.id());
        assertEquals(2, clone.vcpus());
        assertEquals(160, clone.memoryMiB());
        assertEquals(source.templateId(), clone.templateId());
        assertTrue(Set.of(VmState.DEFINED, VmState.STOPPED).contains(clone.state()));
        assertEquals(source.disks().size(), clone.disks().size());
        for (int i = 0; i < source.disks().size(); i++) {
            assertNotEquals(source.disks().get(i).source(), clone.disks().get(i).source(), "own disk");
        }
        assertError(DriverError.ALREADY_EXISTS, () -> track(driver.cloneVm(source.id(), source.name())));
        VmDescription running = driver.power(clone.id(), PowerAction.START);
        assertEquals(VmState.RUNNING, running.state());
        awaitGuestUp(running);
        assertError(DriverError.INVALID_STATE, () -> track(driver.cloneVm(clone.id(), uniqueName("busy"))));
    }

    @Test
    void reconfigureResizesAStoppedVm() {
        VmDescription vm = create("resize", 1, 128);
        VmDescription resized = driver.reconfigure(vm.id(), 2, 256L);
        assertEquals(2, resized.vcpus());
        assertEquals(256, resized.memoryMiB());
        assertEquals(3, driver.reconfigure(vm.id(), 3, null).vcpus());
        assertEquals(256, driver.findVm(vm.id()).orElseThrow().memoryMiB(), "null keeps the memory");
        driver.power(vm.id(), PowerAction.START);
        assertError(DriverError.INVALID_STATE, () -> driver.reconfigure(vm.id(), 1, 128L));
    }

    @Test
    void deleteRemovesTheVmAndItsDisks() {
        VmDescription vm = started("delete");
        driver.delete(vm.id());
        assertTrue(driver.findVm(vm.id()).isEmpty());
        assertTrue(driver.listVms().stream().noneMatch(v -> v.id().equals(vm.id())));
        assertError(DriverError.NOT_FOUND, () -> driver.delete(vm.id()));
        // the name and the disk names are free again: nothing of the first VM is left behind
        VmDescription again = track(driver.create(spec(vm.name())));
        assertNotEquals(vm.id(), again.id());
        assertTrue(driver.listTemplates().stream().anyMatch(t -> t.id().equals(templateId())), "template kept");
    }

    @Test
    void unknownVmAnswersNotFound() {
        for (String id : List.of(UUID.randomUUID().toString(), "no-such-vm")) {
            assertTrue(driver.findVm(id).isEmpty());
            for (PowerAction action : PowerAction.values()) {
                assertError(DriverError.NOT_FOUND, () -> driver.power(id, action));
            }
            assertError(DriverError.NOT_FOUND, () -> driver.snapshot(id, SnapshotAction.CREATE, "s"));
            assertError(DriverError.NOT_FOUND, () -> driver.cloneVm(id, uniqueName("ghost")));
            assertError(DriverError.NOT_FOUND, () -> driver.reconfigure(id, 1, 128L));
            assertError(DriverError.NOT_FOUND, () -> driver.delete(id));
            assertError(DriverError.NOT_FOUND, () -> driver.guestChannel(id));
            assertError(DriverError.NOT_FOUND, () -> driver.migrate(id, driver.migrationTarget()));
        }
    }

    @Test
    void migrateMovesARunningVm() {
        assumeTrue(canMigrate(), "the backend cannot migrate");
        Optional<MigrationTarget> destination = migrationDestination();
        assumeTrue(destination.isPresent(), this::noMigrationDestinationReason);
        VmDescription vm = started("migrate");
        awaitGuestUp(vm);
        VmDescription moved = driver.migrate(vm.id(), destination.get());
        assertEquals(vm.id(), moved.id(), "a VM keeps its id when it migrates");
        assertEquals(VmState.RUNNING, moved.state());
        assertTrue(driver.findVm(vm.id()).isEmpty(), "the source no longer lists a migrated VM");
        verifyAndRemoveAtDestination(moved, destination.get());
    }

    @Test
    void migrationIsATypedFaultWhereUnsupported() {
        assumeFalse(canMigrate(), "the backend can migrate");
        VmDescription vm = started("nomigrate");
        MigrationTarget target = driver.migrationTarget();
        assertFalse(target.hypervisorUri().isBlank());
        assertError(DriverError.UNSUPPORTED, () -> driver.migrate(vm.id(), target));
        assertEquals(VmState.RUNNING, driver.findVm(vm.id()).orElseThrow().state(), "still here and running");
    }

    @Test
    void guestChannelRunsCommandsAndCopiesFiles() {
        assumeTrue(canReachGuest(), "the backend has no channel into guests");
        VmDescription vm = started("guest");
        awaitGuestUp(vm);
        GuestChannel guest = driver.guestChannel(vm.id()).orElseThrow();
        GuestCommandResult echo = guest.run(command(null, "echo", "hello", "guest"));
        assertEquals(0, echo.exitCode(), echo.stderr());
        assertEquals("hello guest", echo.stdout().trim());
        assertFalse(echo.timedOut());
        GuestCommandResult failing = guest.run(command("/tmp", "sh", "-c", "echo oops >&2; pwd; exit 3"));
        assertEquals(3, failing.exitCode());
        assertEquals("oops", failing.stderr().trim());
        assertEquals("/tmp", failing.stdout().trim(), "runs in the working directory");
        byte[] content = "line one\nline two\n".getBytes(StandardCharsets.UTF_8);
        GuestFile put = guest.put("/tmp/gve-contract.txt", "640", new ByteArrayInputStream(content));
        assertEquals(content.length, put.size());
        assertEquals("640", put.mode());
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        GuestFile got = guest.get("/tmp/gve-contract.txt", back);
        assertEquals(put.sha256(), got.sha256());
        assertEquals("line one\nline two\n", back.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noGuestChannelWhereTheBackendHasNone() {
        assumeFalse(canReachGuest(), "the backend has a channel into guests");
        VmDescription vm = started("noguest");
        assertTrue(driver.guestChannel(vm.id()).isEmpty());
    }

    protected VmDescription create(String base, int vcpus, long memoryMiB) {
        VmSpec s = spec(uniqueName(base));
        return track(driver.create(new VmSpec(s.name(), s.templateId(), vcpus, memoryMiB, s.diskMiB())));
    }

    protected VmDescription started(String base) {
        VmDescription vm = create(base, 1, 128);
        VmDescription running = driver.power(vm.id(), PowerAction.START);
        assertEquals(VmState.RUNNING, running.state());
        return running;
    }

    /** Registers a VM for deletion after the test. */
    protected VmDescription track(VmDescription vm) {
        createdVms.add(vm.id());
        return vm;
    }

    private static GuestCommand command(String directory, String... argv) {
        return new GuestCommand(List.of(argv), Map.of(), directory, null, Duration.ofSeconds(30));
    }

    protected static String uniqueName(String base) {
        return "gve-ct-" + base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Polls the VM's state until it is {@code wanted} or the timeout passes; returns the last state seen. */
    protected VmState awaitState(String vmId, VmState wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        VmState state = driver.findVm(vmId).orElseThrow().state();
        while (state != wanted && System.nanoTime() < deadline && pause(Duration.ofMillis(100))) {
            state = driver.findVm(vmId).orElseThrow().state();
        }
        return state;
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    protected static void assertError(DriverError expected, Executable call) {
        DriverException e = assertThrows(DriverException.class, call);
        assertEquals(expected, e.error(), () -> "wrong error for: " + e.getMessage());
    }
}
