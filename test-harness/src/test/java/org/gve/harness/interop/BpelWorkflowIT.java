package org.gve.harness.interop;

import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineState;
import org.gve.harness.GveTestServer;
import org.gve.harness.RawSoap;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A BPEL engine as a GVE user: Apache ODE 1.3.6, in a JVM of its own, runs the BPEL 2.0 process
 * GveVmWorkflow (src/test/resources/interop/ode/processes). Its partner links are bound to the site's
 * PUBLISHED WSDL, saved into the deployment unit from the running server; HTTP Basic credentials for
 * the site come from an ODE endpoint-properties file (site.endpoint). The process calls
 * RequestVirtualMachine, polls GetJobState in a while/wait loop until the job is finished, calls
 * GetRequestVirtualMachineResult and replies with the VM's UniqueID and State. This test calls the
 * process's own SOAP endpoint and checks the answer against the site.
 *
 * <p>Skipped (with the reason) only when the ODE jars are absent from target/ode-lib, i.e. when the test
 * is run outside Maven, which copies them there in generate-test-resources.
 */
class BpelWorkflowIT {
    private static final String USER = "bianca";
    private static final String PASSWORD = "bianca-bpel-password";
    private static final String WORKFLOW_NS = "urn:gve:workflow:1";

    private static GveTestServer server;
    private static OdeEngine ode;

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> lib = OdeEngine.libraries();
        Assumptions.assumeTrue(lib.isPresent(), "BPEL interop suite skipped: the Apache ODE jars are not in "
                + InteropPaths.target().resolve("ode-lib") + "; run it through Maven (mvn verify copies them there)");
        server = new GveTestServer(Map.of());
        server.addUser(USER, PASSWORD);
        Path run = InteropPaths.target().resolve("interop-ode");
        ode = OdeEngine.start(lib.get(), run);

        Path unit = InteropPaths.fresh(run.resolve("deploy/GveVmWorkflow"));
        InteropPaths.copyTree(InteropPaths.resource("interop/ode/processes/GveVmWorkflow"), unit);
        PublishedWsdl.save(server.endpoint("/site/VirtualMachineRequest?wsdl"), unit, "SiteService.wsdl");
        Files.writeString(unit.resolve("site.endpoint"), String.join("\n",
                "# HTTP Basic credentials ODE sends on every call to the GVE site (written by BpelWorkflowIT)",
                "alias.site=urn:gve:site:1",
                "site.SiteService.ode.http.default-headers.Authorization=Basic " + Base64.getEncoder()
                        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)),
                ""));
        String deployed = ode.deploy("GveVmWorkflow", unit);
        assertTrue(deployed.startsWith("GveVmWorkflow"), deployed);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (ode != null) {
                ode.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /** Calls the process's ProvisionVm operation; returns the reply's fields by local name. */
    private static Map<String, String> provision(int vcpus, long memoryMiB) throws Exception {
        RawSoap.Reply reply = new RawSoap().post(ode.endpoint("processes/GveVmWorkflow"), null, null, RawSoap.envelope(
                "<ProvisionVm xmlns=\"" + WORKFLOW_NS + "\"><VCpus>" + vcpus + "</VCpus><MemoryMiB>" + memoryMiB
                        + "</MemoryMiB></ProvisionVm>"));
        assertEquals(200, reply.status(), () -> "the workflow answered: " + reply.body() + "\nODE log:\n" + ode.logTail());
        Document doc = OdeEngine.parse(reply.body());
        List<String> fields = List.of("JobID", "JobStatus", "Polls", "UniqueID", "State", "FaultCode");
        Map<String, String> out = new LinkedHashMap<>();
        for (String field : fields) {
            var nodes = doc.getElementsByTagNameNS(WORKFLOW_NS, field);
            assertEquals(1, nodes.getLength(), () -> field + " in " + reply.body());
            out.put(field, nodes.item(0).getTextContent().trim());
        }
        return out;
    }

    @Test
    void theBpelProcessObtainsARunningVmThatTheSiteListsForTheUser() throws Exception {
        // larger than the demo host's free pool VM, so the site clones a new VM of exactly this size
        Map<String, String> reply = provision(3, 3072);

        assertEquals("SUCCEEDED", reply.get("JobStatus"), () -> "reply " + reply + "\nODE log:\n" + ode.logTail());
        assertEquals("RUNNING", reply.get("State"), reply::toString);
        String vmId = reply.get("UniqueID");
        assertTrue(Integer.parseInt(reply.get("Polls")) >= 1,
                () -> "a job is PENDING when submitted, so the while/wait loop polled at least once: " + reply);

        JobState job = server.jobs(USER, PASSWORD).getJobState(reply.get("JobID"));
        assertEquals(JobStatus.SUCCEEDED, job.getStatus());
        assertEquals(USER, job.getOwner(), "the process called the site with the credentials of site.endpoint");
        assertEquals(vmId, job.getVirtualMachineID());

        VirtualMachine listed = server.management(USER, PASSWORD).listVirtualMachines().stream()
                .filter(vm -> vm.getUniqueID().equals(vmId)).findFirst()
                .orElseThrow(() -> new AssertionError("the site does not list " + vmId + " for " + USER));
        assertEquals(VirtualMachineState.RUNNING, listed.getState());
        assertEquals(USER, listed.getOwner());
        assertEquals(3, listed.getVCpus(), "the process passed the requested profile on");
        assertEquals(3072, listed.getMemoryMiB());
    }

    @Test
    void aRequestTheSiteRefusesReachesTheProcessAsTheTypedFault() throws Exception {
        Map<String, String> reply = provision(1, -5);
        assertEquals("REFUSED", reply.get("JobStatus"), () -> "reply " + reply + "\nODE log:\n" + ode.logTail());
        assertEquals("INVALID_PROFILE", reply.get("FaultCode"), reply::toString);
        assertEquals("", reply.get("UniqueID"));
        assertTrue(ode.isAlive(), "ODE still runs");
    }
}
