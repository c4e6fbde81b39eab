package org.gve.harness.site;

import org.gve.agent.spi.HypervisorKind;
import org.gve.glue.HypervisorType;
import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineProfile;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStateQuery;
import org.gve.wsdl.site.JobStatus;
import org.gve.wsdl.site.VirtualMachineRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests over SOAP against three real agents on libvirt's test driver, each on its own port
 * (kvm-a and kvm-b: 16 GiB KVM hosts like the demo one, with a template and a free pool VM;
 * xen-a: an 8 GiB Xen host): placement by hypervisor type, free memory and spread; free-VM reuse,
 * template clones, a VM named by id; client tokens under concurrency. The tests share the agents and
 * run in order: placement counts on the agents' initial free memory.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SiteRequestsIT {
    private static final String SITE = "site";
    private static SiteServer server;
    private static final Map<String, AgentHost> agents = new HashMap<>();
    private static VirtualMachineRequest requests;
    private static JobStateQuery jobs;

    @BeforeAll
    static void start() throws Exception {
        // health polls are rare here: placement must spread load without waiting for them
        server = new SiteServer(Map.of("gve.agent.enabled", "false", "gve.site.agent-poll-seconds", "600"));
        agents.put("kvm-a", new AgentHost("kvm-a", HypervisorKind.KVM, 16384, SITE, Clock.systemUTC()));
        agents.put("kvm-b", new AgentHost("kvm-b", HypervisorKind.KVM, 16384, SITE, Clock.systemUTC()));
        agents.put("xen-a", new AgentHost("xen-a", HypervisorKind.XEN, 8192, SITE, Clock.systemUTC()));
        for (AgentHost a : agents.values()) {
            HypervisorType type = a.name().startsWith("xen") ? HypervisorType.XEN : HypervisorType.KVM;
            assertEquals("UP", server.admin().registerAgent(a.name(), a.url(), type, SITE, AgentHost.SECRET).getHealth().name());
        }
        server.addUser("kate", "kate-password");
        requests = server.requests("kate", "kate-password");
        jobs = server.jobs("kate", "kate-password");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        for (AgentHost a : agents.values()) a.close();
    }

    private static VirtualMachineProfile profile(HypervisorType type, int vcpus, long memoryMiB) {
        VirtualMachineProfile p = new VirtualMachineProfile();
        p.setHypervisorType(type);
        p.setVCpus(vcpus);
        p.setMemoryMiB(memoryMiB);
        return p;
    }

    private static VirtualMachine granted(VirtualMachineProfile p, String existingId) throws Exception {
        JobState done = SiteServer.await(jobs, requests.requestVirtualMachine(p, existingId, null, null).getJobID());
        assertEquals(JobStatus.SUCCEEDED, done.getStatus(), () -> done.getFault().getCode() + " " + done.getFault().getMessage());
        return requests.getRequestVirtualMachineResult(done.getJobID());
    }

    private static JobState failed(VirtualMachineProfile p) throws Exception {
        JobState done = SiteServer.await(jobs, requests.requestVirtualMachine(p, null, null, null).getJobID());
        assertEquals(JobStatus.FAILED, done.getStatus());
        return done;
    }

    @Test
    @Order(1)
    void placementHonoursHypervisorTypeAndFreeMemoryAndSpreadsLoad() throws Exception {
        Map<String, Integer> perAgent = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            VirtualMachine vm = granted(profile(HypervisorType.KVM, 1, 2048), null);  // larger than the pool VMs
            assertEquals("debian-tiny", vm.getTemplate());
            perAgent.merge(vm.getAgent(), 1, Integer::sum);
        }
        assertEquals(Map.of("kvm-a", 2, "kvm-b", 2), perAgent, "spread over the two KVM agents");

        VirtualMachine xen = granted(profile(HypervisorType.XEN, 1, 512), null);
        assertEquals("xen-a", xen.getAgent());
        assertEquals(HypervisorType.XEN, xen.getHypervisorType());
        assertEquals("debian-pv", xen.getTemplate());

        JobState tooBigForXen = failed(profile(HypervisorType.XEN, 1, 9000));
        assertEquals("NO_AGENT_AVAILABLE", tooBigForXen.getFault().getCode());
        assertTrue(tooBigForXen.getFault().getMessage().contains("XEN"), tooBigForXen.getFault().getMessage());
        assertEquals("NO_AGENT_AVAILABLE", failed(profile(HypervisorType.KVM, 1, 15000)).getFault().getCode(),
                "12 GiB left on each KVM agent");
        VirtualMachine big = granted(profile(HypervisorType.KVM, 1, 12000), null);
        assertTrue(Set.of("kvm-a", "kvm-b").contains(big.getAgent()));
        JobState released = SiteServer.await(jobs, server.management("kate", "kate-password")
                .releaseVirtualMachine(big.getUniqueID()).getJobID());
        assertEquals(JobStatus.SUCCEEDED, released.getStatus());
    }

    @Test
    @Order(2)
    void freeVmsAreReusedAVmCanBeNamedByIdAndTemplatesClonedWhenNoneIsFree() throws Exception {
        String poolOnB = agents.get("kvm-b").free(SITE).get(0);
        VirtualMachine named = granted(null, poolOnB);
        assertEquals("kvm-b", named.getAgent());
        assertEquals("pool-vm-1", named.getName());
        assertTrue(agents.get("kvm-b").heldBy(SITE).contains(poolOnB));

        VirtualMachine reused = granted(profile(HypervisorType.KVM, 1, 512), null);
        assertEquals("kvm-a", reused.getAgent(), "the only free VM left that fits is on kvm-a");
        assertEquals("pool-vm-1", reused.getName());
        assertEquals(2, reused.getVCpus(), "a free VM may be larger than the profile");

        VirtualMachine cloned = granted(profile(HypervisorType.KVM, 1, 512), null);
        assertTrue(cloned.getName().startsWith("gve-"), "no free VM left: cloned from the template: " + cloned.getName());
        assertEquals("debian-tiny", cloned.getTemplate());

        JobState unknown = SiteServer.await(jobs, requests.requestVirtualMachine(null, "no-such-vm", null, null).getJobID());
        assertEquals("VM_NOT_FOUND", unknown.getFault().getCode());
    }

    @Test
    @Order(3)
    void simultaneousRequestsWithOneClientTokenMakeOneJob() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier barrier = new CyclicBarrier(threads);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                VirtualMachineRequest own = server.requests("kate", "kate-password");
                futures.add(pool.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    return own.requestVirtualMachine(profile(HypervisorType.KVM, 1, 256), null, null, "same-token").getJobID();
                }));
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> f : futures) ids.add(f.get(60, TimeUnit.SECONDS));
            assertEquals(1, ids.size(), "one job: " + ids);
            assertEquals(JobStatus.SUCCEEDED, SiteServer.await(jobs, ids.iterator().next()).getStatus());
            long withToken = jobs.listJobs(null, 1000).stream()
                    .filter(j -> j.getJobID().equals(ids.iterator().next())).count();
            assertEquals(1, withToken);
        } finally {
            pool.shutdownNow();
        }
    }
}
