package org.gve.agent.registry;

import jakarta.persistence.LockModeType;
import org.gve.agent.AgentException;
import org.gve.agent.AgentFault;
import org.gve.agent.spi.VmDescription;
import org.gve.wsdl.runtime.SecretBox;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The Registry Service: which VMs exist on this agent's hypervisor and which site holds each.
 * Changes of holder run under a row lock, so two sites racing for one VM cannot both win. The
 * registry database belongs to one agent process; its writes are also serialized in the process,
 * so a sync (which inserts, updates and deletes many rows) never races a holder change or another
 * sync into a constraint or optimistic-lock failure. Guest secrets are stored sealed by the agent's
 * {@link SecretBox} and opened on read; a secret stored in clear (before the registry sealed them)
 * reads as it is until it is written again or {@link #sealClearSecrets} runs.
 */
public final class Registry {
    private static final Logger LOG = Logger.getLogger(Registry.class.getName());
    private final SessionFactory sessions;
    private final Clock clock;
    private final SecretBox secrets;
    private final Duration missingGrace;
    private final ReentrantLock writes = new ReentrantLock();

    /** A registry that forgets a vanished VM at the first sync that misses it. */
    public Registry(RegistryDatabase database, Clock clock, SecretBox secrets) {
        this(database, clock, secrets, Duration.ZERO);
    }

    /**
     * @param missingGrace how long a VM held by a site may be missing from the hypervisor's listing
     *                     before it is forgotten: if it is listed again meanwhile (a listing that
     *                     missed it, a host briefly away) it is still held by its site, and is never
     *                     recorded as a free VM another site could take
     */
    public Registry(RegistryDatabase database, Clock clock, SecretBox secrets, Duration missingGrace) {
        this.sessions = database.sessionFactory();
        this.clock = clock;
        this.secrets = secrets;
        this.missingGrace = missingGrace;
    }

    public Optional<Holding> holding(String vmId) {
        return read(s -> Optional.ofNullable(s.find(RegistryEntry.class, vmId)).map(this::toHolding));
    }

    public Map<String, Holding> holdings() {
        return read(s -> s.createSelectionQuery("from RegistryEntry", RegistryEntry.class).getResultList().stream()
                .map(this::toHolding)
                .collect(Collectors.toMap(Holding::vmId, h -> h)));
    }

    /** Records a VM the agent just made or adopted, held by {@code site}. */
    public Holding recordHeld(VmDescription vm, String site) {
        return write(s -> {
            RegistryEntry entry = s.find(RegistryEntry.class, vm.id(), LockModeType.PESSIMISTIC_WRITE);
            if (entry == null) {
                entry = newEntry(vm);
                s.persist(entry);
            } else if (entry.holderSite() != null && !entry.holderSite().equals(site)) {
                throw new AgentException(AgentFault.INVALID_STATE, "VM_HELD",
                        "VM " + vm.id() + " is already held by another site");
            }
            entry.holdFor(site);
            return toHolding(entry);
        });
    }

    /** Holds a free (or own-reserved) VM for {@code site}. */
    public Holding acquire(String vmId, String site) {
        return write(s -> {
            RegistryEntry entry = lockedEntry(s, vmId);
            Holding current = toHolding(entry);
            if (current.heldBy(site)) return current;
            if (!current.isFreeFor(site, clock.instant())) {
                throw new AgentException(AgentFault.INVALID_STATE, "VM_NOT_FREE",
                        "VM " + vmId + " is held or reserved by another site");
            }
            entry.holdFor(site);
            return toHolding(entry);
        });
    }

    public Holding reserve(String vmId, String site, Duration duration) {
        return write(s -> {
            RegistryEntry entry = lockedEntry(s, vmId);
            if (!toHolding(entry).isFreeFor(site, clock.instant())) {
                throw new AgentException(AgentFault.INVALID_STATE, "VM_NOT_FREE",
                        "VM " + vmId + " is held or reserved by another site");
            }
            entry.reserveFor(site, clock.instant().plus(duration));
            return toHolding(entry);
        });
    }

    /** Frees a VM {@code site} holds. */
    public void release(String vmId, String site) {
        write(s -> {
            RegistryEntry entry = lockedEntry(s, vmId);
            requireHeld(entry, site);
            entry.free();
            return null;
        });
    }

    /** Records how to reach a VM's InstallService; the secret is stored sealed. */
    public void guestAccess(String vmId, GuestAccess access) {
        write(s -> {
            lockedEntry(s, vmId).guest(access.endpoint(), access.user(), secrets.seal(access.secret()));
            return null;
        });
    }

    /**
     * Seals the guest secrets still stored in clear (recorded before the registry sealed them) or
     * sealed under a retired key (after a key rotation) under the current key, and names, in a
     * warning, the VMs whose sealed secret no key of this registry opens. The agent runs it at start.
     */
    public SecretsReport sealClearSecrets() {
        SecretsReport report = write(s -> {
            List<String> sealed = new ArrayList<>();
            List<String> unreadable = new ArrayList<>();
            String problem = null;
            for (RegistryEntry entry : s.createSelectionQuery("from RegistryEntry e where e.guestSecret is not null",
                    RegistryEntry.class).getResultList()) {
                if (!secrets.needsResealing(entry.guestSecret())) continue;
                try {
                    entry.guest(entry.guestEndpoint(), entry.guestUser(), secrets.seal(secrets.open(entry.guestSecret())));
                    sealed.add(entry.vmId());
                } catch (IllegalStateException e) {
                    unreadable.add(entry.vmId());
                    problem = e.getMessage();
                }
            }
            return new SecretsReport(sealed, unreadable, problem);
        });
        if (!report.sealed().isEmpty()) {
            LOG.info(() -> "registry: sealed under the current key the guest secrets (stored in clear or under a"
                    + " retired key) of VMs " + report.sealed());
        }
        if (!report.unreadable().isEmpty()) {
            LOG.warning(() -> "registry: the guest secrets of VMs " + report.unreadable() + " cannot be opened: "
                    + report.problem() + "; their InstallService cannot be reached until that key is back");
        }
        return report;
    }

    public void forget(String vmId) {
        write(s -> {
            RegistryEntry entry = s.find(RegistryEntry.class, vmId, LockModeType.PESSIMISTIC_WRITE);
            if (entry != null) s.remove(entry);
            return null;
        });
    }

    /**
     * Brings the registry in step with what the hypervisor lists: new VMs are recorded as free,
     * vanished ones are forgotten (their holder learns it from the next call on them). The listing
     * is taken under the registry's write lock, so a VM created and recorded meanwhile is never
     * mistaken for a vanished one.
     */
    public SyncReport sync(Supplier<List<VmDescription>> hypervisorListing) {
        writes.lock();
        try {
            List<VmDescription> onHypervisor = hypervisorListing.get();
            return sessions.fromTransaction(s -> reconcile(s, onHypervisor));
        } finally {
            writes.unlock();
        }
    }

    private SyncReport reconcile(Session s, List<VmDescription> onHypervisor) {
        Instant now = clock.instant();
        Map<String, RegistryEntry> known = s.createSelectionQuery("from RegistryEntry", RegistryEntry.class)
                .getResultList().stream().collect(Collectors.toMap(RegistryEntry::vmId, e -> e));
        List<String> appeared = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (VmDescription vm : onHypervisor) {
            present.add(vm.id());
            RegistryEntry entry = known.get(vm.id());
            if (entry == null) {
                s.persist(newEntry(vm));
                appeared.add(vm.id());
            } else {
                entry.seen(vm.name(), vm.state().name(), now);
            }
        }
        if (!present.isEmpty()) {
            s.createMutationQuery("update RegistryEntry e set e.lastSeen = :now where e.vmId in :present")
                    .setParameter("now", now).setParameter("present", present).executeUpdate();
        }
        List<String> vanished = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (RegistryEntry entry : known.values()) {
            if (present.contains(entry.vmId())) continue;
            boolean held = entry.holderSite() != null;
            if (held && entry.lastSeen() != null && now.isBefore(entry.lastSeen().plus(missingGrace))) {
                missing.add(entry.vmId());  // kept for its site a little longer
                continue;
            }
            vanished.add(entry.vmId());
            s.remove(entry);
        }
        if (!appeared.isEmpty() || !vanished.isEmpty()) {
            LOG.info(() -> "registry sync: appeared " + appeared + ", vanished " + vanished);
        }
        if (!missing.isEmpty()) {
            LOG.warning(() -> "registry sync: held VMs " + missing + " are missing from the hypervisor's listing;"
                    + " they stay held until " + missingGrace.toSeconds() + " s after they were last seen");
        }
        return new SyncReport(appeared, vanished);
    }

    private RegistryEntry newEntry(VmDescription vm) {
        return new RegistryEntry(vm.id(), vm.name(), vm.kind().name(), vm.state().name(), vm.templateId(),
                clock.instant());
    }

    private static RegistryEntry lockedEntry(Session s, String vmId) {
        RegistryEntry entry = s.find(RegistryEntry.class, vmId, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            throw new AgentException(AgentFault.NOT_FOUND, "VM_NOT_FOUND", "no VM " + vmId + " on this agent");
        }
        return entry;
    }

    private static void requireHeld(RegistryEntry entry, String site) {
        if (!site.equals(entry.holderSite())) {
            throw new AgentException(AgentFault.NOT_FOUND, "VM_NOT_FOUND", "no VM " + entry.vmId() + " held by site " + site);
        }
    }

    private Holding toHolding(RegistryEntry e) {
        return new Holding(e.vmId(), e.name(), e.templateId(), e.holderSite(), e.reservedBy(), e.reservedUntil(),
                guestAccess(e));
    }

    /** The guest access with its secret opened; one whose secret cannot be opened says why, and has none. */
    private GuestAccess guestAccess(RegistryEntry e) {
        if (e.guestEndpoint() == null && e.guestUser() == null) return GuestAccess.NONE;
        try {
            return new GuestAccess(e.guestEndpoint(), e.guestUser(), secrets.open(e.guestSecret()));
        } catch (IllegalStateException unreadable) {
            return new GuestAccess(e.guestEndpoint(), e.guestUser(), null,
                    "the InstallService secret of VM " + e.vmId() + " is unreadable: " + unreadable.getMessage());
        }
    }

    private <T> T read(Function<Session, T> work) {
        return sessions.fromSession(work);
    }

    private <T> T write(Function<Session, T> work) {
        writes.lock();
        try {
            return sessions.fromTransaction(work);
        } finally {
            writes.unlock();
        }
    }
}
