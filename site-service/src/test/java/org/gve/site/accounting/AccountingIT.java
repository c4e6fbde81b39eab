package org.gve.site.accounting;

import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.identity.Caller;
import org.gve.site.jobs.JobStatus;
import org.gve.site.jobs.Operation;
import org.gve.site.testing.SiteFixture;
import org.gve.site.vm.Payloads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Usage records from grants, with a clock the test moves. */
class AccountingIT {
    private SiteFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) fixture.close();
    }

    private static void assertUsage(UsageRecord r, String user, double vmHours, double vcpuHours, double memoryHours) {
        assertEquals(user, r.userName());
        assertEquals(vmHours, r.vmHours(), 1e-6, "VM-hours of " + user);
        assertEquals(vcpuHours, r.vcpuHours(), 1e-6, "vCPU-hours of " + user);
        assertEquals(memoryHours, r.memoryMiBHours(), 1e-6, "MiB-hours of " + user);
    }

    @Test
    void usersReadTheirOwnUsageAndAdministratorsEveryones() {
        fixture = new SiteFixture().start();
        fixture.agent("a1", "KVM", 16, 65536);
        Caller alice = fixture.user("alice");
        Caller bob = fixture.user("bob");
        Instant start = fixture.clock.instant();
        String a1 = fixture.await(alice, fixture.request(alice, 2, 1024).jobId()).vmId();
        fixture.clock.advance(Duration.ofHours(1));
        fixture.await(alice, fixture.request(alice, 4, 2048).jobId());
        fixture.await(bob, fixture.request(bob, 1, 512).jobId());
        fixture.clock.advance(Duration.ofMinutes(30));
        var release = fixture.site().management().submit(alice, Operation.RELEASE, Payloads.VmOperation.of(a1));
        assertEquals(JobStatus.SUCCEEDED, fixture.await(alice, release.jobId()).status());
        fixture.clock.advance(Duration.ofMinutes(30));
        // alice: a1 2 vCPU/1024 MiB for 1.5 h; a2 4 vCPU/2048 MiB for 1 h. bob: 1 vCPU/512 MiB for 1 h.

        List<UsageRecord> own = fixture.site().accounting().usage(alice, null, start, null);
        assertEquals(1, own.size());
        assertUsage(own.get(0), "alice", 2.5, 2 * 1.5 + 4, 1024 * 1.5 + 2048);
        assertEquals(fixture.clock.instant(), own.get(0).to());

        SiteException others = assertThrows(SiteException.class,
                () -> fixture.site().accounting().usage(alice, "bob", start, null));
        assertEquals(SiteFault.NOT_AUTHORIZED, others.fault());

        List<UsageRecord> all = fixture.site().accounting().usage(SiteFixture.ADMIN, null, start, null);
        assertEquals(2, all.size());
        assertUsage(all.get(0), "alice", 2.5, 7, 3584);
        assertUsage(all.get(1), "bob", 1, 1, 512);
        assertUsage(fixture.site().accounting().usage(SiteFixture.ADMIN, "bob", start, null).get(0), "bob", 1, 1, 512);

        // a window: the first hour only
        List<UsageRecord> firstHour = fixture.site().accounting().usage(alice, "alice", start, start.plus(Duration.ofHours(1)));
        assertUsage(firstHour.get(0), "alice", 1, 2, 1024);
        assertEquals(SiteFault.INVALID_ARGUMENT, assertThrows(SiteException.class,
                () -> fixture.site().accounting().usage(alice, null, start, start)).fault());
        assertEquals(SiteFault.NOT_FOUND, assertThrows(SiteException.class,
                () -> fixture.site().accounting().usage(SiteFixture.ADMIN, "nobody", null, null)).fault());
    }

    @Test
    void timePastTheLeaseIsNotCharged() {
        fixture = new SiteFixture().start();
        fixture.agent("a1", "KVM", 16, 65536);
        Caller alice = fixture.user("alice");
        Instant start = fixture.clock.instant();
        fixture.await(alice, fixture.site().requests().request(alice, SiteFixture.profile(1, 1000), null, 7200L, null).jobId());
        fixture.clock.advance(Duration.ofHours(5));
        assertUsage(fixture.site().accounting().usage(alice, null, start, null).get(0), "alice", 2, 2, 2000);
    }
}
