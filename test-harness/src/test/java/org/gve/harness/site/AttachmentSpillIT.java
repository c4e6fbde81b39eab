package org.gve.harness.site;

import jakarta.activation.DataHandler;
import org.gve.client.GveClient;
import org.gve.client.GveClientConfig;
import org.gve.client.error.GveException;
import org.gve.glue.HypervisorType;
import org.gve.glue.VirtualMachineProfile;
import org.gve.harness.GveTestServer;
import org.gve.harness.Jobs;
import org.gve.harness.SpillFiles;
import org.gve.wsdl.runtime.StreamDataSource;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStatus;
import org.gve.wsdl.site.InvalidStateFault;
import org.gve.wsdl.site.VirtualMachineManagement;
import org.gve.wsdl.site.VirtualMachineRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uploads leave no temporary files behind on the server: the site and the agent validate each request
 * against the contract's schemas, which reads a multi-megabyte MTOM attachment into a spill file before
 * the operation runs (into the server's own spool directory, {data}/spool); the file must go when the
 * request ends, however it ends. Here the guest has no
 * channel (libvirt's test driver), so the upload crosses the site and the agent and is refused there.
 */
class AttachmentSpillIT {
    private static GveTestServer server;
    private static VirtualMachineManagement alice;
    private static String vmId;

    @BeforeAll
    static void start() throws Exception {
        server = new GveTestServer(Map.of("gve.max-upload-mib", "8"));
        server.addUser("alice", "alice-password");
        VirtualMachineRequest requests = server.requests("alice", "alice-password");
        VirtualMachineProfile profile = new VirtualMachineProfile();
        profile.setHypervisorType(HypervisorType.KVM);
        profile.setVCpus(1);
        profile.setMemoryMiB(256L);
        JobState job = requests.requestVirtualMachine(profile, null, 3600L, null);
        JobState done = Jobs.await(server.jobs("alice", "alice-password"), job.getJobID(), Duration.ofSeconds(30));
        assertEquals(JobStatus.SUCCEEDED, done.getStatus());
        vmId = done.getVirtualMachineID();
        alice = server.management("alice", "alice-password");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aRefusedUploadLeavesNoSpillFileOnTheSiteOrTheAgent() throws Exception {
        SpillFiles spills = new SpillFiles(server.spool());
        Set<Path> before = spills.now();
        for (int i = 0; i < 3; i++) {
            byte[] content = new byte[3 * 1024 * 1024 + i];
            InvalidStateFault refused = assertThrows(InvalidStateFault.class, () ->
                    alice.copyFileToVirtualMachine(vmId, "/tmp/big.bin", "0644",
                            new DataHandler(new StreamDataSource(new ByteArrayInputStream(content)))));
            assertEquals("NO_GUEST_CHANNEL", refused.getFaultInfo().getCode(), refused.getFaultInfo().getMessage());
        }
        assertEquals(Set.of(), spills.leftSince(before));
    }

    @Test
    void anUploadPastTheLimitIsRefusedAndTheServiceGoesOn() throws Exception {
        // announced: refused before a byte of it is read, with a fault saying why
        HttpResponse<String> announced = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server.endpoint("/site/VirtualMachineManagement"))
                .header("Content-Type", "multipart/related; type=\"application/xop+xml\"; boundary=b; start-info=\"text/xml\"")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("alice:alice-password".getBytes()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[9 * 1024 * 1024])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, announced.statusCode());
        assertTrue(announced.body().contains("the upload is larger than 8 MiB, the largest this service accepts"),
                announced.body());

        // streamed (chunked, as Metro sends attachments): refused once the limit is passed, whichever way the
        // client then learns it (the fault, or the connection closed while it still sends)
        byte[] tooLarge = new byte[9 * 1024 * 1024];
        assertThrows(jakarta.xml.ws.WebServiceException.class, () -> alice.copyFileToVirtualMachine(vmId,
                "/tmp/huge.bin", "0644", new DataHandler(new StreamDataSource(new ByteArrayInputStream(tooLarge)))));

        // the Java client library says what probably happened
        Path big = Files.createTempFile("gve-too-large", ".bin");
        try (GveClient client = new GveClient(GveClientConfig.of(server.endpoint(""), "alice", "alice-password".toCharArray()))) {
            Files.write(big, tooLarge);
            GveException cut = assertThrows(GveException.class, () -> client.copyFileTo(vmId, big, "/tmp/huge.bin", "0644"));
            assertTrue(cut.code().equals("UPLOAD_CUT_OFF") && cut.getMessage().contains("gve.max-upload-mib")
                    || cut.getMessage().contains("the upload is larger than 8 MiB"), cut.code() + ": " + cut.getMessage());
        } finally {
            Files.deleteIfExists(big);
        }

        InvalidStateFault next = assertThrows(InvalidStateFault.class, () -> alice.copyFileToVirtualMachine(vmId,
                "/tmp/small.bin", "0644", new DataHandler(new StreamDataSource(new ByteArrayInputStream(new byte[1024])))));
        assertEquals("NO_GUEST_CHANNEL", next.getFaultInfo().getCode(), "the service goes on serving");
    }
}
