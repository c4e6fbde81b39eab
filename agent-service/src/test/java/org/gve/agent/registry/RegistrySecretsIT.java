package org.gve.agent.registry;

import org.flywaydb.core.Flyway;
import org.gve.agent.spi.VmDescription;
import org.gve.wsdl.runtime.SecretBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guest secrets in the registry as the agent keeps them: an H2 file database and a key file, both in a
 * temporary directory. The file never holds the clear secret; the same key file reads it back after a
 * restart; rows stored in clear before sealing still read and get sealed; another key says which file.
 */
class RegistrySecretsIT {
    private static final String SECRET = "Zq7-clear-guest-secret-4f1d9c2b8a";
    private static final String ENDPOINT = "http://127.0.0.1:18731/gve/install";
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("agent-registry");
    }

    private Path databaseFile() {
        return dir.resolve("agent-registry.mv.db");
    }

    private Path keyFile() {
        return dir.resolve("agent-secrets.key");
    }

    private VmDescription storeOne() {
        VmDescription vm = RegistryIT.vm("with-install-service");
        try (RegistryDatabase database = new RegistryDatabase(url(), "sa", "")) {
            Registry registry = new Registry(database, clock, SecretBox.fromKeyFile(keyFile()));
            registry.recordHeld(vm, "site-1");
            registry.guestAccess(vm.id(), new GuestAccess(ENDPOINT, "gve-agent", SECRET));
        }
        return vm;
    }

    @Test
    void theDatabaseFileNeverHoldsTheClearSecret() throws Exception {
        VmDescription vm = storeOne();
        byte[] file = Files.readAllBytes(databaseFile());
        assertTrue(contains(file, ENDPOINT), "the endpoint is stored as readable text (so the search below can see)");
        assertTrue(contains(file, vm.id()), "and so is the VM id");
        assertFalse(contains(file, SECRET), "the secret is not");
        assertFalse(contains(file, SECRET.substring(0, 12)), "nor any recognizable part of it");
        String stored = storedSecret(url(), vm.id());
        assertTrue(stored.startsWith("gcm1:"), stored);
    }

    @Test
    void afterAKeyRotationStartSealsEverySecretAgainUnderTheNewKey() throws Exception {
        VmDescription vm = storeOne();
        String underOldKey = storedSecret(url(), vm.id());
        Path newKey = dir.resolve("agent-secrets-2.key");
        try (RegistryDatabase database = new RegistryDatabase(url(), "sa", "")) {
            Registry registry = new Registry(database, clock, SecretBox.fromKeyFiles(newKey, List.of(keyFile())));
            assertEquals(new SecretsReport(List.of(vm.id()), List.of(), null), registry.sealClearSecrets());
            assertEquals(new SecretsReport(List.of(), List.of(), null), registry.sealClearSecrets(), "once is enough");
        }
        assertNotEquals(underOldKey, storedSecret(url(), vm.id()));
        try (RegistryDatabase database = new RegistryDatabase(url(), "sa", "")) {
            Registry registry = new Registry(database, clock, SecretBox.fromKeyFile(newKey));
            assertEquals(new GuestAccess(ENDPOINT, "gve-agent", SECRET), registry.holding(vm.id()).orElseThrow().guest(),
                    "the new key alone opens it: the old one can go");
        }
    }

    @Test
    void aFreshRegistryWithTheSameKeyFileReadsTheSecretBack() {
        VmDescription vm = storeOne();
        try (RegistryDatabase database = new RegistryDatabase(url(), "sa", "")) {
            Registry registry = new Registry(database, clock, SecretBox.fromKeyFile(keyFile()));
            assertEquals(new GuestAccess(ENDPOINT, "gve-agent", SECRET), registry.holding(vm.id()).orElseThrow().guest());
            assertEquals(new SecretsReport(List.of(), List.of(), null), registry.sealClearSecrets());
        }
    }

    @Test
    void secretsStoredInClearStillReadAndAreSealedWhenWrittenOrAtStart() throws Exception {
        // a registry of before sealing: schema version 1, guest secrets in clear
        Flyway.configure().dataSource(url(), "sa", "").locations("classpath:db/agent").target("1").load().migrate();
        insertClearRow(url(), "legacy-1", SECRET);
        insertClearRow(url(), "legacy-2", SECRET + "-2");
        try (RegistryDatabase database = new RegistryDatabase(url(), "sa", "")) {
            Registry registry = new Registry(database, clock, SecretBox.fromKeyFile(keyFile()));
            assertEquals(new GuestAccess(ENDPOINT, "gve-agent", SECRET), registry.holding("legacy-1").orElseThrow().guest());
            assertEquals(SECRET, storedSecret(database, "legacy-1"), "reading leaves it as it is");

            registry.guestAccess("legacy-1", registry.holding("legacy-1").orElseThrow().guest());
            assertTrue(storedSecret(database, "legacy-1").startsWith("gcm1:"), "sealed when written again");
            assertEquals(SECRET, registry.holding("legacy-1").orElseThrow().guest().secret());

            assertEquals(SECRET + "-2", storedSecret(database, "legacy-2"));
            assertEquals(new SecretsReport(List.of("legacy-2"), List.of(), null), registry.sealClearSecrets());
            assertTrue(storedSecret(database, "legacy-2").startsWith("gcm1:"), "sealed at start");
            assertEquals(SECRET + "-2", registry.holding("legacy-2").orElseThrow().guest().secret());
        }
    }

    @Test
    void anotherOrALostKeyFileSaysWhichFileCannotOpenTheSecret() throws Exception {
        VmDescription vm = storeOne();
        Path otherKey = dir.resolve("other-secrets.key");
        assertUnreadableNaming(otherKey, vm);
        Files.delete(keyFile());
        assertUnreadableNaming(keyFile(), vm);
        assertTrue(Files.exists(keyFile()), "a lost key file is made anew, which cannot open what the old one sealed");
    }

    private void assertUnreadableNaming(Path key, VmDescription vm) {
        try (RegistryDatabase database = new RegistryDatabase(url(), "sa", "")) {
            Registry registry = new Registry(database, clock, SecretBox.fromKeyFile(key));
            Holding holding = registry.holding(vm.id()).orElseThrow();
            assertTrue(holding.heldBy("site-1"), "the rest of the VM's record reads as ever");
            GuestAccess guest = holding.guest();
            assertEquals(ENDPOINT, guest.endpoint());
            assertNull(guest.secret());
            assertTrue(guest.unreadable().contains(key.toAbsolutePath().toString()) && guest.unreadable().contains(vm.id()),
                    guest.unreadable());
            assertFalse(guest.toString().contains(SECRET));
            SecretsReport report = registry.sealClearSecrets();
            assertEquals(List.of(vm.id()), report.unreadable());
            assertTrue(report.problem().contains(key.toAbsolutePath().toString()), report.problem());
            assertEquals(1, registry.holdings().size(), "listing is not broken by it");
        }
    }

    private void insertClearRow(String jdbcUrl, String vmId, String secret) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "sa", "");
             PreparedStatement insert = c.prepareStatement("INSERT INTO registry_vm (vm_id, name, hypervisor, state,"
                     + " holder_site, guest_endpoint, guest_user, guest_secret, first_seen, last_seen)"
                     + " VALUES (?, ?, 'KVM', 'RUNNING', 'site-1', ?, 'gve-agent', ?, ?, ?)")) {
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            insert.setString(1, vmId);
            insert.setString(2, vmId);
            insert.setString(3, ENDPOINT);
            insert.setString(4, secret);
            insert.setObject(5, now);
            insert.setObject(6, now);
            insert.executeUpdate();
        }
    }

    private static String storedSecret(String jdbcUrl, String vmId) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "sa", "")) {
            return storedSecret(c, vmId);
        }
    }

    private static String storedSecret(RegistryDatabase database, String vmId) {
        return database.sessionFactory().fromSession(s -> s.doReturningWork(c -> storedSecret(c, vmId)));
    }

    private static String storedSecret(Connection c, String vmId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT guest_secret FROM registry_vm WHERE vm_id = ?")) {
            select.setString(1, vmId);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next(), "no row " + vmId);
                return rs.getString(1);
            }
        }
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) continue outer;
            }
            return true;
        }
        return false;
    }
}
