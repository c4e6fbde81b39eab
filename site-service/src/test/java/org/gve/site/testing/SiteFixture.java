package org.gve.site.testing;

import org.gve.site.SiteApplication;
import org.gve.site.SiteSettings;
import org.gve.site.agents.ProfileSpec;
import org.gve.site.identity.AddressThrottleSettings;
import org.gve.site.identity.Caller;
import org.gve.site.identity.Quota;
import org.gve.site.identity.Role;
import org.gve.site.jobs.JobStatus;
import org.gve.site.jobs.JobView;
import org.gve.site.persistence.DatabaseSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A whole Site Service in the test's JVM, on an in-memory H2 database, with {@link FakeAgent}s and
 * a {@link MutableClock}. Background polls are rare (the test triggers them), jobs run at once.
 */
public final class SiteFixture implements AutoCloseable {
    public static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    public static final Caller ADMIN = new Caller("root", Role.ADMINISTRATOR);
    public final MutableClock clock = new MutableClock(T0);
    public final Map<String, FakeAgent> agents = new ConcurrentHashMap<>();
    private final DatabaseSettings database;
    private final int workers;
    /** The secret each agent's gateway was last opened with (what the site opened from its database). */
    public final Map<String, String> gatewaySecrets = new ConcurrentHashMap<>();
    private java.nio.file.Path secretsKey = SECRETS_KEY;
    private java.util.List<java.nio.file.Path> retiredKeys = java.util.List.of();
    private SiteApplication site;

    public SiteFixture() {
        this(4);
    }

    public SiteFixture(int workers) {
        this(new DatabaseSettings("jdbc:h2:mem:site-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 8), workers);
    }

    public SiteFixture(DatabaseSettings database, int workers) {
        this.database = database;
        this.workers = workers;
        this.site = build();
    }

    /** One key for every fixture, so a site restarted on the same database opens what it sealed. */
    private static final java.nio.file.Path SECRETS_KEY =
            java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "gve-site-test-secrets.key");

    private SiteApplication build() {
        SiteSettings settings = new SiteSettings("site", database,
                new SiteSettings.Jobs("node-1", workers, Duration.ofMillis(50), Duration.ofDays(30)),
                new SiteSettings.Agents(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(1), null, null),
                new SiteSettings.Grants(Duration.ofHours(1), Duration.ofHours(1), new Quota(4, 8, 8192, 102400, 86400)),
                new SiteSettings.Profiles(1, 512, 64, 262144),
                new SiteSettings.Security(1000, secretsKey, AddressThrottleSettings.DEFAULTS, retiredKeys), null);
        return new SiteApplication(settings, clock, (name, endpoint, user, secret) -> {
            if (secret != null) gatewaySecrets.put(name, secret);
            return agents.computeIfAbsent(name, n -> {
                    FakeAgent unknown = new FakeAgent(n, "KVM", 0, 0);
                    unknown.down(true);
                    return unknown;
                });
        });
    }

    /** The key files the next {@link #restart} uses (the default: one key shared by every fixture). */
    public SiteFixture keys(java.nio.file.Path current, java.util.List<java.nio.file.Path> retired) {
        this.secretsKey = current;
        this.retiredKeys = retired;
        return this;
    }

    public SiteApplication site() {
        return site;
    }

    /** Starts the site (recovery, reconciliation, dispatching). */
    public SiteFixture start() {
        site.start();
        return this;
    }

    /** Stops this site object and builds a new one on the same database and agents (not started). */
    public SiteApplication restart() {
        site.close();
        site = build();
        return site;
    }

    /** Registers (and so polls) a fake agent. */
    public FakeAgent agent(String name, String hypervisor, int vcpus, long memoryMiB) {
        FakeAgent agent = new FakeAgent(name, hypervisor, vcpus, memoryMiB);
        agents.put(name, agent);
        site.agents().register(name, "http://fake/" + name, hypervisor, "site", "secret");
        return agent;
    }

    public Caller user(String name, Quota quota) {
        site.users().register(name, ("password-of-" + name).toCharArray(), Role.USER, quota);
        return new Caller(name, Role.USER);
    }

    public Caller user(String name) {
        return user(name, new Quota(10, 40, 100_000, 1_000_000, 86400));
    }

    public static ProfileSpec profile(int vcpus, long memoryMiB) {
        return new ProfileSpec(null, null, vcpus, memoryMiB, 0, null, null, null);
    }

    public JobView request(Caller caller, int vcpus, long memoryMiB) {
        return site.requests().request(caller, profile(vcpus, memoryMiB), null, 86400L, null);
    }

    /** Waits (bounded) until the job is finished and returns it. */
    public JobView await(Caller caller, String jobId) {
        return awaitStatus(caller, jobId, null);
    }

    /** Waits (bounded) until the job has {@code status} (null: any finished status). */
    public JobView awaitStatus(Caller caller, String jobId, JobStatus status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JobView job = site.jobs().job(caller, jobId);
            if (status == null ? job.status().isFinished() : job.status() == status) return job;
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + jobId + " is " + job.status() + " (" + job.progress() + "), not "
                        + (status == null ? "finished" : status));
            }
            pause();
        }
    }

    /** Waits (bounded) until {@code condition} holds. */
    public static void eventually(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("never happened: " + what);
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A plain JDBC connection to the site's database, to set up states only a crash leaves. */
    public Connection jdbc() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    @Override
    public void close() {
        site.close();
        if (database.jdbcUrl().startsWith("jdbc:h2:mem:")) {
            try (Connection c = jdbc()) {
                c.createStatement().execute("SHUTDOWN");
            } catch (SQLException e) {
                // already gone
            }
        }
    }
}
