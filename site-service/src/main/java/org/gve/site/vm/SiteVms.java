package org.gve.site.vm;

import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.identity.Caller;
import org.gve.site.persistence.VmEntity;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.time.Clock;
import java.util.List;

/**
 * Granted VMs and who may touch them. A user sees only their own VMs; anyone else's VM id answers
 * NOT_FOUND exactly like an unknown one. Past its lease a VM answers LEASE_EXPIRED to its owner.
 */
public final class SiteVms {
    private final SessionFactory sessions;
    private final Clock clock;

    public SiteVms(SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /** An active VM of the caller (administrators: any), whatever its lease. */
    public SiteVm visible(Caller caller, String vmId) {
        return sessions.fromSession(s -> view(visibleEntity(s, caller, vmId)));
    }

    /** An active VM the caller may operate on now: owned, lease not expired. */
    public SiteVm operable(Caller caller, String vmId) {
        SiteVm vm = visible(caller, vmId);
        if (vm.leaseExpired(clock.instant()) && !caller.isAdministrator()) {
            throw new SiteException(SiteFault.LEASE_EXPIRED, "LEASE_EXPIRED", "the lease of VM " + vmId
                    + " ended at " + vm.leaseDeadline() + "; ask an administrator to extend it");
        }
        return vm;
    }

    public SiteVm byId(String vmId) {
        return sessions.fromSession(s -> {
            VmEntity vm = s.find(VmEntity.class, vmId);
            if (vm == null) throw SiteException.notFound("VM", vmId);
            return view(vm);
        });
    }

    public List<SiteVm> ownedBy(String owner) {
        return sessions.fromSession(s -> s.createSelectionQuery(
                "from VmEntity v where v.owner = :owner and v.released is null order by v.granted", VmEntity.class)
                .setParameter("owner", owner).getResultList().stream().map(SiteVms::view).toList());
    }

    public List<SiteVm> allActive() {
        return sessions.fromSession(s -> s.createSelectionQuery(
                "from VmEntity v where v.released is null order by v.granted", VmEntity.class)
                .getResultList().stream().map(SiteVms::view).toList());
    }

    /** Moves a VM's lease deadline (administrators); a deadline in the future makes an expired VM usable again. */
    public SiteVm extendLease(Caller admin, String vmId, java.time.Instant deadline) {
        if (deadline == null) throw SiteException.invalid("MISSING_DEADLINE", "NewDeadline is required");
        return sessions.fromTransaction(s -> {
            VmEntity vm = visibleEntity(s, admin, vmId);
            vm.leaseDeadline(deadline);
            return view(vm);
        });
    }

    static VmEntity visibleEntity(Session s, Caller caller, String vmId) {
        if (vmId == null || vmId.isBlank()) throw SiteException.invalid("MISSING_VM_ID", "VirtualMachineID is required");
        VmEntity vm = s.find(VmEntity.class, vmId);
        if (vm == null || vm.released() != null || !(vm.owner().equals(caller.userName()) || caller.isAdministrator())) {
            throw SiteException.notFound("VM", vmId);
        }
        return vm;
    }

    static SiteVm view(VmEntity v) {
        return new SiteVm(v.vmId(), v.owner(), v.agentName(), v.agentVmId(), v.name(), v.hypervisor(), v.state(),
                v.vcpus(), v.memoryMiB(), v.diskMiB(), v.template(), v.createdBySite(), v.hostName(), v.leaseDeadline(), v.granted(),
                v.released());
    }
}
