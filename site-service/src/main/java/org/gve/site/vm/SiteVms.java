package org.gve.site.vm;

import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.identity.Caller;
import org.gve.site.persistence.VmEntity;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Granted VMs and who may touch them. A user sees only their own VMs; anyone else's VM id answers
 * NOT_FOUND exactly like an unknown one. Past its lease a VM answers LEASE_EXPIRED to its owner
 * until an administrator extends the lease or reclaims it; a LOST VM can only be released.
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

    /** An active VM the caller may operate on now: owned, lease not expired, not lost. */
    public SiteVm operable(Caller caller, String vmId) {
        SiteVm vm = releasable(caller, vmId);
        if (vm.lost()) throw lost(vm);
        return vm;
    }

    /** An active VM the caller may give back: owned and lease not expired; a LOST VM may be. */
    public SiteVm releasable(Caller caller, String vmId) {
        SiteVm vm = visible(caller, vmId);
        if (vm.leaseExpired(clock.instant()) && !caller.isAdministrator()) {
            throw new SiteException(SiteFault.LEASE_EXPIRED, "LEASE_EXPIRED", "the lease of VM " + vmId
                    + " ended at " + vm.leaseDeadline() + "; ask an administrator to extend it");
        }
        return vm;
    }

    /** A VM a job is about to act on: granted, not released and not lost (INVALID_STATE otherwise). */
    public SiteVm active(String vmId) {
        SiteVm vm = byId(vmId);
        if (vm.released() != null) {
            throw new SiteException(SiteFault.INVALID_STATE, "VM_RELEASED", "VM " + vmId + " was released at " + vm.released());
        }
        if (vm.lost()) throw lost(vm);
        return vm;
    }

    private static SiteException lost(SiteVm vm) {
        return new SiteException(SiteFault.INVALID_STATE, "VM_LOST", "VM " + vm.vmId() + " was lost: agent "
                + vm.agentName() + " no longer had it at " + vm.lostAt() + "; release it to clear it from your list");
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

    /**
     * Moves a VM's lease deadline (administrators). A deadline in the future makes an expired VM
     * usable again by its owner; the site does not restart a VM the lease enforcer stopped (the
     * owner starts it when they want it). A deadline in the past ends the lease now.
     */
    public SiteVm extendLease(Caller admin, String vmId, Instant deadline) {
        if (deadline == null) throw SiteException.invalid("MISSING_DEADLINE", "NewDeadline is required");
        return sessions.fromTransaction(s -> {
            VmEntity vm = visibleEntity(s, admin, vmId);
            vm.leaseDeadline(deadline);
            if (deadline.isAfter(clock.instant())) vm.leaseStopped(null);
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
                v.vcpus(), v.memoryMiB(), v.diskMiB(), v.template(), v.createdBySite(), v.hostName(), v.leaseDeadline(),
                v.granted(), v.released(), v.lostAt(), v.leaseStopped());
    }
}
