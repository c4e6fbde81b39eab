package org.gve.harness.site;

import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineProfile;
import org.gve.glue.VirtualMachineState;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStateQuery;
import org.gve.wsdl.site.JobStatus;
import org.gve.wsdl.site.LeaseExpiredFault;
import org.gve.wsdl.site.NotAuthorizedFault;
import org.gve.wsdl.site.UsageRecord;
import org.gve.wsdl.site.VirtualMachineManagement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.gve.wsdl.runtime.XmlTimes.toXml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leases and accounting over SOAP with a clock the test moves (given to the whole server): past its
 * deadline a VM is stopped by the lease enforcer (checking every second here) and its owner's
 * operations answer LeaseExpiredFault until an administrator extends the lease; usage is read in
 * VM-, vCPU- and MiB-hours by owners (their own) and administrators (everyone's).
 */
class SiteLeaseAndAccountingIT {
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final TestClock clock = new TestClock(T0);
    private static SiteServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new SiteServer(clock, Map.of("gve.site.lease-check-seconds", "1"));
        server.addUser("olga", "olga-password");
        server.addUser("pete", "pete-password");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String granted(String user, int vcpus, long memory, Long lease) throws Exception {
        VirtualMachineProfile p = new VirtualMachineProfile();
        p.setVCpus(vcpus);
        p.setMemoryMiB(memory);
        JobState done = SiteServer.await(server.jobs(user, user + "-password"),
                server.requests(user, user + "-password").requestVirtualMachine(p, null, lease, null).getJobID());
        assertEquals(JobStatus.SUCCEEDED, done.getStatus(), () -> done.getFault().getMessage());
        return done.getVirtualMachineID();
    }

    private static VirtualMachine awaitState(VirtualMachineManagement m, String vm, VirtualMachineState state) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            VirtualMachine v = m.describeVirtualMachine(vm);
            if (v.getState() == state) return v;
            if (Instant.now().isAfter(deadline)) throw new AssertionError(vm + " is still " + v.getState());
            Thread.sleep(100);
        }
    }

    private static void assertUsage(UsageRecord r, String user, double vmHours, double vcpuHours, double memoryHours) {
        assertEquals(user, r.getUserName());
        assertEquals(vmHours, r.getVirtualMachineHours(), 1e-6);
        assertEquals(vcpuHours, r.getVCpuHours(), 1e-6);
        assertEquals(memoryHours, r.getMemoryMiBHours(), 1e-6);
    }

    @Test
    void anExpiredLeaseStopsTheVmAndBlocksItsOwnerUntilExtendedAndUsageIsCharged() throws Exception {
        VirtualMachineManagement olga = server.management("olga", "olga-password");
        JobStateQuery olgasJobs = server.jobs("olga", "olga-password");
        Instant t0 = clock.instant();
        String vm = granted("olga", 1, 2048, 3600L);
        granted("pete", 2, 1024, null);
        assertEquals(VirtualMachineState.RUNNING, olga.describeVirtualMachine(vm).getState());

        clock.advance(Duration.ofMinutes(61));
        VirtualMachine stopped = awaitState(olga, vm, VirtualMachineState.STOPPED);
        assertEquals(t0.plusSeconds(3600), stopped.getLeaseDeadline().toGregorianCalendar().toInstant());
        LeaseExpiredFault start = assertThrows(LeaseExpiredFault.class, () -> olga.startVirtualMachine(vm));
        assertEquals("LEASE_EXPIRED", start.getFaultInfo().getCode());
        assertThrows(LeaseExpiredFault.class, () -> olga.releaseVirtualMachine(vm));
        assertThrows(LeaseExpiredFault.class, () -> olga.snapshotVirtualMachine(vm, "s1"));
        List<JobState> expiry = olgasJobs.listJobs(null, 50).stream().filter(j -> j.getOperation().equals("LEASE_EXPIRY")).toList();
        assertEquals(1, expiry.size(), "one stop, shown to the owner");
        assertEquals(JobStatus.SUCCEEDED, expiry.get(0).getStatus());

        VirtualMachine extended = server.admin().extendLease(vm, toXml(clock.instant().plus(Duration.ofHours(1))));
        assertEquals(VirtualMachineState.STOPPED, extended.getState(), "extending does not restart the VM");
        JobState restarted = SiteServer.await(olgasJobs, olga.startVirtualMachine(vm).getJobID());
        assertEquals(JobStatus.SUCCEEDED, restarted.getStatus());
        assertEquals(VirtualMachineState.RUNNING, olga.describeVirtualMachine(vm).getState());

        clock.advance(Duration.ofMinutes(59));  // now t0 + 2 h; olga's lease runs to t0 + 2 h 1 min
        List<UsageRecord> own = olga.getUsage(null, toXml(t0), null);
        assertEquals(1, own.size());
        assertUsage(own.get(0), "olga", 2, 2, 4096);
        NotAuthorizedFault others = assertThrows(NotAuthorizedFault.class, () -> olga.getUsage("pete", toXml(t0), null));
        assertEquals("ADMINISTRATOR_REQUIRED", others.getFaultInfo().getCode());
        List<UsageRecord> all = server.management(SiteServer.ADMIN, SiteServer.ADMIN_PASSWORD).getUsage(null, toXml(t0), null);
        assertEquals(List.of("olga", "pete"), all.stream().map(UsageRecord::getUserName).toList());
        assertUsage(all.get(1), "pete", 2, 4, 2048);
        List<UsageRecord> firstHour = olga.getUsage("olga", toXml(t0), toXml(t0.plus(Duration.ofMinutes(30))));
        assertUsage(firstHour.get(0), "olga", 0.5, 0.5, 1024);
    }

    @Test
    void anAdministratorReclaimsAnExpiredVm() throws Exception {
        String vm = granted("pete", 1, 512, 60L);
        clock.advance(Duration.ofMinutes(2));
        awaitState(server.management("pete", "pete-password"), vm, VirtualMachineState.STOPPED);
        JobState reclaim = SiteServer.await(server.jobs(SiteServer.ADMIN, SiteServer.ADMIN_PASSWORD),
                server.admin().reclaimVirtualMachine(vm).getJobID());
        assertEquals(JobStatus.SUCCEEDED, reclaim.getStatus());
        assertTrue(server.management("pete", "pete-password").listVirtualMachines().stream()
                .noneMatch(v -> v.getUniqueID().equals(vm)));
    }
}
