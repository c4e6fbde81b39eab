package org.gve.harness.site;

import org.gve.glue.VirtualMachineProfile;
import org.gve.site.identity.Quota;
import org.gve.site.quota.Usage;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStateQuery;
import org.gve.wsdl.site.JobStatus;
import org.gve.wsdl.site.QuotaExceededFault;
import org.gve.wsdl.site.VirtualMachineManagement;
import org.gve.wsdl.site.VirtualMachineRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The quota test over real SOAP: 20 clients ask at once for a VM against a quota of 3 VMs.
 * The rule: the quota is checked and reserved when the job is written, so exactly 3 requests are
 * accepted (and their jobs succeed) and 17 are refused at once with QuotaExceededFault. Releasing
 * the 3 VMs brings the user's usage back to exactly zero.
 */
class SiteQuotaIT {
    private static SiteServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new SiteServer(Map.of("gve.site.job-workers", "8"));
        server.addUser("nina", "nina-password", new Quota(3, 64, 65536, 10_000_000, 86400));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static List<Future<JobState>> burst(int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CyclicBarrier barrier = new CyclicBarrier(clients);
        try {
            List<Future<JobState>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                VirtualMachineRequest own = server.requests("nina", "nina-password");
                futures.add(pool.submit(() -> {
                    VirtualMachineProfile p = new VirtualMachineProfile();
                    p.setVCpus(1);
                    p.setMemoryMiB(256L);
                    barrier.await(20, TimeUnit.SECONDS);
                    return own.requestVirtualMachine(p, null, null, null);
                }));
            }
            for (Future<JobState> f : futures) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // counted below
                }
            }
            return futures;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twentyParallelRequestsAgainstAQuotaOfThreeVms() throws Exception {
        JobStateQuery jobs = server.jobs("nina", "nina-password");
        List<JobState> accepted = new ArrayList<>();
        int refused = 0;
        for (Future<JobState> f : burst(20)) {
            try {
                accepted.add(f.get());
            } catch (ExecutionException e) {
                QuotaExceededFault fault = assertInstanceOf(QuotaExceededFault.class, e.getCause());
                assertEquals("QUOTA_EXCEEDED", fault.getFaultInfo().getCode());
                refused++;
            }
        }
        assertEquals(3, accepted.size());
        assertEquals(17, refused);
        List<String> vms = new ArrayList<>();
        for (JobState job : accepted) {
            JobState done = SiteServer.await(jobs, job.getJobID());
            assertEquals(JobStatus.SUCCEEDED, done.getStatus(), () -> done.getFault().getMessage());
            vms.add(done.getVirtualMachineID());
        }
        Usage held = server.site().quotas().usage("nina");
        assertEquals(3, held.vms());
        assertEquals(3, server.management("nina", "nina-password").listVirtualMachines().size());

        VirtualMachineManagement management = server.management("nina", "nina-password");
        for (String vm : vms) {
            assertEquals(JobStatus.SUCCEEDED, SiteServer.await(jobs, management.releaseVirtualMachine(vm).getJobID()).getStatus());
        }
        assertEquals(new Usage(0, 0, 0, 0), server.site().quotas().usage("nina"), "release returns exactly what was taken");
        assertEquals(0, server.admin().getSiteCapacity().getAllocated().getVirtualMachines());
        int acceptedAgain = 0;
        for (Future<JobState> f : burst(5)) {
            try {
                SiteServer.await(jobs, f.get().getJobID());
                acceptedAgain++;
            } catch (ExecutionException e) {
                assertInstanceOf(QuotaExceededFault.class, e.getCause());
            }
        }
        assertEquals(3, acceptedAgain, "the whole quota is usable again");
    }
}
