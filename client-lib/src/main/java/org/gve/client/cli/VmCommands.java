package org.gve.client.cli;

import org.gve.client.GveClient;
import org.gve.client.model.Hypervisor;
import org.gve.client.model.JobState;
import org.gve.client.model.Vm;
import org.gve.client.model.VmProfile;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.gve.client.cli.CommandDef.options;

/** Commands on one's VMs: request, list, describe, and the power, snapshot and migrate jobs. */
final class VmCommands {
    static final String[] PROFILE_OPTIONS = {"vcpus=", "memory=", "disk=", "hypervisor=", "template=", "name=",
        "os=", "arch=", "lease=", "token="};

    private VmCommands() {
    }

    static List<CommandDef> all() {
        return List.of(
                new CommandDef("request", "request [--vcpus N --memory MiB --disk MiB --hypervisor KVM|XEN|VMWARE"
                        + " --template T --name N --os OS --arch A | --vm VMID] [--lease S] [--token T] [--wait [--timeout S]]",
                        "ask for a VM (prints the job id, or the VM with --wait)",
                        options(concat(PROFILE_OPTIONS, "vm=", "wait", "timeout=")), VmCommands::request),
                new CommandDef("vms", "vms", "list your VMs", options(), (a, s) -> {
                    a.expect(0, 0, "no arguments");
                    s.print().vms(s.client().listVms());
                    return ExitCodes.OK;
                }),
                new CommandDef("vm", "vm VMID", "describe one VM", options(), (a, s) -> {
                    a.expect(1, 1, "VMID");
                    s.print().vm(s.client().describeVm(a.positional(0)));
                    return ExitCodes.OK;
                }),
                power("start", "start a VM", GveClient::start),
                new CommandDef("shutdown", "shutdown VMID [--force] [--wait [--timeout S]]",
                        "shut a VM down (ACPI; --force powers off)", options("force", "wait", "timeout="),
                        (a, s) -> submit(a.expect(1, 1, "VMID"), s, c -> c.shutdown(a.positional(0), a.flag("force")))),
                power("suspend", "pause a running VM in memory", GveClient::suspend),
                power("resume", "resume a suspended VM", GveClient::resume),
                power("reboot", "reboot a running VM", GveClient::reboot),
                power("release", "give a VM back to the site", GveClient::release),
                named("snapshot", "take a named snapshot", (c, a) -> c.snapshot(a.positional(0), a.positional(1))),
                named("revert", "revert to a named snapshot", (c, a) -> c.revert(a.positional(0), a.positional(1))),
                new CommandDef("migrate", "migrate VMID (--agent A | --host H) [--wait [--timeout S]]",
                        "move a VM to another agent or host", options("agent=", "host=", "wait", "timeout="), (a, s) -> {
                            a.expect(1, 1, "VMID");
                            if (a.value("agent").isEmpty() && a.value("host").isEmpty()) {
                                throw new UsageException("give --agent A or --host H");
                            }
                            return submit(a, s, c -> c.migrate(a.positional(0), a.value("agent").orElse(null),
                                    a.value("host").orElse(null)));
                        }));
    }

    private static int request(Args a, Session s) {
        a.expect(0, 0, "options only");
        Duration lease = a.seconds("lease");
        String token = a.value("token").orElse(null);
        Duration wait = CommandDef.waitTimeout(a);
        JobState job;
        if (a.value("vm").isPresent()) {
            for (String p : PROFILE_OPTIONS) {
                String name = p.substring(0, p.length() - 1);
                if (!name.equals("lease") && !name.equals("token") && a.value(name).isPresent()) {
                    throw new UsageException("--vm and --" + name + " exclude each other");
                }
            }
            job = s.client().requestExistingVm(a.required("vm"), lease, token);
        } else {
            VmProfile profile = profile(a);
            job = s.client().requestVm(profile, lease, token);
        }
        if (!a.flag("wait")) {
            s.print().line(job.jobId());
            return ExitCodes.OK;
        }
        s.progress("waiting for job " + job.jobId());
        s.print().vm(s.client().awaitVm(job.jobId(), wait));
        return ExitCodes.OK;
    }

    /** The VM profile given by {@code --vcpus --memory --disk --hypervisor --template --name --os --arch}. */
    static VmProfile profile(Args a) {
        Integer vcpus = a.intValue("vcpus");
        Long memory = a.longValue("memory");
        Long disk = a.longValue("disk");
        if (vcpus != null && vcpus < 1) throw new UsageException("--vcpus must be at least 1");
        if (memory != null && memory < 1) throw new UsageException("--memory must be positive (MiB)");
        if (disk != null && disk < 1) throw new UsageException("--disk must be positive (MiB)");
        return VmProfile.builder().vcpus(vcpus).memoryMiB(memory).diskMiB(disk)
                .hypervisor(a.value("hypervisor").map(VmCommands::hypervisor).orElse(null))
                .template(a.value("template").orElse(null)).name(a.value("name").orElse(null))
                .operatingSystemName(a.value("os").orElse(null)).architecture(a.value("arch").orElse(null))
                .build();
    }

    static Hypervisor hypervisor(String text) {
        try {
            return Hypervisor.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("hypervisor must be KVM, XEN or VMWARE, not '" + text + "'", e);
        }
    }

    /**
     * Submits a job once every option is known good; prints the job id, or with --wait waits for success and
     * prints the job and the VM as it then is.
     */
    static int submit(Args a, Session s, Function<GveClient, JobState> op) {
        return submit(a, s, op, true);
    }

    /** @param showVm fetch the VM after the job (GetManagementResult); false for jobs of other ports */
    static int submit(Args a, Session s, Function<GveClient, JobState> op, boolean showVm) {
        Duration wait = CommandDef.waitTimeout(a);
        JobState job = op.apply(s.client());
        if (!a.flag("wait")) {
            s.print().line(job.jobId());
            return ExitCodes.OK;
        }
        s.progress("waiting for job " + job.jobId());
        Optional<Vm> vm = Optional.empty();
        if (showVm) {
            vm = s.client().awaitManaged(job.jobId(), wait);
        } else {
            s.client().awaitSuccess(job.jobId(), wait);
        }
        s.print().line(job.jobId() + " SUCCEEDED");
        vm.ifPresent(v -> s.print().line(v.id() + " " + v.state()));
        return ExitCodes.OK;
    }

    private static CommandDef power(String name, String summary, BiFunction<GveClient, String, JobState> op) {
        return new CommandDef(name, name + " VMID [--wait [--timeout S]]", summary, options("wait", "timeout="),
                (a, s) -> submit(a.expect(1, 1, "VMID"), s, c -> op.apply(c, a.positional(0))));
    }

    private static CommandDef named(String name, String summary, BiFunction<GveClient, Args, JobState> op) {
        return new CommandDef(name, name + " VMID NAME [--wait [--timeout S]]", summary, options("wait", "timeout="),
                (a, s) -> submit(a.expect(2, 2, "VMID NAME"), s, c -> op.apply(c, a)));
    }

    static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
