package org.gve.client.cli;

import org.gve.client.model.Agent;
import org.gve.client.model.GuestFile;
import org.gve.client.model.JobState;
import org.gve.client.model.Quota;
import org.gve.client.model.SiteCapacity;
import org.gve.client.model.Usage;
import org.gve.client.model.User;
import org.gve.client.model.Vm;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Human-readable output of the gve command line: tables for lists, "key: value" lines for one item. */
final class Printer {
    private final PrintStream out;

    Printer(PrintStream out) {
        this.out = out;
    }

    void vms(List<Vm> vms) {
        Table t = new Table("ID", "NAME", "STATE", "HYPERVISOR", "VCPUS", "MEMORY", "OWNER", "AGENT", "LEASE");
        for (Vm v : vms) {
            t.row(v.id(), v.name(), v.state(), v.hypervisor(), v.vcpus(), v.memoryMiB() + "MiB", v.owner(), v.agent(),
                    time(v.leaseDeadline()));
        }
        t.print(out);
    }

    void vm(Vm v) {
        field("id", v.id());
        field("name", v.name());
        field("state", v.state());
        field("hypervisor", v.hypervisor());
        field("vcpus", v.vcpus());
        field("memory", v.memoryMiB() + " MiB");
        field("owner", v.owner());
        field("agent", v.agent());
        field("host", v.hostName());
        field("lease", time(v.leaseDeadline()));
        field("template", v.template());
        v.disks().forEach(d -> field("disk", d.device() + " " + Table.text(d.source())
                + (d.sizeMiB() == null ? "" : " " + d.sizeMiB() + " MiB")));
        v.guestEndpoints().forEach(e -> field("endpoint", e.protocol() + " " + e.address()));
        if (!v.snapshots().isEmpty()) field("snapshots", String.join(", ", v.snapshots()));
    }

    void jobs(List<JobState> jobs) {
        Table t = new Table("JOB", "OPERATION", "VM", "STATUS", "CREATED", "DETAIL");
        for (JobState j : jobs) t.row(j.jobId(), j.operation(), j.vmId(), j.status(), time(j.created()), detail(j));
        t.print(out);
    }

    void job(JobState j) {
        field("job", j.jobId());
        field("operation", j.operation());
        field("vm", j.vmId());
        field("status", j.status());
        field("owner", j.owner());
        field("progress", j.progress());
        if (j.fault() != null) field("fault", j.fault().code() + ": " + j.fault().message());
        field("created", time(j.created()));
        field("started", time(j.started()));
        field("finished", time(j.finished()));
    }

    void agents(List<Agent> agents) {
        Table t = new Table("NAME", "HYPERVISOR", "HEALTH", "VCPUS(FREE/TOTAL)", "MEMORY(FREE/TOTAL)", "VMS", "ENDPOINT");
        for (Agent a : agents) {
            t.row(a.name(), a.hypervisor(), a.health(), ratio(a.vcpusFree(), a.vcpusTotal(), ""),
                    ratio(a.memoryMiBFree(), a.memoryMiBTotal(), "MiB"), a.vmCount(), a.endpoint());
        }
        t.print(out);
    }

    void agent(Agent a) {
        field("agent", a.name());
        field("endpoint", a.endpoint());
        field("hypervisor", a.hypervisor());
        field("health", a.health() + (a.healthDetail() == null ? "" : " (" + a.healthDetail() + ")"));
        field("vcpus", ratio(a.vcpusFree(), a.vcpusTotal(), "") + " free");
        field("memory", ratio(a.memoryMiBFree(), a.memoryMiBTotal(), " MiB") + " free");
    }

    void users(List<User> users) {
        Table t = new Table("USER", "ROLE", "VMS", "VCPUS", "MEMORY", "DISK", "MAX-LEASE");
        for (User u : users) {
            Quota q = u.quota();
            t.row(u.name(), u.role(), used(u, q.maxVms(), U.VMS), used(u, q.maxVcpus(), U.VCPUS),
                    used(u, q.maxMemoryMiB(), U.MEMORY), used(u, q.maxDiskMiB(), U.DISK), seconds(q.maxLease()));
        }
        t.print(out);
    }

    void user(User u) {
        Quota q = u.quota();
        field("user", u.name());
        field("role", u.role());
        field("quota", "vms " + Table.text(q.maxVms()) + ", vcpus " + Table.text(q.maxVcpus()) + ", memory "
                + Table.text(q.maxMemoryMiB()) + " MiB, disk " + Table.text(q.maxDiskMiB()) + " MiB, max lease "
                + seconds(q.maxLease()) + " (- = site default)");
        if (u.inUse() != null) {
            field("in use", "vms " + u.inUse().vms() + ", vcpus " + u.inUse().vcpus() + ", memory "
                    + u.inUse().memoryMiB() + " MiB, disk " + u.inUse().diskMiB() + " MiB");
        }
    }

    void capacity(SiteCapacity c) {
        field("agents", c.agentsUp() + " up, " + c.agentsDown() + " down");
        field("vcpus", c.vcpusFree() + " free of " + c.vcpusTotal());
        field("memory", c.memoryMiBFree() + " MiB free of " + c.memoryMiBTotal() + " MiB");
        field("allocated", c.allocated().vms() + " VMs, " + c.allocated().vcpus() + " vCPUs, "
                + c.allocated().memoryMiB() + " MiB memory, " + c.allocated().diskMiB() + " MiB disk");
    }

    void usage(List<Usage> usage) {
        Table t = new Table("USER", "FROM", "TO", "VM-HOURS", "VCPU-HOURS", "MEMORY-MIB-HOURS");
        for (Usage u : usage) {
            t.row(u.user(), time(u.from()), time(u.to()), decimal(u.vmHours()), decimal(u.vcpuHours()),
                    decimal(u.memoryMiBHours()));
        }
        t.print(out);
    }

    void file(String verb, GuestFile f, String other) {
        out.println(verb + " " + other + " (" + f.size() + " bytes, sha256 " + f.sha256() + ")");
    }

    void line(String text) {
        out.println(text);
    }

    static String time(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String detail(JobState j) {
        if (j.fault() != null) return j.fault().code() + ": " + j.fault().message();
        return j.progress();
    }

    private void field(String name, Object value) {
        out.println(name + ": " + Table.text(value));
    }

    private static String ratio(Number free, Number total, String unit) {
        return Table.text(free) + "/" + Table.text(total) + unit;
    }

    private enum U { VMS, VCPUS, MEMORY, DISK }

    private static String used(User u, Number limit, U what) {
        String max = limit == null ? "-" : limit.toString();
        if (u.inUse() == null) return max;
        long used = switch (what) {
            case VMS -> u.inUse().vms();
            case VCPUS -> u.inUse().vcpus();
            case MEMORY -> u.inUse().memoryMiB();
            case DISK -> u.inUse().diskMiB();
        };
        return used + "/" + max;
    }

    private static String seconds(Duration d) {
        return d == null ? "-" : d.toSeconds() + "s";
    }

    private static String decimal(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String joined(List<String> parts) {
        return parts.stream().collect(Collectors.joining(" "));
    }
}
