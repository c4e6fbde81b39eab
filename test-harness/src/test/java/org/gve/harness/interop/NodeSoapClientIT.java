package org.gve.harness.interop;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.gve.harness.GveTestServer;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interoperability with a SOAP stack of another language: npm soap@1.13.0 on Node.js 20
 * (src/test/node/site-client.js) builds its clients from the site's PUBLISHED WSDLs, authenticates with
 * HTTP Basic, requests a VM, polls the job, fetches the GLUE VirtualMachine and reads a typed fault.
 * This test starts a real GVE, runs the script as a separate process and checks what it printed
 * against what the site says through the Java client. Skipped, saying why, where Node.js 20 or npm is missing.
 */
class NodeSoapClientIT {
    private static final String USER = "nadia";
    private static final String PASSWORD = "nadia-node-password";
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(90);

    private static NodeToolchain node;
    private static Path work;
    private static GveTestServer server;

    @BeforeAll
    static void start() throws Exception {
        work = InteropPaths.target().resolve("interop-node");
        Files.createDirectories(work);
        NodeToolchain.Lookup lookup = NodeToolchain.find(work);
        Assumptions.assumeTrue(lookup.toolchain() != null, () -> "Node interop suite skipped: " + lookup.missing());
        node = lookup.toolchain();
        node.install(InteropPaths.module().resolve("src/test/node"), work);
        server = new GveTestServer(Map.of());
        server.addUser(USER, PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** Runs site-client.js against the test server; returns the JSON object it printed last. */
    private static JsonObject runClient(String label, String user, String password, int expectedExit) throws Exception {
        List<String> command = List.of(node.node.toString(), "site-client.js", server.base(), user, password,
                String.valueOf(SCRIPT_TIMEOUT.minusSeconds(15).toSeconds()));
        try (ChildProcess script = ChildProcess.start("node-site-client", command, work, Map.of(),
                work.resolve("site-client-" + label + ".out"), work.resolve("site-client-" + label + ".err"))) {
            int exit = script.awaitExit(SCRIPT_TIMEOUT);
            List<String> out = script.lines();
            String json = out.isEmpty() ? "" : out.get(out.size() - 1);
            assertEquals(expectedExit, exit, () -> "site-client.js (node " + node.version + ") exit code; stdout:\n"
                    + String.join("\n", out) + "\nstderr in " + work.resolve("site-client-" + label + ".err"));
            assertTrue(json.startsWith("{"), () -> "site-client.js printed no JSON:\n" + String.join("\n", out));
            return JsonParser.parseString(json).getAsJsonObject();
        }
    }

    @Test
    void nodeSoapGetsARunningVmThroughThePublishedWsdlAndReadsTheTypedFault() throws Exception {
        JsonObject result = runClient("granted", USER, PASSWORD, 0);

        assertEquals(List.of(server.base() + "/site/VirtualMachineRequest?wsdl", server.base() + "/site/JobStateQuery?wsdl"),
                List.of(result.getAsJsonArray("wsdl").get(0).getAsString(), result.getAsJsonArray("wsdl").get(1).getAsString()),
                "the clients were built from the published WSDLs");

        JsonObject job = result.getAsJsonObject("job");
        assertTrue(List.of("PENDING", "RUNNING").contains(job.get("submittedStatus").getAsString()),
                () -> "RequestVirtualMachine answers with a job at once: " + job);
        assertEquals("SUCCEEDED", job.get("status").getAsString(), () -> "the job as node-soap saw it: " + job);

        JsonObject vm = result.getAsJsonObject("vm");
        String vmId = vm.get("UniqueID").getAsString();
        assertEquals("RUNNING", vm.get("State").getAsString());
        assertEquals(USER, vm.get("Owner").getAsString(), "HTTP Basic credentials reached the site");

        JobState seenByJava = server.jobs(USER, PASSWORD).getJobState(job.get("id").getAsString());
        assertEquals(JobStatus.SUCCEEDED, seenByJava.getStatus());
        assertEquals(vmId, seenByJava.getVirtualMachineID(), "node-soap read the same VM the job granted");
        assertTrue(server.management(USER, PASSWORD).listVirtualMachines().stream()
                .anyMatch(v -> v.getUniqueID().equals(vmId)), "the site lists the VM for the user");

        JsonObject invalid = result.getAsJsonObject("invalid");
        assertFalse(invalid.has("accepted"), () -> "a negative MemoryMiB must be refused: " + invalid);
        assertEquals("InvalidArgumentFault", invalid.get("detailElement").getAsString(), invalid::toString);
        assertEquals("INVALID_PROFILE", invalid.get("Code").getAsString(), invalid::toString);
        assertTrue(invalid.get("Message").getAsString().contains("MemoryMiB"), invalid::toString);
        assertEquals(500, invalid.get("httpStatus").getAsInt(), "a SOAP 1.1 fault travels with HTTP 500");
    }

    @Test
    void wrongCredentialsReachNodeSoapAsNotAuthorizedFault() throws Exception {
        JsonObject result = runClient("wrong-password", USER, "not-" + PASSWORD, 1);
        JsonObject fault = result.getAsJsonObject("fault");
        assertEquals("NotAuthorizedFault", fault.get("detailElement").getAsString(), result::toString);
        assertEquals("WRONG_CREDENTIALS", fault.get("Code").getAsString(), result::toString);
        assertFalse(result.has("vm"));
    }
}
