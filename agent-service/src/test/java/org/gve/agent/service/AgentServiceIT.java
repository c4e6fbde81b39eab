package org.gve.agent.service;

import org.gve.agent.AgentException;
import org.gve.agent.AgentFault;
import org.gve.agent.registry.GuestAccess;
import org.gve.agent.registry.MutableClock;
import org.gve.agent.spi.GuestCommand;
import org.gve.agent.spi.MigrationTarget;
import org.gve.agent.spi.PowerAction;
import org.gve.agent.spi.SnapshotAction;
import org.gve.agent.spi.VmDescription;
import org.gve.agent.spi.VmSpec;
import org.gve.agent.spi.VmState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's domain service on libvirt's test hypervisor and a real registry database: the registry follows
 * the hypervisor, one agent serves several sites that cannot touch each other's VMs, reservations expire, and
 * racing sites cannot both take a VM.
 */
class AgentServiceIT {
    private static final String SITE_A = "site-a";
    private static final String SITE_B = "site-b";
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    @TempDir
    java.nio.file.Path images;
    private AgentUnderTest agent;

    @BeforeEach
    void openAgent() {
        agent = new AgentUnderTest(AgentUnderTest.testNode("/service/agent-host.xml"), images, Map.of(), clock,
                Duration.ofSeconds(1));
    }

    @AfterEach
    void closeAgent() {
        agent.close();
    }

    private AgentVm create(String site, String name) {
        return agent.service.create(site, new NewVm(name, "tiny-template", null, null, 1, 64L, null));
    }

    @Test
    void domainsCreatedAndRemovedBehindTheAgentsBackAreNoticed() {
        VmDescription outside = agent.driver.create(new VmSpec("made-by-hand", "tiny-template", 1, 64, 0));
        assertTrue(agent.registry.holding(outside.id()).isEmpty(), "the registry has not looked yet");

        List<String> free = ids(agent.service.findVms(SITE_A, VmCriteria.ANY, true));
        assertEquals(List.of(outside.id()), free, "a search syncs first and finds it free");
        assertTrue(agent.registry.holding(outside.id()).orElseThrow().isFreeFor(SITE_B, clock.instant()));

        agent.service.acquire(SITE_A, outside.id());
        agent.driver.delete(outside.id());
        AgentException gone = assertThrows(AgentException.class, () -> agent.service.describe(SITE_A, outside.id()));
        assertEquals(AgentFault.NOT_FOUND, gone.fault());
        assertEquals("VM_VANISHED", gone.code());
        assertTrue(agent.registry.holding(outside.id()).isEmpty(), "forgotten at once");

        VmDescription second = agent.driver.create(new VmSpec("made-by-hand-2", "tiny-template", 1, 64, 0));
        agent.service.syncRegistry();
        assertTrue(agent.registry.holding(second.id()).isPresent());
        agent.driver.delete(second.id());
        agent.service.syncRegistry();
        assertTrue(agent.registry.holding(second.id()).isEmpty(), "the periodic sync forgets vanished VMs");
    }

    @Test
    void oneAgentServesSeveralSitesThatCannotTouchEachOthersVms() {
        AgentVm a = create(SITE_A, "vm-of-a");
        AgentVm b = create(SITE_B, "vm-of-b");
        String id = a.vm().id();
        assertEquals(List.of(id), ids(agent.service.findVms(SITE_A, VmCriteria.ANY, false)));
        assertEquals(List.of(b.vm().id()), ids(agent.service.findVms(SITE_B, VmCriteria.ANY, false)));
        assertEquals(List.of(), ids(agent.service.findVms(SITE_B, VmCriteria.ANY, true)));

        assertNotFound(() -> agent.service.describe(SITE_B, id));
        assertNotFound(() -> agent.service.power(SITE_B, id, PowerAction.START));
        assertNotFound(() -> agent.service.shutdown(SITE_B, id, true, Duration.ofSeconds(1)));
        assertNotFound(() -> agent.service.snapshot(SITE_B, id, SnapshotAction.CREATE, "s1"));
        assertNotFound(() -> agent.service.reconfigure(SITE_B, id, 2, null));
        assertNotFound(() -> agent.service.cloneVm(SITE_B, id, "stolen"));
        assertNotFound(() -> agent.service.acquire(SITE_B, id));
        assertNotFound(() -> agent.service.reserve(SITE_B, id, Duration.ofMinutes(1)));
        assertNotFound(() -> agent.service.release(SITE_B, id, true));
        assertNotFound(() -> agent.service.migrate(SITE_B, id, new MigrationTarget("test:///default", null, null)));
        assertNotFound(() -> agent.guest.run(SITE_B, id, new GuestCommand(List.of("true"), Map.of(), null, null, null)));
        assertNotFound(() -> agent.guest.put(SITE_B, id, "/tmp/x", null, new ByteArrayInputStream(new byte[1])));
        assertNotFound(() -> agent.guest.get(SITE_B, id, "/etc/hostname", new ByteArrayOutputStream()));
        assertNotFound(() -> agent.guest.registerInstallService(SITE_B, id, GuestAccess.NONE));

        assertEquals(VmState.RUNNING, agent.service.power(SITE_A, id, PowerAction.START).vm().state(),
                "the holder still can");
        agent.service.release(SITE_A, id, false);
        assertTrue(ids(agent.service.findVms(SITE_B, VmCriteria.ANY, true)).contains(id), "released, it is free");
        assertEquals(SITE_B, agent.service.acquire(SITE_B, id).holding().holderSite());
        agent.service.release(SITE_B, id, true);
        assertTrue(agent.driver.findVm(id).isEmpty(), "destroyed with its release");
        assertTrue(agent.registry.holding(id).isEmpty());
    }

    @Test
    void reservationsHoldOtherSitesOffUntilTheyExpire() {
        VmDescription vm = agent.driver.create(new VmSpec("spare", "tiny-template", 1, 64, 0));
        AgentVm reserved = agent.service.reserve(SITE_A, vm.id(), Duration.ofSeconds(30));
        assertEquals(SITE_A, reserved.holding().reservedBy());
        assertEquals(List.of(), ids(agent.service.findVms(SITE_B, VmCriteria.ANY, true)), "not free for others");
        assertNotFound(() -> agent.service.acquire(SITE_B, vm.id()));

        clock.advance(Duration.ofSeconds(31));
        assertEquals(List.of(vm.id()), ids(agent.service.findVms(SITE_B, VmCriteria.ANY, true)), "expired");
        assertEquals(SITE_B, agent.service.acquire(SITE_B, vm.id()).holding().holderSite());
        assertNotFound(() -> agent.service.acquire(SITE_A, vm.id()));
    }

    @Test
    void aReservationWithoutDurationLastsTheAgentsDefault() {
        VmDescription vm = agent.driver.create(new VmSpec("spare", "tiny-template", 1, 64, 0));
        AgentVm reserved = agent.service.reserve(SITE_A, vm.id(), null);
        assertEquals(clock.instant().plus(Duration.ofMinutes(5)), reserved.holding().reservedUntil());
    }

    @Test
    void sitesRacingForOneFreeVmCannotBothWin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 5; round++) {
                VmDescription vm = agent.driver.create(new VmSpec("contested-" + round, "tiny-template", 1, 64, 0));
                CountDownLatch go = new CountDownLatch(1);
                List<String> winners = new CopyOnWriteArrayList<>();
                List<Throwable> unexpected = new CopyOnWriteArrayList<>();
                List<Future<?>> racers = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    String site = "site-" + i;
                    racers.add(pool.submit(() -> {
                        go.await();
                        try {
                            agent.service.acquire(site, vm.id());
                            winners.add(site);
                        } catch (AgentException e) {
                            if (e.fault() != AgentFault.INVALID_STATE && e.fault() != AgentFault.NOT_FOUND) {
                                unexpected.add(e);
                            }
                        } catch (RuntimeException e) {
                            unexpected.add(e);
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : racers) f.get(60, TimeUnit.SECONDS);
                assertEquals(List.of(), unexpected);
                assertEquals(1, winners.size(), "winners: " + winners);
                assertEquals(winners.get(0), agent.registry.holding(vm.id()).orElseThrow().holderSite());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aVmOfAnInstallServiceTemplateGetsItsOwnCredential() throws Exception {
        AgentVm vm = agent.service.create(SITE_A, new NewVm("jvm-1", "jvm-template", null, null, 2, 512L, null));
        GuestAccess access = agent.registry.holding(vm.vm().id()).orElseThrow().guest();
        assertTrue(access.present());
        assertTrue(access.endpoint().matches("http://127\\.0\\.0\\.1:187\\d\\d/gve/install"), access.endpoint());
        assertEquals(access, vm.holding().guest(), "the answer already carries it");
        java.nio.file.Path file = images.resolve("install-credentials").resolve(vm.vm().id()).resolve("install.credential");
        String line = java.nio.file.Files.readString(file).trim();
        String[] parts = line.split(":");
        assertEquals("sha256", parts[0]);
        assertEquals(sha256Hex(parts[1] + ":" + access.user() + ":" + access.secret()), parts[2],
                "the guest's line verifies the agent's secret");
        assertFalse(line.contains(access.secret()));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(file)));

        AgentVm plain = create(SITE_A, "plain-1");
        assertFalse(plain.holding().guest().present(), "a template without the mark gets none");

        AgentException e = assertThrows(AgentException.class,
                () -> agent.service.power(SITE_A, vm.vm().id(), PowerAction.START));
        assertEquals(AgentFault.GUEST, e.fault(), "the test hypervisor boots nothing, so nothing answers");
        assertEquals("INSTALL_SERVICE_NOT_ANSWERING", e.code());

        agent.service.release(SITE_A, vm.vm().id(), true);
        assertFalse(java.nio.file.Files.exists(file.getParent()), "the credential goes with the VM");
    }

    @Test
    void guestOperationsNeedARunningVmAndAChannel() {
        AgentVm vm = create(SITE_A, "no-channel");
        GuestCommand command = new GuestCommand(List.of("true"), Map.of(), null, null, null);
        AgentException stopped = assertThrows(AgentException.class, () -> agent.guest.run(SITE_A, vm.vm().id(), command));
        assertEquals(AgentFault.INVALID_STATE, stopped.fault());
        agent.service.power(SITE_A, vm.vm().id(), PowerAction.START);
        AgentException none = assertThrows(AgentException.class, () -> agent.guest.run(SITE_A, vm.vm().id(), command));
        assertEquals(AgentFault.GUEST, none.fault());
        assertEquals("NO_GUEST_CHANNEL", none.code());
        AgentException relative = assertThrows(AgentException.class,
                () -> agent.guest.get(SITE_A, vm.vm().id(), "etc/hostname", new ByteArrayOutputStream()));
        assertEquals(AgentFault.INVALID_ARGUMENT, relative.fault());
    }

    private static List<String> ids(List<AgentVm> vms) {
        return vms.stream().map(v -> v.vm().id()).toList();
    }

    private static void assertNotFound(Executable call) {
        AgentException e = assertThrows(AgentException.class, call);
        assertEquals(AgentFault.NOT_FOUND, e.fault(), e.getMessage());
    }

    private static String sha256Hex(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
