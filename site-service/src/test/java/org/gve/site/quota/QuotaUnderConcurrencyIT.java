package org.gve.site.quota;

import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.identity.Caller;
import org.gve.site.identity.Quota;
import org.gve.site.jobs.JobStatus;
import org.gve.site.jobs.JobView;
import org.gve.site.jobs.Operation;
import org.gve.site.testing.FakeAgent;
import org.gve.site.testing.SiteFixture;
import org.gve.site.vm.Payloads;
import org.gve.site.vm.SiteVm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quota ("compute allocable resources") under concurrency, with a fake agent. The rule tested: the
 * quota is checked and reserved when the job is written, so the requests past it are refused at
 * submit with QUOTA_EXCEEDED and every accepted one succeeds. Runs on H2 here and on PostgreSQL in
 * SiteOnPostgresqlIT (see {@link #exactlyTheQuotaSucceeds}).
 */
public class QuotaUnderConcurrencyIT {
    private SiteFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) fixture.close();
    }

    /** Outcome of a burst of parallel submissions. */
    public record Burst(List<JobView> accepted, List<SiteException> refused) {
    }

    public static <T> List<Future<T>> together(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier barrier = new CyclicBarrier(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    return task.call();
                }));
            }
            for (Future<T> f : futures) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    // inspected by the caller
                }
            }
            return futures;
        } finally {
            pool.shutdownNow();
        }
    }

    public static Burst burst(SiteFixture fixture, Caller user, int threads) throws Exception {
        List<Future<JobView>> futures = together(threads, () -> fixture.request(user, 1, 512));
        List<JobView> accepted = new ArrayList<>();
        List<SiteException> refused = new ArrayList<>();
        for (Future<JobView> f : futures) {
            try {
                accepted.add(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof SiteException s)) throw new AssertionError("unexpected failure", e.getCause());
                refused.add(s);
            }
        }
        return new Burst(accepted, refused);
    }

    /** 20 parallel requests against a quota of 3 VMs: exactly 3 are accepted and succeed; release returns all. */
    public static void exactlyTheQuotaSucceeds(SiteFixture fixture) throws Exception {
        Caller carol = fixture.user("carol", new Quota(3, 64, 65536, 1_000_000, 86400));
        Burst burst = burst(fixture, carol, 20);
        assertEquals(3, burst.accepted().size(), "accepted: " + burst.accepted());
        assertEquals(17, burst.refused().size());
        for (SiteException e : burst.refused()) {
            assertEquals(SiteFault.QUOTA_EXCEEDED, e.fault());
            assertEquals("QUOTA_EXCEEDED", e.code());
        }
        List<String> vms = new ArrayList<>();
        for (JobView job : burst.accepted()) {
            JobView done = fixture.await(carol, job.jobId());
            assertEquals(JobStatus.SUCCEEDED, done.status(), done.faultMessage());
            vms.add(done.vmId());
        }
        assertEquals(new Usage(3, 3, 1536, 3072), fixture.site().quotas().usage("carol"));
        assertEquals(3, new HashSet<>(vms).size());
        for (String vm : vms) {
            JobView release = fixture.site().management().submit(carol, Operation.RELEASE, Payloads.VmOperation.of(vm));
            assertEquals(JobStatus.SUCCEEDED, fixture.await(carol, release.jobId()).status());
        }
        assertEquals(new Usage(0, 0, 0, 0), fixture.site().quotas().usage("carol"), "release returns exactly what was taken");
        Burst again = burst(fixture, carol, 6);
        assertEquals(3, again.accepted().size(), "the whole quota is usable again");
        for (JobView job : again.accepted()) fixture.await(carol, job.jobId());
    }

    @Test
    void manyParallelRequestsAgainstASmallQuota() throws Exception {
        fixture = new SiteFixture(8).start();
        fixture.agent("a1", "KVM", 64, 65536);
        exactlyTheQuotaSucceeds(fixture);
    }

    @Test
    void twoSimultaneousRequestsWithOneClientTokenMakeOneJob() throws Exception {
        fixture = new SiteFixture().start();
        fixture.agent("a1", "KVM", 64, 65536);
        Caller dave = fixture.user("dave");
        List<Future<JobView>> both = together(8, () -> fixture.site().requests()
                .request(dave, SiteFixture.profile(1, 512), null, null, "token-1"));
        Set<String> ids = new HashSet<>();
        for (Future<JobView> f : both) ids.add(f.get().jobId());
        assertEquals(1, ids.size(), "one job for one token: " + ids);
        fixture.await(dave, ids.iterator().next());
        assertEquals(1, fixture.site().quotas().usage("dave").vms());
        assertEquals(1, fixture.site().management().list(dave).size());
    }

    @Test
    void aFreeVmLargerThanTheProfileIsTakenOnlyWhenTheQuotaHasRoomForItsRealSize() {
        fixture = new SiteFixture().start();
        FakeAgent agent = fixture.agent("a1", "KVM", 64, 65536);
        String big = agent.addFreeVm(4, 4096);
        Caller tight = fixture.user("tight", new Quota(2, 2, 8192, 100_000, 86400));
        JobView first = fixture.await(tight, fixture.request(tight, 1, 512).jobId());
        SiteVm made = fixture.site().vms().byId(first.vmId());
        assertEquals(1, made.vcpus(), "the 4-vCPU free VM does not fit a 2-vCPU quota: a new VM is made");
        assertTrue(made.createdBySite());
        assertTrue(!agent.isHeld(big));

        Caller roomy = fixture.user("roomy", new Quota(2, 8, 8192, 100_000, 86400));
        JobView second = fixture.await(roomy, fixture.request(roomy, 1, 512).jobId());
        SiteVm reused = fixture.site().vms().byId(second.vmId());
        assertEquals(big, reused.agentVmId(), "the free VM is reused");
        assertTrue(!reused.createdBySite());
        assertEquals(new Usage(1, 4, 4096, 1024), fixture.site().quotas().usage("roomy"), "charged its real size");
    }

    @Test
    void aVmRequestedByIdIsChargedItsRealSizeAndRefusedWhenItDoesNotFit() {
        fixture = new SiteFixture().start();
        FakeAgent agent = fixture.agent("a1", "KVM", 64, 65536);
        String big = agent.addFreeVm(4, 4096);
        Caller tight = fixture.user("tight", new Quota(2, 2, 8192, 100_000, 86400));
        JobView refused = fixture.await(tight, fixture.site().requests().request(tight, null, big, null, null).jobId());
        assertEquals(JobStatus.FAILED, refused.status());
        assertEquals("QUOTA_EXCEEDED", refused.faultCode());
        assertTrue(!agent.isHeld(big) && "STOPPED".equals(agent.state(big)), "given back");
        assertEquals(new Usage(0, 0, 0, 0), fixture.site().quotas().usage("tight"));

        Caller roomy = fixture.user("roomy", new Quota(2, 8, 8192, 100_000, 86400));
        JobView taken = fixture.await(roomy, fixture.site().requests().request(roomy, null, big, null, null).jobId());
        assertEquals(JobStatus.SUCCEEDED, taken.status(), taken.faultMessage());
        assertEquals("RUNNING", agent.state(big));
        assertEquals(new Usage(1, 4, 4096, 1024), fixture.site().quotas().usage("roomy"));
        JobView unknown = fixture.await(roomy, fixture.site().requests().request(roomy, null, "no-such-vm", null, null).jobId());
        assertEquals("VM_NOT_FOUND", unknown.faultCode());
    }
}
