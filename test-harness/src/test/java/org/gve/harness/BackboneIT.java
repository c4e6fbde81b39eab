package org.gve.harness;

import org.gve.glue.HypervisorType;
import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineProfile;
import org.gve.glue.VirtualMachineState;
import org.gve.wsdl.site.InvalidArgumentFault;
import org.gve.wsdl.site.JobFailedFault;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStateQuery;
import org.gve.wsdl.site.JobStatus;
import org.gve.wsdl.site.NotAuthorizedFault;
import org.gve.wsdl.site.NotFoundFault;
import org.gve.wsdl.site.VirtualMachineRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backbone slice over real SOAP: RequestVirtualMachine on a real embedded Tomcat returns a job at
 * once; the job row is in the H2 database; a worker calls the Agent Service over SOAP; the KVM driver
 * defines and starts the domain on libvirt's test driver; the job ends SUCCEEDED and the result is a
 * GLUE VirtualMachine. Failing agent calls end the job FAILED with the reason.
 */
class BackboneIT {
    private static final String USER = "alice";
    private static final String PASSWORD = "alice-password";
    private static GveTestServer server;
    private static VirtualMachineRequest requests;
    private static JobStateQuery jobs;

    @BeforeAll
    static void start() throws Exception {
        server = new GveTestServer(Map.of());
        server.addUser(USER, PASSWORD);
        requests = server.requests(USER, PASSWORD);
        jobs = server.jobs(USER, PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static VirtualMachineProfile profile(int vcpus, long memoryMiB) {
        VirtualMachineProfile p = new VirtualMachineProfile();
        p.setHypervisorType(HypervisorType.KVM);
        p.setVCpus(vcpus);
        p.setMemoryMiB(memoryMiB);
        return p;
    }

    @Test
    void requestReturnsAJobAtOnceAndEndsWithARunningVm() throws Exception {
        JobState submitted = requests.requestVirtualMachine(profile(1, 256), null, 3600L, null);
        assertTrue(submitted.getStatus() == JobStatus.PENDING || submitted.getStatus() == JobStatus.RUNNING,
                "the answer comes before the work: " + submitted.getStatus());
        assertEquals("REQUEST_VM", submitted.getOperation());
        assertEquals(USER, submitted.getOwner());
        assertNotNull(submitted.getCreated());

        JobState done = Jobs.await(jobs, submitted.getJobID(), Duration.ofSeconds(30));
        assertEquals(JobStatus.SUCCEEDED, done.getStatus(), () -> "fault: " + (done.getFault() == null ? null
                : done.getFault().getCode() + " " + done.getFault().getMessage()));
        assertNotNull(done.getStarted());
        assertNotNull(done.getFinished());

        VirtualMachine vm = requests.getRequestVirtualMachineResult(submitted.getJobID());
        assertEquals(done.getVirtualMachineID(), vm.getUniqueID());
        assertEquals(VirtualMachineState.RUNNING, vm.getState());
        assertEquals(HypervisorType.KVM, vm.getHypervisorType());
        assertEquals(USER, vm.getOwner());
        assertEquals("local-kvm", vm.getAgent());
        assertTrue(vm.getVCpus() >= 1 && vm.getMemoryMiB() >= 256, "the VM fits the profile");
        assertNotNull(vm.getLeaseDeadline());
    }

    @Test
    void aNewVmIsCreatedFromTheTemplateWhenNoFreeVmMatches() throws Exception {
        VirtualMachineProfile p = profile(3, 3000);  // larger than the demo host's free pool VM
        JobState done = Jobs.await(jobs, requests.requestVirtualMachine(p, null, null, null).getJobID(), Duration.ofSeconds(30));
        assertEquals(JobStatus.SUCCEEDED, done.getStatus(), () -> String.valueOf(done.getFault() == null ? "" : done.getFault().getMessage()));
        VirtualMachine vm = requests.getRequestVirtualMachineResult(done.getJobID());
        assertEquals(3, vm.getVCpus());
        assertEquals(3000, vm.getMemoryMiB());
        assertEquals("debian-tiny", vm.getTemplate());
    }

    @Test
    void aFailingAgentCallEndsTheJobFailedWithTheReason() throws Exception {
        VirtualMachineProfile p = profile(1, 256);
        p.setTemplate("no-such-template");
        JobState done = Jobs.await(jobs, requests.requestVirtualMachine(p, null, null, null).getJobID(), Duration.ofSeconds(30));
        assertEquals(JobStatus.FAILED, done.getStatus());
        assertEquals("NO_MATCHING_TEMPLATE", done.getFault().getCode());
        assertTrue(done.getFault().getMessage().contains("no-such-template"), done.getFault().getMessage());
        JobFailedFault fault = assertThrows(JobFailedFault.class, () -> requests.getRequestVirtualMachineResult(done.getJobID()));
        assertEquals("NO_MATCHING_TEMPLATE", fault.getFaultInfo().getCode());
    }

    @Test
    void anUnreachableAgentEndsTheJobFailed() throws Exception {
        server.admin().registerAgent("ghost-xen", "http://127.0.0.1:9/gve/agent", HypervisorType.XEN, "site", "x");
        VirtualMachineProfile p = profile(1, 256);
        p.setHypervisorType(HypervisorType.XEN);
        JobState done = Jobs.await(jobs, requests.requestVirtualMachine(p, null, null, null).getJobID(), Duration.ofSeconds(30));
        assertEquals(JobStatus.FAILED, done.getStatus());
        assertEquals("NO_AGENT_AVAILABLE", done.getFault().getCode());
        assertTrue(done.getFault().getMessage().contains("XEN"), done.getFault().getMessage());
    }

    @Test
    void invalidProfilesAreRefusedWithAClearFault() {
        InvalidArgumentFault negative = assertThrows(InvalidArgumentFault.class,
                () -> requests.requestVirtualMachine(profile(1, -5), null, null, null));
        assertEquals("INVALID_PROFILE", negative.getFaultInfo().getCode());
        assertTrue(negative.getFaultInfo().getMessage().contains("MemoryMiB"), negative.getFaultInfo().getMessage());
        InvalidArgumentFault zeroCpus = assertThrows(InvalidArgumentFault.class,
                () -> requests.requestVirtualMachine(profile(0, 256), null, null, null));
        assertTrue(zeroCpus.getFaultInfo().getMessage().contains("VCpus"));
        assertThrows(InvalidArgumentFault.class, () -> requests.requestVirtualMachine(null, null, null, null));
    }

    @Test
    void resultsOfUnfinishedOrForeignJobsAreRefused() throws Exception {
        server.addUser("bob", "bob-password");
        JobState alices = requests.requestVirtualMachine(profile(1, 256), null, null, null);
        JobStateQuery bobsJobs = server.jobs("bob", "bob-password");
        assertThrows(NotFoundFault.class, () -> bobsJobs.getJobState(alices.getJobID()));
        assertThrows(NotFoundFault.class, () -> server.requests("bob", "bob-password")
                .getRequestVirtualMachineResult(alices.getJobID()));
        assertThrows(NotFoundFault.class, () -> jobs.getJobState("job-does-not-exist"));
        Jobs.await(jobs, alices.getJobID(), Duration.ofSeconds(30));
    }

    @Test
    void wrongOrMissingCredentialsGetNotAuthorized() {
        NotAuthorizedFault wrong = assertThrows(NotAuthorizedFault.class,
                () -> server.jobs(USER, "not-the-password").listJobs(null, null));
        assertEquals("WRONG_CREDENTIALS", wrong.getFaultInfo().getCode());
        NotAuthorizedFault missing = assertThrows(NotAuthorizedFault.class,
                () -> server.jobs(null, null).listJobs(null, null));
        assertEquals("NOT_AUTHENTICATED", missing.getFaultInfo().getCode());
        NotAuthorizedFault notAdmin = assertThrows(NotAuthorizedFault.class,
                () -> org.gve.wsdl.runtime.SoapClients.port(new org.gve.wsdl.site.SiteService(),
                        org.gve.wsdl.site.SiteAdministration.class, server.endpoint("/site/SiteAdministration"),
                        USER, PASSWORD, Duration.ofSeconds(10)).listUsers());
        assertEquals("ADMINISTRATOR_REQUIRED", notAdmin.getFaultInfo().getCode());
    }

    @Test
    void malformedAndUnknownRequestsGetFaultsAndTheServerKeepsServing() throws Exception {
        RawSoap raw = new RawSoap();
        var uri = server.endpoint("/site/VirtualMachineRequest");
        RawSoap.Reply truncated = raw.post(uri, USER, PASSWORD, RawSoap.envelope("<RequestVirtualMachine xmlns=\"urn:gve:site:1\"><Pro"));
        assertEquals(500, truncated.status());
        assertTrue(truncated.body().contains("Fault"), truncated.body());
        RawSoap.Reply notXml = raw.post(uri, USER, PASSWORD, "this is not XML at all");
        assertTrue(notXml.status() >= 400, "status " + notXml.status());
        RawSoap.Reply unknown = raw.post(uri, USER, PASSWORD, RawSoap.envelope("<Frobnicate xmlns=\"urn:gve:site:1\"/>"));
        assertTrue(unknown.body().contains("Frobnicate"), unknown.body());
        RawSoap.Reply hyperv = raw.post(uri, USER, PASSWORD, RawSoap.envelope(
                "<RequestVirtualMachine xmlns=\"urn:gve:site:1\"><Profile><g:HypervisorType xmlns:g=\"urn:gve:glue:1.3\">HYPERV"
                        + "</g:HypervisorType></Profile></RequestVirtualMachine>"));
        assertTrue(hyperv.body().contains("HYPERV") && hyperv.body().contains("KVM, XEN, VMWARE"), hyperv.body());
        RawSoap.Reply letters = raw.post(uri, USER, PASSWORD, RawSoap.envelope(
                "<RequestVirtualMachine xmlns=\"urn:gve:site:1\"><Profile><g:MemoryMiB xmlns:g=\"urn:gve:glue:1.3\">lots"
                        + "</g:MemoryMiB></Profile></RequestVirtualMachine>"));
        assertTrue(letters.body().contains("lots"), letters.body());
        for (RawSoap.Reply reply : new RawSoap.Reply[]{truncated, notXml, unknown, hyperv, letters}) {
            assertFalse(reply.body().contains("at org.") || reply.body().contains("stackTrace")
                    || reply.body().contains("at java."), "no stack trace reaches the client: " + reply.body());
        }
        assertNotNull(jobs.listJobs(null, 5), "the server still serves");
    }

    @Test
    void oversizedPlainRequestsAreRefusedAndTheServerKeepsServing() throws Exception {
        String huge = RawSoap.envelope("<ListJobs xmlns=\"urn:gve:site:1\"><x>" + "a".repeat(17 * 1024 * 1024)
                + "</x></ListJobs>");
        RawSoap.Reply reply = new RawSoap().post(server.endpoint("/site/JobStateQuery"), USER, PASSWORD, huge);
        assertEquals(413, reply.status());
        assertTrue(reply.body().contains("larger than 16 MiB"), reply.body());
        assertNotNull(jobs.listJobs(null, 5), "the server still serves");
    }

    @Test
    void theClientTokenMakesARetryReturnTheSameJob() throws Exception {
        JobState first = requests.requestVirtualMachine(profile(1, 256), null, null, "retry-token-1");
        JobState again = requests.requestVirtualMachine(profile(1, 256), null, null, "retry-token-1");
        assertEquals(first.getJobID(), again.getJobID());
        Jobs.await(jobs, first.getJobID(), Duration.ofSeconds(30));
    }

    @Test
    void healthIsAnsweredWithoutCredentialsAndFollowsTheAgents() throws Exception {
        URI health = URI.create(server.base() + "/health");
        RawSoap.Reply up = new RawSoap().get(health);
        assertEquals(200, up.status(), up.body());
        assertEquals("{\"status\":\"UP\",\"started\":true,\"database\":\"UP\",\"agentsUp\":1,\"agentsDown\":0}",
                up.body().strip());
        server.gve().site().agents().markDown("local-kvm", "test: agent gone");
        try {
            RawSoap.Reply down = new RawSoap().get(health);
            assertEquals(503, down.status(), "no agent UP: the site cannot serve requests");
            assertTrue(down.body().contains("\"status\":\"DOWN\"") && down.body().contains("\"agentsDown\":1"), down.body());
        } finally {
            server.gve().site().pollAgents();  // the next poll finds it UP again
        }
        assertEquals(200, new RawSoap().get(health).status());
    }
}
