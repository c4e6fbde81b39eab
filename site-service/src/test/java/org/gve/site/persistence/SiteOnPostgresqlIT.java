package org.gve.site.persistence;

import org.gve.site.identity.Caller;
import org.gve.site.jobs.JobStatus;
import org.gve.site.jobs.JobView;
import org.gve.site.jobs.Operation;
import org.gve.site.quota.QuotaUnderConcurrencyIT;
import org.gve.site.testing.FakeAgent;
import org.gve.site.testing.SiteFixture;
import org.gve.site.vm.Payloads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The site's core flows on a real PostgreSQL (Debian's, set up by deploy/scripts/setup-postgresql.sh,
 * which gve-test runs): Flyway migrations and Hibernate validation, request and management jobs,
 * quota under concurrency, client tokens, leases, reconciliation. Each run uses a fresh schema,
 * dropped afterwards. Skipped, saying why, only when nothing answers on the port.
 * Env: GVE_PG_URL (default jdbc:postgresql://127.0.0.1:5432/gve), GVE_PG_USER, GVE_PG_PASSWORD (gve/gve).
 */
class SiteOnPostgresqlIT {
    private static final String URL = env("GVE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/gve");
    private static final String USER = env("GVE_PG_USER", "gve");
    private static final String PASSWORD = env("GVE_PG_PASSWORD", "gve");
    private static String schema;
    private SiteFixture fixture;

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @BeforeAll
    static void createSchema() throws SQLException {
        java.net.URI uri = java.net.URI.create(URL.substring("jdbc:".length()));
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), 2000);
        } catch (IOException e) {
            assumeTrue(false, "no PostgreSQL answers on " + uri.getHost() + ":" + port + " (" + e.getMessage()
                    + "); run deploy/scripts/setup-postgresql.sh as root (gve-test does) to test the PostgreSQL path");
        }
        schema = "gve_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
            c.createStatement().execute("create schema " + schema);
        }
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (schema == null) return;
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
            c.createStatement().execute("drop schema " + schema + " cascade");
        }
    }

    @BeforeEach
    void clean() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
            c.createStatement().execute("drop schema " + schema + " cascade");
            c.createStatement().execute("create schema " + schema);
        }
        fixture = new SiteFixture(new DatabaseSettings(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                USER, PASSWORD, 12), 8);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void migrationsValidationAndARequestJob() throws SQLException {
        try (Connection c = fixture.jdbc()) {
            var tables = c.getMetaData().getTables(null, schema, "site_%", new String[]{"TABLE"});
            int count = 0;
            while (tables.next()) count++;
            assertEquals(4, count, "Flyway made the four tables in the test's schema");
        }
        fixture.start();
        FakeAgent agent = fixture.agent("a1", "KVM", 16, 32768);
        Caller alice = fixture.user("alice");
        JobView job = fixture.await(alice, fixture.request(alice, 2, 1024).jobId());
        assertEquals(JobStatus.SUCCEEDED, job.status(), job.faultMessage());
        String vm = job.vmId();
        for (Operation op : List.of(Operation.SUSPEND, Operation.RESUME, Operation.SHUTDOWN, Operation.START)) {
            JobView done = fixture.await(alice, fixture.site().management().submit(alice, op, Payloads.VmOperation.of(vm)).jobId());
            assertEquals(JobStatus.SUCCEEDED, done.status(), op + ": " + done.faultMessage());
        }
        assertEquals("RUNNING", fixture.site().vms().byId(vm).state());
        assertEquals(5, fixture.site().jobs().jobs(alice, JobStatus.SUCCEEDED, 100).size());
        JobView release = fixture.site().management().submit(alice, Operation.RELEASE, Payloads.VmOperation.of(vm));
        assertEquals(JobStatus.SUCCEEDED, fixture.await(alice, release.jobId()).status());
        assertEquals(0, agent.heldIds().size());
    }

    @Test
    void quotaUnderConcurrencyAndClientTokens() throws Exception {
        fixture.start();
        fixture.agent("a1", "KVM", 64, 65536);
        QuotaUnderConcurrencyIT.exactlyTheQuotaSucceeds(fixture);
        Caller dave = fixture.user("dave");
        var jobs = QuotaUnderConcurrencyIT.together(6, () -> fixture.site().requests()
                .request(dave, SiteFixture.profile(1, 512), null, null, "same-token"));
        assertEquals(1, jobs.stream().map(f -> {
            try {
                return f.get().jobId();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).distinct().count());
    }

    @Test
    void leasesAccountingAndReconciliation() {
        fixture.start();
        FakeAgent agent = fixture.agent("a1", "KVM", 16, 32768);
        Caller alice = fixture.user("alice");
        String vm = fixture.await(alice, fixture.request(alice, 1, 512).jobId()).vmId();
        String gone = fixture.await(alice, fixture.request(alice, 1, 512).jobId()).vmId();
        fixture.clock.advance(Duration.ofDays(2));
        assertEquals(2, fixture.site().enforceLeases());
        SiteFixture.eventually("both stopped for their lease", () ->
                fixture.site().vms().byId(vm).leaseStopped() != null && fixture.site().vms().byId(gone).leaseStopped() != null);
        assertEquals(2 * 24.0, fixture.site().accounting().usage(alice, null, SiteFixture.T0, null).get(0).vmHours(), 1e-6,
                "two VMs, charged until their 1-day lease ended");
        agent.vanish(fixture.site().vms().byId(gone).agentVmId());
        fixture.restart().start();
        assertEquals(List.of(gone), fixture.site().lastReconciliation().lostVms());
        assertEquals(1, fixture.site().quotas().usage("alice").vms());
        assertTrue(fixture.site().vms().byId(vm).lostAt() == null);
    }
}
