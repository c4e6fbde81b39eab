package org.gve.site.testing;

import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.agents.AgentGateway;
import org.gve.site.agents.AgentStatusView;
import org.gve.site.agents.AgentVmView;
import org.gve.site.agents.GuestCommandOutcome;
import org.gve.site.agents.GuestCommandSpec;
import org.gve.site.agents.GuestFileView;
import org.gve.site.agents.MigrationTargetView;
import org.gve.site.agents.PowerRequest;
import org.gve.site.agents.ProfileSpec;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory agent with the contract's semantics (free pool, held VMs, templates, power states,
 * snapshots), for site tests without a network. It can be taken down, and any operation can be
 * held at a gate until the test opens it; every call is recorded with its start and end.
 */
public final class FakeAgent implements AgentGateway {
    /** One recorded call: operation, agent VM id (or null), when it started and ended. */
    public record Call(String operation, String vmId, long startNanos, long endNanos) {
    }

    private static final class Vm {
        final String id;
        final String name;
        final int vcpus;
        final long memoryMiB;
        final long diskMiB;
        final String template;
        String state = "STOPPED";
        boolean held;
        final List<String> snapshots = new ArrayList<>();

        Vm(String id, String name, int vcpus, long memoryMiB, long diskMiB, String template) {
            this.id = id;
            this.name = name;
            this.vcpus = vcpus;
            this.memoryMiB = memoryMiB;
            this.diskMiB = diskMiB;
            this.template = template;
        }
    }

    private final String name;
    private final String hypervisor;
    private final int vcpusTotal;
    private final long memoryMiBTotal;
    private final Map<String, Vm> vms = new LinkedHashMap<>();
    private final Set<String> templates = ConcurrentHashMap.newKeySet();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> waiting = new ConcurrentHashMap<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean down;

    public FakeAgent(String name, String hypervisor, int vcpusTotal, long memoryMiBTotal) {
        this.name = name;
        this.hypervisor = hypervisor;
        this.vcpusTotal = vcpusTotal;
        this.memoryMiBTotal = memoryMiBTotal;
        templates.add("tpl");
    }

    // ---- test controls ----

    /** Adds a VM to the free pool (as if it existed before GVE); returns its id. */
    public synchronized String addFreeVm(int vcpus, long memoryMiB) {
        String id = name + "-pool-" + ids.incrementAndGet();
        vms.put(id, new Vm(id, id, vcpus, memoryMiB, 1024, "tpl"));
        return id;
    }

    /** Makes a VM held by the site behind the site's back (e.g. the site crashed after taking it). */
    public synchronized void holdBehindTheSitesBack(String id) {
        vms.get(id).held = true;
    }

    /** The agent forgets who holds a VM, which stays, free (e.g. its registry was lost). */
    public synchronized void forgetHolder(String id) {
        vms.get(id).held = false;
    }

    /** Makes a VM vanish from the hypervisor. */
    public synchronized void vanish(String id) {
        vms.remove(id);
    }

    public synchronized boolean exists(String id) {
        return vms.containsKey(id);
    }

    public synchronized boolean isHeld(String id) {
        Vm vm = vms.get(id);
        return vm != null && vm.held;
    }

    public synchronized String state(String id) {
        Vm vm = vms.get(id);
        return vm == null ? null : vm.state;
    }

    public synchronized List<String> heldIds() {
        return vms.values().stream().filter(v -> v.held).map(v -> v.id).toList();
    }

    public synchronized int vmCount() {
        return vms.size();
    }

    public void down(boolean isDown) {
        this.down = isDown;
    }

    /** Calls of {@code operation} wait until {@link #open} (at most 30 s). */
    public void close(String operation) {
        gates.put(operation, new CountDownLatch(1));
    }

    public void open(String operation) {
        CountDownLatch gate = gates.remove(operation);
        if (gate != null) gate.countDown();
    }

    /** How many calls of {@code operation} wait at its gate now. */
    public int waitingAt(String operation) {
        return waiting.computeIfAbsent(operation, k -> new AtomicInteger()).get();
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public List<Call> calls(String operation) {
        return calls().stream().filter(c -> c.operation().equals(operation)).toList();
    }

    // ---- the contract ----

    @Override
    public String agentName() {
        return name;
    }

    @Override
    public AgentStatusView status() {
        return call("status", null, () -> {
            synchronized (this) {
                List<Vm> on = vms.values().stream().filter(v -> v.state.equals("RUNNING") || v.state.equals("SUSPENDED")).toList();
                return new AgentStatusView(name, hypervisor, vcpusTotal, on.stream().mapToInt(v -> v.vcpus).sum(),
                        memoryMiBTotal, on.stream().mapToLong(v -> v.memoryMiB).sum(), vms.size());
            }
        });
    }

    @Override
    public List<AgentVmView> findFree(ProfileSpec p) {
        return call("findFree", null, () -> {
            synchronized (this) {
                if (p.hypervisor() != null && !p.hypervisor().equals(hypervisor)) return List.of();
                return vms.values().stream().filter(v -> !v.held && v.vcpus >= p.vcpus() && v.memoryMiB >= p.memoryMiB())
                        .map(this::view).toList();
            }
        });
    }

    @Override
    public List<AgentVmView> heldBySite() {
        return call("heldBySite", null, () -> {
            synchronized (this) {
                return vms.values().stream().filter(v -> v.held).map(this::view).toList();
            }
        });
    }

    @Override
    public AgentVmView acquire(String id) {
        return call("acquire", id, () -> {
            synchronized (this) {
                Vm vm = vms.get(id);
                if (vm == null) throw notFound(id);
                if (vm.held) throw new SiteException(SiteFault.INVALID_STATE, "VM_HELD", "VM " + id + " is held");
                vm.held = true;
                return view(vm);
            }
        });
    }

    @Override
    public AgentVmView create(ProfileSpec p, String vmName) {
        return call("create", null, () -> {
            synchronized (this) {
                if (p.template() != null && !templates.contains(p.template())) {
                    throw new SiteException(SiteFault.INVALID_ARGUMENT, "NO_MATCHING_TEMPLATE",
                            "agent " + name + ": no template " + p.template());
                }
                String id = name + "-new-" + ids.incrementAndGet();
                Vm vm = new Vm(id, vmName, p.vcpus(), p.memoryMiB(), p.diskMiB() > 0 ? p.diskMiB() : 1024, "tpl");
                vm.held = true;
                vms.put(id, vm);
                return view(vm);
            }
        });
    }

    @Override
    public AgentVmView describe(String id) {
        return call("describe", id, () -> {
            synchronized (this) {
                return view(held(id));
            }
        });
    }

    @Override
    public AgentVmView power(String id, PowerRequest request) {
        return call(request.name(), id, () -> {
            synchronized (this) {
                Vm vm = held(id);
                vm.state = switch (request) {
                    case START -> require(vm, "RUNNING", "STOPPED");
                    case SHUTDOWN, FORCE_SHUTDOWN -> require(vm, "STOPPED", "RUNNING");
                    case POWER_OFF -> require(vm, "STOPPED", "RUNNING", "SUSPENDED");
                    case SUSPEND -> require(vm, "SUSPENDED", "RUNNING");
                    case RESUME -> require(vm, "RUNNING", "SUSPENDED");
                    case REBOOT -> require(vm, "RUNNING", "RUNNING");
                };
                return view(vm);
            }
        });
    }

    /** Like the real agents: an action already fulfilled is a no-op; an impossible one is INVALID_STATE. */
    private static String require(Vm vm, String next, String... from) {
        if (!vm.state.equals(next) && !List.of(from).contains(vm.state)) {
            throw new SiteException(SiteFault.INVALID_STATE, "INVALID_STATE", "VM " + vm.id + " is " + vm.state);
        }
        return next;
    }

    @Override
    public AgentVmView snapshot(String id, String snapshotName, boolean revert) {
        return call(revert ? "revert" : "snapshot", id, () -> {
            synchronized (this) {
                Vm vm = held(id);
                if (revert && !vm.snapshots.contains(snapshotName)) throw notFound(snapshotName);
                if (!revert) {
                    if (vm.snapshots.contains(snapshotName)) {
                        throw new SiteException(SiteFault.INVALID_STATE, "SNAPSHOT_EXISTS", snapshotName);
                    }
                    vm.snapshots.add(snapshotName);
                }
                return view(vm);
            }
        });
    }

    @Override
    public void release(String id, boolean destroy) {
        call("release", id, () -> {
            synchronized (this) {
                Vm vm = held(id);
                if (destroy) vms.remove(id);
                else vm.held = false;
                return null;
            }
        });
    }

    @Override
    public MigrationTargetView migrationTarget() {
        throw unsupported();
    }

    @Override
    public AgentVmView migrate(String id, MigrationTargetView target, String targetHost) {
        throw unsupported();
    }

    @Override
    public AgentVmView adopt(String id) {
        throw unsupported();
    }

    @Override
    public GuestCommandOutcome runCommand(String id, GuestCommandSpec command) {
        return call("runCommand", id, () -> {
            synchronized (this) {
                held(id);
            }
            return new GuestCommandOutcome(0, String.join(" ", command.argv()), "", false, false, false, 1);
        });
    }

    @Override
    public GuestFileView putFile(String id, String path, String mode, InputStream content) {
        throw unsupported();
    }

    @Override
    public GuestFileView getFile(String id, String path, OutputStream content) {
        throw unsupported();
    }

    // ---- plumbing ----

    private interface Body<T> {
        T run();
    }

    private <T> T call(String operation, String vmId, Body<T> body) {
        if (down) throw unavailable();
        CountDownLatch gate = gates.get(operation);
        if (gate != null) {
            AtomicInteger count = waiting.computeIfAbsent(operation, k -> new AtomicInteger());
            count.incrementAndGet();
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("gate " + operation + " never opened");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable();
            } finally {
                count.decrementAndGet();
            }
            if (down) throw unavailable();
        }
        long start = System.nanoTime();
        try {
            return body.run();
        } finally {
            calls.add(new Call(operation, vmId, start, System.nanoTime()));
        }
    }

    private Vm held(String id) {
        Vm vm = vms.get(id);
        if (vm == null || !vm.held) throw notFound(id);
        return vm;
    }

    private AgentVmView view(Vm v) {
        return new AgentVmView(v.id, v.name, hypervisor, v.state, v.vcpus, v.memoryMiB, v.diskMiB, v.template,
                name + "-host", "debian", "x86_64", v.snapshots, null);
    }

    private SiteException notFound(String id) {
        return new SiteException(SiteFault.NOT_FOUND, "VM_NOT_FOUND", "agent " + name + ": no VM " + id + " for this site");
    }

    private SiteException unavailable() {
        return new SiteException(SiteFault.AGENT_UNAVAILABLE, "AGENT_UNAVAILABLE", "agent " + name
                + " cannot be reached: connection refused (at " + Instant.now() + ")");
    }

    private SiteException unsupported() {
        return new SiteException(SiteFault.UNSUPPORTED, "UNSUPPORTED", "the fake agent cannot do that");
    }
}
