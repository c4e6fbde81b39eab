package org.gve.site.quota;

import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.jobs.Reservation;
import org.gve.site.persistence.DatabaseSettings;
import org.gve.site.persistence.JobEntity;
import org.gve.site.persistence.SiteDatabase;
import org.gve.site.persistence.UserEntity;
import org.gve.site.persistence.VmEntity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quota arithmetic on an in-memory H2 database: held VMs plus unfinished jobs' reservations. */
class QuotaLedgerTest {
    private static final Instant T = Instant.parse("2030-01-01T00:00:00Z");
    private static SiteDatabase db;
    private String user;
    private long seq;

    @BeforeAll
    static void open() {
        db = new SiteDatabase(new DatabaseSettings("jdbc:h2:mem:quota-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void newUser() {
        user = "u-" + UUID.randomUUID().toString().substring(0, 8);
        db.sessions().inTransaction(s -> {
            UserEntity u = new UserEntity(user, "x", "USER", T);
            u.quota(3, 4, 4096, 10_000, 3600);
            s.persist(u);
        });
    }

    private String vm(int vcpus, long memory, long disk) {
        String id = "vm-" + UUID.randomUUID();
        db.sessions().inTransaction(s -> {
            VmEntity vm = new VmEntity(id, user, "a1", id, "KVM", true, T, T.plusSeconds(3600));
            vm.observed(id, "RUNNING", vcpus, memory, disk, null, null);
            s.persist(vm);
        });
        return id;
    }

    private String job(String status, Reservation r) {
        String id = "job-" + UUID.randomUUID();
        db.sessions().inTransaction(s -> {
            JobEntity job = new JobEntity(id, ++seq, user, "REQUEST_VM", null, "{}", null, T);
            job.reserve(r.vms(), r.vcpus(), r.memoryMiB(), r.diskMiB());
            if (!status.equals("PENDING")) job.start("n", T);
            s.persist(job);
        });
        return id;
    }

    private Usage usage() {
        return db.sessions().fromSession(s -> QuotaLedger.usage(s, user));
    }

    private void reserve(Reservation r) {
        db.sessions().inTransaction(s -> QuotaLedger.reserve(s, QuotaLedger.lockUser(s, user), r));
    }

    @Test
    void usageIsHeldVmsPlusUnfinishedReservations() {
        assertEquals(new Usage(0, 0, 0, 0), usage());
        vm(1, 512, 1000);
        job("PENDING", new Reservation(1, 1, 256, 0));
        job("RUNNING", new Reservation(1, 2, 1024, 0));
        assertEquals(new Usage(3, 4, 1792, 1000), usage());
    }

    @Test
    void releasedAndLostVmsAndFinishedJobsHoldNothing() {
        String released = vm(2, 2048, 0);
        String lost = vm(2, 2048, 0);
        db.sessions().inTransaction(s -> {
            s.find(VmEntity.class, released).released(T);
            s.find(VmEntity.class, lost).lost(T);
        });
        String failed = job("RUNNING", new Reservation(1, 1, 1, 1));
        db.sessions().inTransaction(s -> s.find(JobEntity.class, failed).fail("FAILED", "X", "x", T));
        assertEquals(new Usage(0, 0, 0, 0), usage());
    }

    @Test
    void reserveRefusesWhatWouldPassAnyLimit() {
        vm(2, 2048, 0);
        job("PENDING", new Reservation(1, 2, 2048, 0));
        for (Reservation tooMuch : new Reservation[]{new Reservation(2, 0, 0, 0), new Reservation(0, 1, 0, 0),
                new Reservation(0, 0, 1, 0), new Reservation(0, 0, 0, 10_001)}) {
            SiteException e = assertThrows(SiteException.class, () -> reserve(tooMuch), tooMuch.toString());
            assertEquals(SiteFault.QUOTA_EXCEEDED, e.fault());
        }
        reserve(new Reservation(1, 0, 0, 10_000));  // exactly at the limits is allowed
    }

    @Test
    void headroomCountsTheJobsOwnReservationAsAvailable() {
        vm(1, 1024, 0);
        Reservation own = new Reservation(1, 1, 512, 0);
        job("RUNNING", own);
        Usage room = db.sessions().fromSession(s -> QuotaLedger.headroom(s, QuotaLedger.userOf(s, user), own));
        assertEquals(new Usage(2, 3, 3072, 10_000), room);
    }

    @Test
    void replaceChecksTheRealSizeInsteadOfTheReservation() {
        vm(2, 2048, 0);
        Reservation held = new Reservation(1, 1, 512, 0);
        job("RUNNING", held);
        db.sessions().inTransaction(s -> QuotaLedger.replace(s, QuotaLedger.lockUser(s, user), held, new Reservation(1, 2, 2048, 0)));
        SiteException e = assertThrows(SiteException.class, () -> db.sessions().inTransaction(s ->
                QuotaLedger.replace(s, QuotaLedger.lockUser(s, user), held, new Reservation(1, 3, 512, 0))));
        assertTrue(e.getMessage().contains("vCPUs"), e.getMessage());
    }

    @Test
    void unknownUsersAreRefused() {
        SiteException e = assertThrows(SiteException.class,
                () -> db.sessions().inTransaction(s -> QuotaLedger.lockUser(s, "nobody")));
        assertEquals(SiteFault.NOT_AUTHORIZED, e.fault());
    }
}
