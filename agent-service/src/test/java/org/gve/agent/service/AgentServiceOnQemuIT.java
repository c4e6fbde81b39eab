package org.gve.agent.service;

import org.gve.agent.AgentException;
import org.gve.agent.AgentFault;
import org.gve.agent.libvirt.LibvirtDaemons;
import org.gve.agent.libvirt.QemuSandbox;
import org.gve.agent.libvirt.TinyGuest;
import org.gve.agent.registry.GuestAccess;
import org.gve.agent.spi.GuestCommand;
import org.gve.agent.spi.GuestCommandResult;
import org.gve.agent.spi.GuestFile;
import org.gve.agent.spi.PowerAction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The agent's domain layer on real QEMU (qemu:///system) with booted tiny guests: domains defined and undefined
 * with virsh, behind the agent's back, are noticed; without a registered InstallService, guest commands and file
 * copies go through the QEMU guest agent. Skips, saying why, when libvirtd or the tiny guest is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentServiceOnQemuIT {
    private static final String SITE_A = "site-a";
    private static final String SITE_B = "site-b";
    private static final Duration BOOT = Duration.ofSeconds(90);
    private QemuSandbox sandbox;
    private String template;
    private AgentUnderTest agent;

    @BeforeAll
    void open() {
        Optional<String> unavailable = TinyGuest.unavailableReason();
        assumeTrue(unavailable.isEmpty(), () -> "real-QEMU agent tests skipped: " + unavailable.orElse(""));
        sandbox = new QemuSandbox();
        template = sandbox.defineTinyTemplate();
        agent = new AgentUnderTest(LibvirtDaemons.SYSTEM_URI, sandbox.logs(), Map.of("disk.permissions", "0666"), Clock.systemUTC(),
                Duration.ofSeconds(30));
    }

    @AfterAll
    void close() {
        if (agent != null) agent.close();
        if (sandbox != null) sandbox.close();
    }

    @Test
    void domainsDefinedAndUndefinedWithVirshAreNoticed() throws Exception {
        String name = sandbox.prefix() + "-by-hand";
        Path xml = sandbox.root().resolve(name + ".xml");
        Files.writeString(xml, sandbox.tinyGuest(name, false).toXml());
        virsh("define", xml.toString());
        String id = virsh("domuuid", name).trim();

        agent.service.syncRegistry();
        assertTrue(agent.registry.holding(id).orElseThrow().isFreeFor(SITE_A, java.time.Instant.now()),
                "a domain defined outside GVE is a free VM");
        assertTrue(agent.service.findVms(SITE_B, VmCriteria.ANY, true).stream().anyMatch(v -> v.vm().id().equals(id)));

        virsh("undefine", name);
        agent.service.syncRegistry();
        assertTrue(agent.registry.holding(id).isEmpty(), "an undefined domain is forgotten");
        assertTrue(agent.service.findVms(SITE_A, VmCriteria.ANY, true).stream().noneMatch(v -> v.vm().id().equals(id)));
    }

    @Test
    void withoutAnInstallServiceTheQemuGuestAgentCarriesCommandsAndFiles() throws Exception {
        AgentVm vm = agent.service.create(SITE_A, new NewVm(sandbox.prefix() + "-qga", template, null, null,
                1, 128L, null));
        String id = vm.vm().id();
        assertFalse(vm.holding().guest().present(), "the tiny template runs no InstallService");
        agent.service.power(SITE_A, id, PowerAction.START);
        assertTrue(waitFor(() -> sandbox.serialShows(vm.vm().name(), TinyGuest.MARKER)), "the guest booted");
        assertTrue(waitFor(() -> agentAnswers(id)), "its QEMU guest agent answers");

        GuestCommandResult result = agent.guest.run(SITE_A, id, new GuestCommand(
                List.of("/bin/sh", "-c", "read line; echo \"out:$GREETING:$line:$(pwd)\"; echo err >&2; exit 3"),
                Map.of("GREETING", "hello"), "/tmp", "from-stdin\n", Duration.ofSeconds(30)));
        assertEquals(3, result.exitCode());
        assertEquals("out:hello:from-stdin:/tmp\n", result.stdout());
        assertEquals("err\n", result.stderr());
        assertFalse(result.timedOut());

        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        GuestFile put = agent.guest.put(SITE_A, id, "/tmp/data.bin", "0640", new ByteArrayInputStream(content));
        assertEquals(content.length, put.size());
        assertEquals(sha256(content), put.sha256());
        assertEquals("640", put.mode());
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        GuestFile got = agent.guest.get(SITE_A, id, "/tmp/data.bin", back);
        assertArrayEquals(content, back.toByteArray());
        assertEquals(sha256(content), got.sha256());

        AgentException other = assertThrows(AgentException.class, () -> agent.guest.run(SITE_B, id,
                new GuestCommand(List.of("true"), Map.of(), null, null, null)));
        assertEquals(AgentFault.NOT_FOUND, other.fault(), "another site cannot reach the guest");

        agent.guest.registerInstallService(SITE_A, id,
                new GuestAccess("http://127.0.0.1:9/gve/install", "gve-agent", "not-a-real-secret-000000"));
        AgentException unreachable = assertThrows(AgentException.class, () -> agent.guest.run(SITE_A, id,
                new GuestCommand(List.of("true"), Map.of(), null, null, null)));
        assertEquals(AgentFault.GUEST, unreachable.fault(), "a registered InstallService is used, not bypassed");

        agent.service.release(SITE_A, id, true);
        assertTrue(agent.driver.findVm(id).isEmpty());
    }

    private boolean agentAnswers(String vmId) {
        try {
            return agent.guest.run(SITE_A, vmId, new GuestCommand(List.of("true"), Map.of(), null, null,
                    Duration.ofSeconds(10))).exitCode() == 0;
        } catch (AgentException e) {
            return false;
        }
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + BOOT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(200);
        }
        return condition.getAsBoolean();
    }

    private static String virsh(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("virsh", "-q", "-c", LibvirtDaemons.SYSTEM_URI));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), () -> "virsh " + String.join(" ", args) + ": " + out);
        return out;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
