package org.gve.client.cli;

import org.gve.client.model.Hypervisor;
import org.gve.client.model.Quota;
import org.gve.client.model.Role;
import org.gve.client.model.User;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.gve.client.cli.CommandDef.options;

/** Site administration (ADMINISTRATOR role), plus {@code usage}, which any user may ask for himself. */
final class AdminCommands {
    private AdminCommands() {
    }

    static List<CommandDef> all() {
        return List.of(
                new CommandDef("agents", "agents", "list registered agents with health and capacity", options(), (a, s) -> {
                    a.expect(0, 0, "no arguments");
                    s.print().agents(s.client().admin().listAgents());
                    return ExitCodes.OK;
                }),
                new CommandDef("register-agent", "register-agent NAME URL KVM|XEN|VMWARE [--agent-user U --agent-password-file F]",
                        "register an Agent Service endpoint", options("agent-user=", "agent-password-file="), AdminCommands::registerAgent),
                new CommandDef("unregister-agent", "unregister-agent NAME [--abandon]",
                        "forget an agent that holds no VMs; --abandon: a DOWN agent gone for good, its VMs become LOST",
                        options("abandon"), (a, s) -> {
                    a.expect(1, 1, "NAME");
                    s.client().admin().unregisterAgent(a.positional(0), a.flag("abandon"));
                    s.print().line("unregistered agent " + a.positional(0));
                    return ExitCodes.OK;
                }),
                new CommandDef("users", "users", "list users with quota and use", options(), (a, s) -> {
                    a.expect(0, 0, "no arguments");
                    s.print().users(s.client().admin().listUsers());
                    return ExitCodes.OK;
                }),
                new CommandDef("register-user", "register-user NAME --role USER|ADMINISTRATOR --password-file F [quota options]",
                        "create a user", options("role=", "password-file=", "vms=", "vcpus=", "memory=", "disk=", "max-lease="),
                        AdminCommands::registerUser),
                new CommandDef("unregister-user", "unregister-user NAME", "delete a user", options(), (a, s) -> {
                    a.expect(1, 1, "NAME");
                    s.client().admin().unregisterUser(a.positional(0));
                    s.print().line("unregistered user " + a.positional(0));
                    return ExitCodes.OK;
                }),
                new CommandDef("quota", "quota USER [--vms N] [--vcpus N] [--memory MiB] [--disk MiB] [--max-lease S]",
                        "set a user's limits (absent ones take the site default)",
                        options("vms=", "vcpus=", "memory=", "disk=", "max-lease="), (a, s) -> {
                            a.expect(1, 1, "USER");
                            Quota quota = quota(a);
                            s.print().user(s.client().admin().setQuota(a.positional(0), quota));
                            return ExitCodes.OK;
                        }),
                new CommandDef("extend-lease", "extend-lease VMID (ISO-INSTANT | +SECONDS)",
                        "move a VM's lease deadline, e.g. 2030-01-01T00:00:00Z or +3600", options(), (a, s) -> {
                            a.expect(2, 2, "VMID ISO-INSTANT");
                            Instant deadline = deadline(a.positional(1), s.clock().instant());
                            s.print().vm(s.client().admin().extendLease(a.positional(0), deadline));
                            return ExitCodes.OK;
                        }),
                new CommandDef("reclaim", "reclaim VMID [--wait [--timeout S]]", "take a VM back from its owner",
                        options("wait", "timeout="),
                        (a, s) -> VmCommands.submit(a.expect(1, 1, "VMID"), s, c -> c.admin().reclaimVm(a.positional(0)), false)),
                new CommandDef("all-vms", "all-vms [--owner U]", "list every VM of the site", options("owner="), (a, s) -> {
                    a.expect(0, 0, "no arguments");
                    s.print().vms(s.client().admin().listAllVms(a.value("owner").orElse(null)));
                    return ExitCodes.OK;
                }),
                new CommandDef("capacity", "capacity", "the site's capacity and allocation", options(), (a, s) -> {
                    a.expect(0, 0, "no arguments");
                    s.print().capacity(s.client().admin().siteCapacity());
                    return ExitCodes.OK;
                }),
                new CommandDef("usage", "usage [USER] [--from ISO-INSTANT] [--to ISO-INSTANT]",
                        "accounting (default: yours over the last 30 days)", options("from=", "to="), (a, s) -> {
                            a.expect(0, 1, "[USER]");
                            Instant now = s.clock().instant();
                            Instant from = a.value("from").map(v -> deadline(v, now)).orElse(null);
                            Instant to = a.value("to").map(v -> deadline(v, now)).orElse(null);
                            s.print().usage(s.client().usage(a.optionalPositional(0).orElse(null), from, to));
                            return ExitCodes.OK;
                        }));
    }

    private static int registerAgent(Args a, Session s) {
        a.expect(3, 3, "NAME URL KVM|XEN|VMWARE");
        URI url;
        try {
            url = new URI(a.positional(1));
        } catch (java.net.URISyntaxException e) {
            throw new UsageException("not a URL: " + a.positional(1), e);
        }
        Hypervisor hypervisor = VmCommands.hypervisor(a.positional(2));
        String agentUser = a.value("agent-user").orElse(null);
        char[] password = a.value("agent-password-file").map(f -> Session.readSecret(Path.of(f))).orElse(null);
        if (password != null && agentUser == null) throw new UsageException("--agent-password-file needs --agent-user");
        try {
            s.print().agent(s.client().admin().registerAgent(a.positional(0), url, hypervisor, agentUser, password));
        } finally {
            if (password != null) Arrays.fill(password, '\0');
        }
        return ExitCodes.OK;
    }

    private static int registerUser(Args a, Session s) {
        a.expect(1, 1, "NAME");
        Role role = role(a.required("role"));
        Quota quota = quota(a);
        char[] password = Session.readSecret(Path.of(a.required("password-file")));
        try {
            if (password.length == 0) throw new UsageException("the password file is empty");
            User user = s.client().admin().registerUser(a.positional(0), password, role, quota);
            s.print().user(user);
        } finally {
            Arrays.fill(password, '\0');
        }
        return ExitCodes.OK;
    }

    static Quota quota(Args a) {
        Integer vms = a.intValue("vms");
        Integer vcpus = a.intValue("vcpus");
        Long memory = a.longValue("memory");
        Long disk = a.longValue("disk");
        Duration lease = a.seconds("max-lease");
        for (Number n : new Number[] {vms, vcpus, memory, disk}) {
            if (n != null && n.longValue() < 0) throw new UsageException("quota limits must not be negative");
        }
        return new Quota(vms, vcpus, memory, disk, lease);
    }

    static Role role(String text) {
        try {
            return Role.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--role must be USER or ADMINISTRATOR, not '" + text + "'", e);
        }
    }

    /** An ISO-8601 instant ({@code 2030-01-01T00:00:00Z}) or {@code +SECONDS} from now. */
    static Instant deadline(String text, Instant now) {
        if (text.startsWith("+")) {
            return now.plusSeconds(Args.parseLong("deadline", text.substring(1), 0, Long.MAX_VALUE / 2));
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("expected an ISO-8601 instant such as 2030-01-01T00:00:00Z or +SECONDS, not '"
                    + text + "'", e);
        }
    }
}
