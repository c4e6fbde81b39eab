package org.gve.client.cli;

import org.gve.client.GveClient;
import org.gve.client.GveClientConfig;
import org.gve.client.error.AgentUnavailableException;
import org.gve.client.error.AwaitTimeoutException;
import org.gve.client.error.ChecksumMismatchException;
import org.gve.client.error.GveException;
import org.gve.client.error.GveUnsupportedException;
import org.gve.client.error.InvalidArgumentException;
import org.gve.client.error.InvalidStateException;
import org.gve.client.error.JobFailedException;
import org.gve.client.error.LeaseExpiredException;
import org.gve.client.error.LocalFileException;
import org.gve.client.error.NotAuthorizedException;
import org.gve.client.error.NotFoundException;
import org.gve.client.error.QuotaExceededException;
import org.gve.client.error.SiteErrorException;
import org.gve.client.error.SiteUnreachableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line without a site: argument handling, configuration and error lines with exit codes. */
class GveCliTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final List<GveClientConfig> configs = new ArrayList<>();

    /** A CLI whose client factory records the configuration, then fails as told. */
    GveCli cli(Map<String, String> env, Function<GveClientConfig, GveClient> then) {
        return new GveCli(new CliEnvironment(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env,
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), () -> null, config -> {
                    configs.add(config);
                    return then.apply(config);
                }));
    }

    GveCli failingWith(GveException e) {
        return cli(Map.of("GVE_USER", "alice", "GVE_PASSWORD", "pw"), c -> {
            throw e;
        });
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noCommandOrAnUnknownOneIsAUsageError() {
        GveCli cli = failingWith(null);
        assertEquals(ExitCodes.USAGE, cli.run());
        assertEquals(ExitCodes.USAGE, cli.run("frobnicate"));
        assertTrue(err().contains("gve: USAGE: unknown command 'frobnicate'"), err());
        assertTrue(configs.isEmpty(), "no client for a usage error");
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        GveCli cli = failingWith(null);
        assertEquals(ExitCodes.OK, cli.run("help"));
        for (String c : List.of("request", "jobs", "job", "wait", "vms", "vm", "start", "shutdown", "suspend", "resume",
                "reboot", "release", "snapshot", "revert", "migrate", "run", "put", "get", "run-job", "agents",
                "register-agent", "users", "register-user", "quota", "extend-lease", "capacity", "usage")) {
            assertTrue(out().contains("\n  " + c + " ") || out().contains("\n  " + c + "\n"), c);
        }
        assertTrue(out().contains("12 site unreachable"));
        out.reset();
        assertEquals(ExitCodes.OK, cli.run("help", "run-job"));
        assertTrue(out().startsWith("usage: gve [global options] run-job"));
        assertEquals(ExitCodes.OK, cli.run("vms", "--help"));
    }

    @Test
    void configurationComesFromOptionsThenEnvironmentThenDefaults(@TempDir Path dir) throws IOException {
        Path pw = Files.writeString(dir.resolve("pw"), "from-file\nsecond line\n");
        GveCli cli = cli(Map.of("GVE_SITE", "http://env:1/gve", "GVE_USER", "envuser", "GVE_PASSWORD", "envpw"),
                c -> {
                    throw new NotFoundException("VM_NOT_FOUND", "no VM vm-1");
                });
        cli.run("vm", "vm-1");
        cli.run("--site", "http://opt:2/gve", "--user", "bob", "--password-file", pw.toString(), "--call-timeout", "7", "vm", "vm-1");
        assertEquals(URI.create("http://env:1/gve"), configs.get(0).siteBase());
        assertEquals("envuser", configs.get(0).user());
        assertArrayEquals("envpw".toCharArray(), configs.get(0).password());
        assertEquals(URI.create("http://opt:2/gve"), configs.get(1).siteBase());
        assertEquals("bob", configs.get(1).user());
        assertArrayEquals("from-file".toCharArray(), configs.get(1).password());
        assertEquals(7, configs.get(1).callTimeout().toSeconds());

        cli(Map.of("GVE_USER", "u", "GVE_PASSWORD", "p"), c -> {
            throw new NotFoundException("X", "y");
        }).run("vms");
        assertEquals(URI.create(Session.DEFAULT_SITE), configs.get(2).siteBase());
    }

    @Test
    void missingCredentialsAreUsageErrors(@TempDir Path dir) {
        assertEquals(ExitCodes.USAGE, cli(Map.of("GVE_PASSWORD", "p"), c -> null).run("vms"));
        assertTrue(err().contains("gve: USAGE: no user: give --user U or set GVE_USER"), err());
        err.reset();
        assertEquals(ExitCodes.USAGE, cli(Map.of("GVE_USER", "u"), c -> null).run("vms"));
        assertTrue(err().contains("no password"), err());
        err.reset();
        assertEquals(ExitCodes.LOCAL_IO, cli(Map.of("GVE_USER", "u"), c -> null)
                .run("--password-file", dir.resolve("missing").toString(), "vms"));
        assertTrue(err().startsWith("gve: LOCAL_IO_ERROR: cannot read password file"), err());
    }

    @Test
    void everyErrorKindIsOneLineWithItsExitCode() {
        List<GveException> errors = List.of(
                new SiteErrorException("SITE_ERROR", "boom\n  at somewhere"),
                new InvalidArgumentException("INVALID_PROFILE", "VCpus must be positive"),
                new NotAuthorizedException("AUTHENTICATION_FAILED", "wrong password"),
                new NotFoundException("VM_NOT_FOUND", "no VM vm-9"),
                new InvalidStateException("INVALID_VM_STATE", "vm-9 is STOPPED"),
                new QuotaExceededException("QUOTA_EXCEEDED", "at most 2 VMs"),
                new LeaseExpiredException("LEASE_EXPIRED", "lease ended"),
                new AgentUnavailableException("AGENT_UNAVAILABLE", "kvm-1 down"),
                new GveUnsupportedException("UNSUPPORTED_OPERATION", "no live migration on Xen"),
                new JobFailedException("TEMPLATE_NOT_FOUND", "job failed"),
                new SiteUnreachableException("CONNECTION_FAILED", "cannot connect"),
                new AwaitTimeoutException(AwaitTimeoutException.TIMEOUT, "not finished", null),
                new ChecksumMismatchException("CHECKSUM_MISMATCH", "differs"),
                new LocalFileException("LOCAL_IO_ERROR", "disk full"));
        for (GveException e : errors) {
            err.reset();
            assertEquals(ExitCodes.of(e.kind()), failingWith(e).run("vm", "vm-9"), e.toString());
            String line = err();
            assertEquals("gve: " + e.code() + ": " + e.getMessage().replaceAll("\\s*\\n\\s*", " ") + System.lineSeparator(), line);
        }
    }

    @Test
    void aBugIsReportedInOneLineWithoutAStackTrace() {
        int code = cli(Map.of("GVE_USER", "u", "GVE_PASSWORD", "p"), c -> {
            throw new IllegalStateException("unexpected");
        }).run("vms");
        assertEquals(ExitCodes.SITE_ERROR, code);
        assertEquals("gve: INTERNAL: java.lang.IllegalStateException: unexpected" + System.lineSeparator(), err());
        assertFalse(err().contains("\tat "));
    }

    @Test
    void commandArgumentsAreCheckedBeforeAnyCall() {
        GveCli cli = failingWith(new NotFoundException("X", "should not be reached"));
        assertEquals(ExitCodes.USAGE, cli.run("vm"));
        assertEquals(ExitCodes.USAGE, cli.run("vms", "extra"));
        assertEquals(ExitCodes.USAGE, cli.run("request", "--vcpus", "two"));
        assertEquals(ExitCodes.USAGE, cli.run("request", "--hypervisor", "hyperv"));
        assertEquals(ExitCodes.USAGE, cli.run("start", "vm-1", "--force"));
        assertEquals(ExitCodes.USAGE, cli.run("jobs", "--status", "DONE"));
        assertEquals(ExitCodes.USAGE, cli.run("register-user", "carol", "--role", "ROOT", "--password-file", "x"));
        assertTrue(configs.isEmpty(), "none of these reached the site");
    }

    @Test
    void argumentsNeedingTheClientAreStillCheckedBeforeItsCalls() {
        GveCli cli = cli(Map.of("GVE_USER", "u", "GVE_PASSWORD", "p"), c -> null);
        assertEquals(ExitCodes.USAGE, cli.run("migrate", "vm-1"));
        assertEquals(ExitCodes.USAGE, cli.run("request", "--vm", "vm-1", "--vcpus", "2"));
        assertEquals(ExitCodes.USAGE, cli.run("run", "vm-1"));
        assertEquals(ExitCodes.USAGE, cli.run("run-job", "--vcpus", "1", "--in", "nocolon", "--", "true"));
        assertEquals(ExitCodes.USAGE, cli.run("run-job", "--vcpus", "1", "--after", "destroy", "--", "true"));
        assertEquals(ExitCodes.USAGE, cli.run("run", "vm-1", "--env", "NOEQUALS", "--", "env"));
        assertEquals(ExitCodes.USAGE, cli.run("extend-lease", "vm-1", "tomorrow"));
        assertTrue(err().contains("ISO-8601"), err());
    }

    @Test
    void deadlinesAndStagingSpecs() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(now.plusSeconds(3600), AdminCommands.deadline("+3600", now));
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), AdminCommands.deadline("2030-01-01T00:00:00Z", now));
        assertArrayEquals(new String[] {"in.txt", "/tmp/a:b"}, GuestCommands.pair("in.txt:/tmp/a:b", "L:R"));
        assertEquals("/tmp/out", GuestCommands.stageOut(List.of("/tmp/out:res/out")).get(0).remote());
        assertEquals(Path.of("res/out"), GuestCommands.stageOut(List.of("/tmp/out:res/out")).get(0).local());
        assertEquals(Path.of("in.txt"), GuestCommands.stageIn(List.of("in.txt:/tmp/in")).get(0).local());
    }

    @Test
    void secretFilesGiveTheirFirstLine(@TempDir Path dir) throws IOException {
        assertArrayEquals("pässword".toCharArray(), Session.readSecret(Files.writeString(dir.resolve("a"), "pässword\r\nx")));
        assertArrayEquals(new char[0], Session.readSecret(Files.writeString(dir.resolve("b"), "")));
    }
}
