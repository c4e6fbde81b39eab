package org.gve.site.identity;

import org.gve.site.persistence.DatabaseSettings;
import org.gve.site.persistence.SiteDatabase;
import org.gve.site.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logins on an in-memory H2 database, with the hashing work counted: both throttles, per user and per address. */
class UserDirectoryTest {
    private static final String ATTACKER = "198.51.100.66";
    private static final String OFFICE = "192.0.2.10";
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final AtomicInteger verifications = new AtomicInteger();
    private SiteDatabase db;
    private UserDirectory users;

    @BeforeEach
    void open() {
        db = new SiteDatabase(new DatabaseSettings("jdbc:h2:mem:users-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2));
        PasswordHasher counting = new PasswordHasher(1000) {
            @Override
            public boolean verify(char[] password, String stored) {
                verifications.incrementAndGet();
                return super.verify(password, stored);
            }
        };
        users = new UserDirectory(db.sessions(), counting, new Quota(1, 1, 512, 1024, 3600), clock, Duration.ofMinutes(5),
                new AddressThrottleSettings(4, Duration.ofMinutes(5), Duration.ofMinutes(5), 100));
        users.register("alice", "alice-password".toCharArray(), Role.USER, null);
        users.register("bob", "bob-password".toCharArray(), Role.USER, null);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private LoginResult login(String user, String password, String from) {
        return users.authenticate(user, password.toCharArray(), from);
    }

    @Test
    void inventedNamesCountAgainstTheAddressAndOnceItIsPausedNothingIsHashed() {
        for (int i = 0; i < 4; i++) {
            assertEquals(LoginResult.REFUSED, login("invented-" + i, "password", ATTACKER), "unknown user " + i);
        }
        assertEquals(4, verifications.get(), "unknown users cost a hash like known ones (no enumeration by timing)");
        for (int i = 0; i < 1000; i++) {
            assertInstanceOf(LoginResult.Paused.class, login("invented-x" + i, "password", ATTACKER));
        }
        LoginResult.Paused paused = assertInstanceOf(LoginResult.Paused.class, login("alice", "alice-password", ATTACKER),
                "even the right password is refused from a paused address");
        assertEquals(ATTACKER, paused.address());
        assertEquals(Duration.ofMinutes(5), paused.remaining());
        assertEquals(4, verifications.get(), "no hashing while the address is paused");
    }

    @Test
    void sprayingOnePasswordAcrossUsersPausesTheAddressButNotTheUsersElsewhere() {
        login("alice", "Summer2030!", ATTACKER);
        login("bob", "Summer2030!", ATTACKER);
        login("carol", "Summer2030!", ATTACKER);
        login("dave", "Summer2030!", ATTACKER);
        assertInstanceOf(LoginResult.Paused.class, login("bob", "bob-password", ATTACKER));
        assertEquals(new Caller("alice", Role.USER), login("alice", "alice-password", OFFICE).accepted().orElseThrow(),
                "other addresses are served");
        assertInstanceOf(LoginResult.Paused.class, login("bob", "bob-password", ATTACKER),
                "a good login elsewhere does not clear the paused address");
        clock.advance(Duration.ofMinutes(5));
        assertEquals("bob", login("bob", "bob-password", ATTACKER).accepted().orElseThrow().userName(), "the pause ends");
    }

    @Test
    void aGoodLoginDoesNotResetTheAddressCount() {
        login("alice", "guess-1", OFFICE);
        login("alice", "guess-2", OFFICE);
        login("alice", "guess-3", OFFICE);
        assertTrue(login("bob", "bob-password", OFFICE).accepted().isPresent());
        login("mallory", "guess-4", OFFICE);
        assertInstanceOf(LoginResult.Paused.class, login("bob", "bob-password", OFFICE),
                "an attacker holding one account cannot clear the count between guesses");
    }

    @Test
    void theUserLockStillHoldsAndCountsAgainstTheAddressWithoutHashing() {
        for (int i = 0; i < 5; i++) login("alice", "guess-" + i, "10.0.0." + i);
        int before = verifications.get();
        assertEquals(LoginResult.REFUSED, login("alice", "alice-password", OFFICE), "alice is locked for a minute");
        assertEquals(before, verifications.get(), "a locked user costs no hashing");
        for (int i = 0; i < 3; i++) login("alice", "alice-password", OFFICE);
        assertInstanceOf(LoginResult.Paused.class, login("bob", "bob-password", OFFICE),
                "refusals of a locked user count against the address too");
        clock.advance(Duration.ofMinutes(1));
        assertTrue(login("alice", "alice-password", "10.0.0.9").accepted().isPresent(), "the user lock ends");
    }

    @Test
    void rememberedLoginsAreRefusedFromAPausedAddressToo() {
        assertTrue(login("alice", "alice-password", OFFICE).accepted().isPresent());
        for (int i = 0; i < 4; i++) login("nobody", "x", OFFICE);
        assertInstanceOf(LoginResult.Paused.class, login("alice", "alice-password", OFFICE));
        assertTrue(login("alice", "alice-password", "192.0.2.11").accepted().isPresent());
    }
}
