package org.gve.agent.registry;

import org.gve.agent.AgentException;
import org.gve.agent.AgentFault;
import org.gve.agent.spi.HypervisorKind;
import org.gve.agent.spi.VmDescription;
import org.gve.agent.spi.VmState;
import org.gve.wsdl.runtime.SecretBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Registry Service on a real (in-memory H2) database migrated by Flyway, as the agent runs it. */
class RegistryIT {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private RegistryDatabase database;
    private Registry registry;

    @BeforeEach
    void openRegistry() {
        database = new RegistryDatabase("jdbc:h2:mem:registry-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        registry = new Registry(database, clock, SecretBox.ephemeral());
    }

    @AfterEach
    void closeRegistry() {
        database.close();
    }

    static VmDescription vm(String name) {
        return vm(UUID.randomUUID().toString(), name, VmState.STOPPED);
    }

    static VmDescription vm(String id, String name, VmState state) {
        return new VmDescription(id, name, HypervisorKind.KVM, state, 1, 128, List.of(), List.of(), "tiny", "h", null,
                null);
    }

    @Test
    void syncRecordsNewVmsAsFreeAndForgetsVanishedOnes() {
        VmDescription a = vm("a");
        VmDescription b = vm("b");
        SyncReport first = registry.sync(() -> List.of(a, b));
        assertEquals(Set2.of(a.id(), b.id()), Set2.of(first.appeared()));
        assertTrue(first.vanished().isEmpty());
        Holding free = registry.holding(a.id()).orElseThrow();
        assertNull(free.holderSite());
        assertTrue(free.isFreeFor("any-site", clock.instant()));

        registry.acquire(b.id(), "site-1");
        SyncReport second = registry.sync(() -> List.of(vm(a.id(), "a-renamed", VmState.RUNNING)));
        assertTrue(second.appeared().isEmpty());
        assertEquals(List.of(b.id()), second.vanished(), "a held VM that vanished is forgotten too");
        assertEquals("a-renamed", registry.holding(a.id()).orElseThrow().name());
        assertTrue(registry.holding(b.id()).isEmpty());
        assertEquals(SyncReport.class, registry.sync(List::of).getClass());
        assertTrue(registry.holdings().isEmpty());
    }

    @Test
    void aHeldVmMissingFromAListingStaysHeldForTheGraceAndIsNeverFreedByAListingThatMissedIt() {
        Registry patient = new Registry(database, clock, SecretBox.ephemeral(), Duration.ofSeconds(45));
        VmDescription held = vm("held");
        VmDescription free = vm("free");
        patient.sync(() -> List.of(held, free));
        patient.acquire(held.id(), "site-1");

        clock.advance(Duration.ofSeconds(15));
        SyncReport missed = patient.sync(List::of);  // a listing that missed both
        assertEquals(List.of(free.id()), missed.vanished(), "a free VM is forgotten at once: nothing is lost");
        assertTrue(patient.holding(held.id()).orElseThrow().heldBy("site-1"), "the held one waits");
        SyncReport back = patient.sync(() -> List.of(held));
        assertEquals(List.of(), back.appeared(), "listed again: not a new, free VM");
        assertTrue(patient.holding(held.id()).orElseThrow().heldBy("site-1"), "still held by its site");
        assertFalse(patient.holding(held.id()).orElseThrow().isFreeFor("site-2", clock.instant()));

        clock.advance(Duration.ofSeconds(46));
        assertEquals(List.of(held.id()), patient.sync(List::of).vanished(), "gone for longer than the grace: forgotten");
    }

    @Test
    void aVmHeldByOneSiteIsNotFreeForAnother() {
        VmDescription a = vm("a");
        Holding held = registry.recordHeld(a, "site-1");
        assertTrue(held.heldBy("site-1"));
        assertFalse(held.isFreeFor("site-2", clock.instant()));
        assertFault(AgentFault.INVALID_STATE, () -> registry.recordHeld(a, "site-2"));
        assertFault(AgentFault.INVALID_STATE, () -> registry.acquire(a.id(), "site-2"));
        assertFault(AgentFault.INVALID_STATE, () -> registry.reserve(a.id(), "site-2", Duration.ofMinutes(1)));
        assertFault(AgentFault.NOT_FOUND, () -> registry.release(a.id(), "site-2"));
        assertTrue(registry.acquire(a.id(), "site-1").heldBy("site-1"), "acquiring one's own VM again is a no-op");
        registry.release(a.id(), "site-1");
        assertTrue(registry.acquire(a.id(), "site-2").heldBy("site-2"), "released, it is free for anyone");
    }

    @Test
    void unknownVmsAreNotFound() {
        assertFault(AgentFault.NOT_FOUND, () -> registry.acquire("nope", "site-1"));
        assertFault(AgentFault.NOT_FOUND, () -> registry.reserve("nope", "site-1", Duration.ofSeconds(1)));
        assertFault(AgentFault.NOT_FOUND, () -> registry.release("nope", "site-1"));
        assertFault(AgentFault.NOT_FOUND, () -> registry.guestAccess("nope", GuestAccess.NONE));
        registry.forget("nope");
    }

    @Test
    void aReservationHoldsOthersOffUntilItExpires() {
        VmDescription a = vm("a");
        registry.sync(() -> List.of(a));
        Holding reserved = registry.reserve(a.id(), "site-1", Duration.ofSeconds(60));
        assertEquals("site-1", reserved.reservedBy());
        assertEquals(clock.instant().plusSeconds(60), reserved.reservedUntil());
        assertFault(AgentFault.INVALID_STATE, () -> registry.acquire(a.id(), "site-2"));
        assertFault(AgentFault.INVALID_STATE, () -> registry.reserve(a.id(), "site-2", Duration.ofSeconds(60)));

        clock.advance(Duration.ofSeconds(59));
        assertFault(AgentFault.INVALID_STATE, () -> registry.acquire(a.id(), "site-2"));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(registry.holding(a.id()).orElseThrow().isFreeFor("site-2", clock.instant()), "expired at its end");
        Holding taken = registry.acquire(a.id(), "site-2");
        assertTrue(taken.heldBy("site-2"));
        assertNull(taken.reservedBy(), "holding clears the reservation");
    }

    @Test
    void aSiteMayAcquireWhatItReserved() {
        VmDescription a = vm("a");
        registry.sync(() -> List.of(a));
        registry.reserve(a.id(), "site-1", Duration.ofSeconds(60));
        registry.reserve(a.id(), "site-1", Duration.ofSeconds(120));
        assertEquals(clock.instant().plusSeconds(120), registry.holding(a.id()).orElseThrow().reservedUntil(),
                "renewed by its holder");
        assertTrue(registry.acquire(a.id(), "site-1").heldBy("site-1"));
    }

    @Test
    void twoSitesRacingForOneVmExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 10; round++) {
                VmDescription contested = vm("contested-" + round);
                registry.sync(() -> List.of(contested));
                CountDownLatch go = new CountDownLatch(1);
                List<String> winners = new CopyOnWriteArrayList<>();
                List<Throwable> others = new CopyOnWriteArrayList<>();
                List<Future<?>> racers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String site = "site-" + i;
                    racers.add(pool.submit(() -> {
                        go.await();
                        try {
                            registry.acquire(contested.id(), site);
                            winners.add(site);
                        } catch (AgentException e) {
                            if (e.fault() != AgentFault.INVALID_STATE) others.add(e);
                        } catch (RuntimeException e) {
                            others.add(e);
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : racers) f.get(30, TimeUnit.SECONDS);
                assertEquals(List.of(), others, "losers only hear that the VM is not free");
                assertEquals(1, winners.size(), "winners: " + winners);
                assertEquals(winners.get(0), registry.holding(contested.id()).orElseThrow().holderSite());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void syncsRunningBesideHolderChangesNeverFail() throws Exception {
        List<VmDescription> vms = new ArrayList<>();
        for (int i = 0; i < 20; i++) vms.add(vm("vm-" + i));
        List<VmDescription> listing = Collections.synchronizedList(new ArrayList<>(vms));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 30; i++) {
                        try {
                            registry.sync(() -> List.copyOf(listing));
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            for (int t = 0; t < 3; t++) {
                String site = "site-" + t;
                work.add(pool.submit(() -> {
                    for (VmDescription v : vms) {
                        try {
                            registry.recordHeld(v, site);
                            registry.release(v.id(), site);
                        } catch (AgentException e) {
                            if (e.fault() != AgentFault.INVALID_STATE && e.fault() != AgentFault.NOT_FOUND) failures.add(e);
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            for (Future<?> f : work) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), failures);
        assertEquals(20, registry.holdings().size());
    }

    @Test
    void guestAccessIsKeptWithTheVm() {
        VmDescription a = vm("a");
        registry.recordHeld(a, "site-1");
        assertEquals(GuestAccess.NONE, registry.holding(a.id()).orElseThrow().guest());
        GuestAccess access = new GuestAccess("http://127.0.0.1:18700/gve/install", "gve-agent", "secret-of-32-characters-xxxxxxx");
        registry.guestAccess(a.id(), access);
        assertEquals(access, registry.holding(a.id()).orElseThrow().guest());
        registry.release(a.id(), "site-1");
        assertEquals(access, registry.holding(a.id()).orElseThrow().guest(), "the credential is the VM's, not the site's");
        registry.forget(a.id());
        assertTrue(registry.holding(a.id()).isEmpty());
    }

    @Test
    void theRegistrySurvivesAReopenOfItsDatabase() {
        String url = "jdbc:h2:mem:registry-reopen-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        VmDescription a = vm("a");
        SecretBox secrets = SecretBox.ephemeral();
        try (RegistryDatabase first = new RegistryDatabase(url, "sa", "")) {
            new Registry(first, clock, secrets).recordHeld(a, "site-1");
        }
        try (RegistryDatabase again = new RegistryDatabase(url, "sa", "")) {
            Map<String, Holding> holdings = new Registry(again, clock, secrets).holdings();
            assertTrue(holdings.get(a.id()).heldBy("site-1"));
        }
    }

    private static void assertFault(AgentFault fault, Executable call) {
        AgentException e = assertThrows(AgentException.class, call);
        assertEquals(fault, e.fault(), e.getMessage());
    }

    /** Order-free comparison of id lists. */
    private static final class Set2 {
        static java.util.Set<String> of(String... ids) {
            return java.util.Set.of(ids);
        }

        static java.util.Set<String> of(List<String> ids) {
            return java.util.Set.copyOf(ids);
        }
    }
}
