package org.gve.harness.bench;

import org.gve.agent.libvirt.LibvirtDaemons;
import org.gve.agent.libvirt.QemuSandbox;
import org.gve.client.AfterMode;
import org.gve.client.GveClient;
import org.gve.client.GveClientConfig;
import org.gve.client.RunJobInVm;
import org.gve.client.RunJobResult;
import org.gve.client.RunJobSpec;
import org.gve.client.model.GuestCommand;
import org.gve.glue.HypervisorType;
import org.gve.glue.VirtualMachineProfile;
import org.gve.harness.GveTestServer;
import org.gve.harness.Jobs;
import org.gve.harness.guest.QemuGuests;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Benchmark of the GridWay "run a job in a VM" pattern on real QEMU guests running the InstallService:
 * n jobs (stage an input file in, run a program on it, stage the result out) on one VM, with the VM
 * kept running, suspended or shut down after each job. Reports the throughput P(n) = n / T of each mode
 * and the ratios between them, all measured side by side in this one run (target/bench/run-job-throughput.txt).
 * It asserts that every job produced the right output; it asserts nothing about time.
 * n is -Dgve.bench.jobs (default 3).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunJobThroughputIT {
    private static final String USER = "grid-user";
    private static final String PASSWORD = "grid-user-pw-1";
    private final int jobs = Integer.getInteger("gve.bench.jobs", 3);
    private QemuSandbox guests;
    private GveTestServer server;
    private GveClient client;
    private String vmId;
    private Path work;

    @BeforeAll
    void grantOneInstallServiceGuest() throws Exception {
        Optional<String> unavailable = QemuGuests.jvmGuestUnavailable();
        assumeTrue(unavailable.isEmpty(), () -> "run-job benchmark skipped: " + unavailable.orElse(""));
        Path jar = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
                .resolve("../install-service/target/gve-install-service.jar").normalize();
        assumeTrue(Files.isReadable(jar), () -> "run-job benchmark skipped: no " + jar);
        guests = QemuGuests.open();
        Path credentials = guests.newDirectory("credentials");
        String template = QemuGuests.defineInstallServiceTemplate(guests, jar.toRealPath());
        server = new GveTestServer(Map.of(
                "gve.agent.uri", LibvirtDaemons.SYSTEM_URI,
                "gve.agent.image-dir", guests.logs().toString(),
                "gve.agent.option.installService.credentialDir", credentials.toString(),
                "gve.agent.install-service-boot-seconds", "120",
                "gve.site.agent-timeout-seconds", "180"));
        server.addUser(USER, PASSWORD);
        VirtualMachineProfile profile = new VirtualMachineProfile();
        profile.setHypervisorType(HypervisorType.KVM);
        profile.setTemplate(template);
        profile.setName(guests.prefix() + "-bench");
        profile.setVCpus(2);
        profile.setMemoryMiB(768L);
        JobState granted = Jobs.await(server.jobs(USER, PASSWORD),
                server.requests(USER, PASSWORD).requestVirtualMachine(profile, null, 3600L, null).getJobID(),
                Duration.ofSeconds(180));
        assertEquals(JobStatus.SUCCEEDED, granted.getStatus(), () -> granted.getFault() == null ? ""
                : granted.getFault().getCode() + ": " + granted.getFault().getMessage());
        vmId = granted.getVirtualMachineID();
        client = new GveClient(GveClientConfig.of(server.endpoint(""), USER, PASSWORD.toCharArray()));
        work = Files.createTempDirectory("gve-bench");
    }

    @AfterAll
    void removeEverything() throws Exception {
        if (client != null) client.close();
        if (server != null) server.close();
        if (guests != null) guests.close();
    }

    @Test
    void throughputOfRunJobInEachAfterMode() throws Exception {
        RunJobInVm runner = new RunJobInVm(client);
        Map<AfterMode, Double> throughput = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (AfterMode mode : List.of(AfterMode.KEEP, AfterMode.SUSPEND, AfterMode.SHUTDOWN)) {
            long start = System.nanoTime();
            for (int i = 0; i < jobs; i++) runOneJob(runner, mode, i);
            double seconds = (System.nanoTime() - start) / 1e9;
            double perMinute = jobs / seconds * 60;
            throughput.put(mode, perMinute);
            lines.add(String.format("%-9s n=%d  T=%7.1f s  P(n)=%6.2f jobs/min", mode, jobs, seconds, perMinute));
        }
        double keep = throughput.get(AfterMode.KEEP);
        lines.add(String.format("ratios P(keep):P(suspend):P(shutdown) = 1 : %.2f : %.2f",
                throughput.get(AfterMode.SUSPEND) / keep, throughput.get(AfterMode.SHUTDOWN) / keep));
        Path report = Path.of(System.getProperty("basedir", ".")).resolve("target/bench/run-job-throughput.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, lines, StandardCharsets.UTF_8);
        lines.forEach(line -> System.out.println("[bench] " + line));
    }

    private void runOneJob(RunJobInVm runner, AfterMode mode, int i) throws Exception {
        byte[] input = ("job " + i + " of mode " + mode + "\n").repeat(1000).getBytes(StandardCharsets.UTF_8);
        Path in = work.resolve(mode + "-" + i + ".in");
        Path out = work.resolve(mode + "-" + i + ".out");
        Files.write(in, input);
        RunJobResult result = runner.run(new RunJobSpec(null, vmId, null, null,
                List.of(new RunJobSpec.StageIn(in, "/tmp/gve-job.in", "0644")),
                GuestCommand.of("/bin/sh", "-c", "sha256sum /tmp/gve-job.in > /tmp/gve-job.out"),
                List.of(new RunJobSpec.StageOut("/tmp/gve-job.out", out)), mode, Duration.ofMinutes(5)));
        assertEquals(0, result.result().exitCode(), () -> "job " + i + " (" + mode + "): " + result.result().stderr());
        assertEquals(sha256(input), Files.readString(out).split("\\s+")[0], "the staged-out result is the job's");
    }

    private static String sha256(byte[] data) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }
}
